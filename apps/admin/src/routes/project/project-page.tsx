import { useQuery } from "@apollo/client/react";
import { ProgressHistoryChart } from "@revita/ui/charts/progress-history-chart";
import { DataState } from "@revita/ui/components/data-state";
import { type Column, DataTable } from "@revita/ui/components/data-table";
import { Money } from "@revita/ui/components/money";
import { ProgressBar } from "@revita/ui/components/progress-bar";
import { ProjectStatusBadge, StatusBadge } from "@revita/ui/components/status-badge";
import { formatQuantity } from "@revita/ui/format/numbers";
import { formatDate, formatPeriod } from "@revita/ui/format/period";
import { moneyRatio, sumMoney } from "../../features/money/sums.js";
import { projectColumns } from "../../features/projects/project-columns.js";
import { ProjectPageDocument, type ProjectPageQuery } from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import type { AppMessages } from "../../i18n/messages.js";
import { bracketed } from "../../i18n/punctuation.js";
import { PlaceLink } from "../../navigation/place-link.js";
import { type Place, pagePlace, withParams } from "../../navigation/places.js";
import { Frame } from "../../shell/frame.js";
import type { RegionScope } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import { ProjectChanges } from "./project-changes.js";
import { ProjectEntry } from "./project-entry.js";
import { ownHistory, phasedHistory } from "./project-history.js";
import { ReportProgressForm } from "./report-progress-form.js";

type Project = NonNullable<ProjectPageQuery["project"]>;
type Phase = Project["phases"][number];

export default function ProjectPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const code = place.projectCode ?? "";
  const { data, loading, error, refetch } = useQuery(ProjectPageDocument, { variables: { code } });
  const project = data?.project;
  return (
    <Frame place={place} scope={scope} title={project ? name(project) : loading ? "…" : code}>
      <DataState
        loading={loading && !data}
        error={error}
        empty={Boolean(data && !project)}
        emptyText={t.project.notFound({ code })}
        onRetry={() => void refetch()}
      >
        {project && <ProjectDetails place={place} project={project} />}
      </DataState>
    </Frame>
  );
}

/** Money on a project's page, by the one money rule; the exact yuan a clerk checks against the ledger is on hover. */
function exactMoney(amount: string | null | undefined, locale: "zh-CN" | "en") {
  return <Money amount={amount} locale={locale} />;
}

function ProjectDetails({ place, project }: { place: Place; project: Project }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const date = (iso: string | null) => formatDate(iso, { locale });
  const span = (from: string | null, to: string | null) => (from || to ? `${date(from)} – ${date(to)}` : "—");
  const history =
    project.phases.length > 0 && project.progressReports.totalCount === 0
      ? phasedHistory(
          project.phases.map((phase) => ({
            totalInvestment: phase.totalInvestment,
            reports: phase.progressReports.edges.map((edge) => edge.node),
          })),
        )
      : ownHistory(project.progressReports.edges.map((edge) => edge.node));
  const phaseTotals = moneyRatio(
    project.phases.map((phase) => ({ part: phase.standing.completedInvestment ?? "0", whole: phase.totalInvestment })),
  );

  return (
    <div className="project">
      <AttentionList
        place={place}
        regionCode={project.region.code}
        subjectCode={project.code}
        title={t.attention.aboutProject}
        quietWhenNone
      />
      <section className="facts" aria-label={t.project.name}>
        <dl>
          <Fact label={t.project.code}>{project.code}</Fact>
          <Fact label={t.project.status}>
            <ProjectStatusBadge status={project.status} />{" "}
            {project.standing.behindSchedule && <StatusBadge tone="bad">{t.project.behind}</StatusBadge>}
          </Fact>
          <Fact label={t.project.category}>{locale === "en" ? project.category.nameEn : project.category.nameZh}</Fact>
          <Fact label={t.project.region}>
            <PlaceLink place={pagePlace(withParams(place, { region: project.region.code }), "overview")}>
              {name(project.region)}
            </PlaceLink>
          </Fact>
          {project.parent && (
            <Fact label={t.project.partOf}>
              <PlaceLink place={pagePlace(place, "project", {}, project.parent.code)}>{name(project.parent)}</PlaceLink>
            </Fact>
          )}
          <Fact label={t.project.totalInvestment}>{exactMoney(project.totalInvestment, locale)}</Fact>
          <Fact label={t.project.completedInvestment}>
            {exactMoney(project.standing.completedInvestment, locale)}
            {project.standing.asOf && <span className="muted"> {t.project.asOf({ date: date(project.standing.asOf) })}</span>}
          </Fact>
          <Fact label={t.project.plannedSchedule}>{span(project.plannedStart, project.plannedFinish)}</Fact>
          <Fact label={t.project.actualSchedule}>{span(project.actualStart, project.actualFinish)}</Fact>
          {project.implementingUnit && <Fact label={t.project.implementingUnit}>{project.implementingUnit.name}</Fact>}
          <Fact label={t.project.deliveryModel}>
            {t.project.deliveryModels[project.deliveryModel as keyof AppMessages["project"]["deliveryModels"]] ??
              project.deliveryModel}
          </Fact>
        </dl>
        <ProgressBar
          completionRate={project.standing.completionRate}
          physicalProgress={project.standing.physicalProgress}
          scheduleElapsed={project.standing.scheduleElapsed}
        />
        {project.description && <p>{project.description}</p>}
      </section>

      {project.phases.length > 0 && (
        <section className="panel">
          <h2>{t.project.phases}</h2>
          <DataTable
            caption={t.project.phases}
            columns={(
              [
                {
                  key: "phase",
                  header: t.project.phases,
                  value: (phase) => phase.phaseNumber ?? 0,
                  render: (phase) => t.project.phase({ n: phase.phaseNumber ?? 0 }),
                },
                ...projectColumns(t, locale, place).filter((column) => column.key !== "category" && column.key !== "region"),
              ] satisfies Column<Phase>[] as Column<Phase>[]
            ).map((column) =>
              column.key === "total" || column.key === "completed"
                ? {
                    ...column,
                    render: (phase: Phase) =>
                      exactMoney(column.key === "total" ? phase.totalInvestment : phase.standing.completedInvestment, locale),
                  }
                : column,
            )}
            rows={project.phases}
            rowKey={(phase) => phase.id}
            exportName={`phases-${project.code}`}
          />
          <p className="phase-totals">
            {t.project.phasesTotal}: {t.project.totalInvestment} <strong>{exactMoney(phaseTotals.whole, locale)}</strong>
            {" · "}
            {t.project.completedInvestment} <strong>{exactMoney(phaseTotals.part, locale)}</strong>
          </p>
        </section>
      )}

      <section className="panel">
        {history.length > 0 ? (
          <ProgressHistoryChart
            title={t.project.history}
            description={t.project.historyDescription}
            points={history}
            totalInvestment={project.phases.length > 0 ? phaseTotals.whole : project.totalInvestment}
          />
        ) : (
          <>
            <h2>{t.project.history}</h2>
            <p>{t.project.noReports}</p>
          </>
        )}
      </section>

      {/* A project with phases reports through its phases. */}
      {project.region.access.edit && project.phases.length === 0 && (
        <ReportProgressForm projectCode={project.code} reported={project.progressReports.edges.map((edge) => edge.node)} />
      )}

      {project.dispatchTasks.length > 0 && (
        <section className="panel">
          <h2>{t.project.tasks}</h2>
          <DataTable
            caption={t.project.tasks}
            rows={project.dispatchTasks}
            rowKey={(task) => String(task.number)}
            columns={[
              {
                key: "title",
                header: t.dispatch.task,
                value: (task) => task.title,
                render: (task) => (
                  <PlaceLink
                    place={withParams(pagePlace(place, "dispatch", { task: String(task.number) }), {
                      region: project.region.code,
                    })}
                  >
                    {task.title}
                  </PlaceLink>
                ),
              },
              { key: "meeting", header: t.dispatch.meeting, value: (task) => `${task.meeting.heldOn} ${task.meeting.title}` },
              { key: "unit", header: t.dispatch.unit, value: (task) => task.unit.name },
              { key: "due", header: t.dispatch.due, value: (task) => task.dueOn },
              {
                key: "status",
                header: t.dispatch.status,
                value: (task) =>
                  task.overdueDays !== null
                    ? `${t.taskStatuses[task.status]}${bracketed(t.dispatch.overdueDays({ days: task.overdueDays }), locale)}`
                    : t.taskStatuses[task.status],
              },
            ]}
          />
        </section>
      )}

      <section className="panel">
        <h2>{t.project.funding}</h2>
        <DataTable
          caption={t.project.funding}
          rows={project.allocations}
          rowKey={(allocation) => allocation.id}
          emptyText={t.project.noAllocations}
          exportName={`funding-${project.code}`}
          columns={[
            { key: "fund", header: t.project.fund, value: (a) => a.fund.nameZh },
            {
              key: "source",
              header: t.funds.source,
              value: (a) => t.sourceTypes[a.fund.sourceType],
            },
            { key: "on", header: t.project.allocatedOn, value: (a) => a.allocatedOn, render: (a) => date(a.allocatedOn) },
            {
              key: "amount",
              header: t.project.allocated,
              numeric: true,
              value: (a) => a.amount,
              render: (a) => exactMoney(a.amount, locale),
            },
            {
              key: "disbursed",
              header: t.project.disbursed,
              numeric: true,
              value: (a) => sumMoney(a.disbursements.map((d) => d.amount)),
              render: (a) => exactMoney(sumMoney(a.disbursements.map((d) => d.amount)), locale),
            },
            {
              key: "payments",
              header: t.project.disbursements,
              numeric: true,
              value: (a) => a.disbursements.length,
              render: (a) =>
                a.disbursements.length === 0
                  ? "—"
                  : t.project.paymentsSummary({
                      count: a.disbursements.length,
                      lastPaidOn: date(a.disbursements.at(-1)!.paidOn),
                    }),
            },
          ]}
        />
      </section>

      {(project.outputs.length > 0 || project.sites.length > 0 || project.source) && (
        <section className="panel">
          {project.outputs.length > 0 && (
            <>
              <h2>{t.project.outputs}</h2>
              <ul>
                {project.outputs.map((output) => (
                  <li key={`${output.metric}-${output.unit}`}>
                    {t.outputMetrics[output.metric]}
                    {locale === "en" ? ": " : "："}
                    {formatQuantity(output.quantity, { locale, unit: output.unit })}
                    {output.note && <span className="muted"> ({output.note})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {project.sites.length > 0 && (
            <>
              <h2>{t.project.sites}</h2>
              <p>
                {project.sites.map((site, index) => (
                  <span key={site.region.code}>
                    {index > 0 && "、"}
                    <PlaceLink place={pagePlace(withParams(place, { region: site.region.code }), "overview")}>
                      {name(site.region)}
                    </PlaceLink>
                  </span>
                ))}
              </p>
            </>
          )}
          {project.source && (
            <p className="muted">
              {t.project.source}
              {project.sourceKind &&
                (locale === "en" ? ` (${t.sourceKinds[project.sourceKind]})` : `（${t.sourceKinds[project.sourceKind]}）`)}
              {locale === "en" ? ": " : "："}
              {project.source}
            </p>
          )}
        </section>
      )}
      {project.region.access.edit && <ProjectEntry project={project} />}
      {project.region.access.administer && <ProjectChanges code={project.code} />}
      {history.length > 0 && (
        <p className="muted">
          {t.project.period}
          {locale === "en" ? ": " : "："}
          {formatPeriod(history[0]!.period, { locale })} – {formatPeriod(history.at(-1)!.period, { locale })}
        </p>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
