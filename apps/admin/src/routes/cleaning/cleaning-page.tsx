import { useMutation, useQuery } from "@apollo/client/react";
import { RankingChart } from "@revita/ui/charts/ranking-chart";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { type BadgeTone, StatusBadge } from "@revita/ui/components/status-badge";
import { formatDate, formatPeriod } from "@revita/ui/format/period";
import { type EntryField, EntryForm } from "../../features/entry/entry-form.js";
import { refetchQuietly } from "../../features/refetch.js";
import {
  CleaningCampaignsDocument,
  type CleaningCampaignsQuery,
  type CleaningInspectionRowFragment,
  CleaningMonthDocument,
  type CleaningMonthQuery,
  type InspectionKind,
  RecordCleaningFollowUpDocument,
  RecordCleaningInspectionDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { bracketed } from "../../i18n/punctuation.js";
import { hrefOf, type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import { monthFigures, rectification } from "./cleaning-ranking.js";
import "../mediation/mediation-page.css";
import "./cleaning-page.css";

type Campaign = NonNullable<CleaningCampaignsQuery["region"]>["cleaningCampaigns"][number];
type MonthNode = Extract<NonNullable<CleaningMonthQuery["node"]>, { months: string[] }>;
type Ranking = NonNullable<MonthNode["ranking"]>;

const LIST_TONE: Record<"RED" | "BLACK", BadgeTone> = { RED: "good", BLACK: "bad" };

export default function CleaningPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.cleaning.title} untitled={t.nav.cleaning}>
      {(region) => <Cleaning place={place} region={region} />}
    </RegionPage>
  );
}

function Cleaning({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t, locale } = useAppLocale();
  const { data, loading, error, refetch } = useQuery(CleaningCampaignsDocument, { variables: { code: region.code } });
  const campaigns = data?.region?.cleaningCampaigns ?? [];
  const campaign = campaigns.find((c) => String(c.number) === place.params.campaign) ?? campaigns[0];
  return (
    <div className="mediation">
      <p className="muted">{t.cleaning.intro}</p>
      <DataState
        loading={loading && !data}
        error={error}
        empty={campaigns.length === 0}
        emptyText={t.cleaning.none}
        onRetry={() => refetchQuietly(refetch)}
      >
        {campaign && (
          <>
            {campaigns.length > 1 && (
              <label className="cleaning__picker">
                {t.cleaning.campaign}{" "}
                <select
                  value={campaign.number}
                  onChange={(event) =>
                    navigate(withParams(place, { campaign: event.target.value, month: undefined, inspection: undefined }), {
                      replace: true,
                    })
                  }
                >
                  {campaigns.map((c) => (
                    <option key={c.number} value={c.number}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <CampaignMonth key={campaign.number} place={place} region={region} campaign={campaign} locale={locale} />
          </>
        )}
      </DataState>
    </div>
  );
}

function CampaignMonth({
  place,
  region,
  campaign,
  locale,
}: {
  place: Place;
  region: ScopedRegion;
  campaign: Campaign;
  locale: string;
}) {
  const { t } = useAppLocale();
  const name = useNamer();
  // Within the campaign's region: the page's region, unless the campaign is a town's below it.
  const scoped = region.code !== campaign.region.code && isWithin(region.code, campaign.region.code) ? region.code : null;
  // The months first (the latest is shown unless one is chosen), then the month's ranking and inspections.
  const monthsQuery = useQuery(CleaningMonthDocument, {
    variables: { campaign: campaign.id, month: "2000-01", region: scoped, withMonth: false },
  });
  const months = asCampaign(monthsQuery.data?.node)?.months ?? [];
  const month = place.params.month ?? months[0] ?? null;
  const { data, loading, error, refetch } = useQuery(CleaningMonthDocument, {
    variables: { campaign: campaign.id, month: month ?? "2000-01", region: scoped, withMonth: true },
    skip: month === null,
  });
  const node = asCampaign(data?.node);
  const monthLabel = month ? formatPeriod(month, { locale: locale as "zh-CN" | "en" }) : "";
  const ranking = node?.ranking ?? null;
  const inspections = node?.inspections?.edges.map((edge) => edge.node) ?? [];
  const selected = inspections.find((i) => String(i.number) === place.params.inspection);
  const again = () => refetchQuietly(refetch);

  if (place.params.notice === "1" && ranking && month) {
    return <Notice place={place} campaign={campaign} ranking={ranking} inspections={inspections} monthLabel={monthLabel} />;
  }
  const figures = ranking ? monthFigures(ranking) : null;
  return (
    <>
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["RECTIFICATION_OVERDUE"]}
        title={t.alerts.rules.RECTIFICATION_OVERDUE}
        quietWhenNone
      />
      {months.length > 0 && (
        <div className="cleaning__toolbar">
          <label className="cleaning__picker">
            {t.cleaning.month}{" "}
            <select
              value={month ?? ""}
              onChange={(event) =>
                navigate(withParams(place, { month: event.target.value, inspection: undefined }), { replace: true })
              }
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatPeriod(m, { locale: locale as "zh-CN" | "en" })}
                </option>
              ))}
            </select>
          </label>
          {ranking && (
            <a
              className="cleaning__notice-link"
              href={hrefOf(withParams(place, { notice: "1" }))}
              onClick={(event) => {
                event.preventDefault();
                navigate(withParams(place, { notice: "1" }));
              }}
            >
              {t.cleaning.noticeOpen}
            </a>
          )}
        </div>
      )}
      <DataState
        loading={(monthsQuery.loading && !monthsQuery.data) || (loading && !data)}
        error={monthsQuery.error ?? error}
        empty={!monthsQuery.loading && months.length === 0}
        emptyText={t.cleaning.noMonths}
        onRetry={again}
      >
        {ranking && figures && (
          <>
            <section className="mediation__board" aria-label={t.cleaning.villages({ month: monthLabel })}>
              <KpiCard label={t.cleaning.villagesInspected} value={t.cleaning.villageCount({ count: figures.villages })} />
              <KpiCard
                label={t.cleaning.villagesPassed}
                value={t.cleaning.villageCount({ count: figures.passed })}
                detail={t.cleaning.passLine({ score: String(Number(ranking.passScore)) })}
              />
              <KpiCard label={t.cleaning.averageScore} value={t.cleaning.points({ score: figures.average })} />
              <KpiCard
                label={t.cleaning.unfixed}
                value={t.cleaning.villageCount({ count: inspections.filter((i) => (i.overdueDays ?? 0) > 0).length })}
              />
            </section>
            <div className="chart-grid">
              <RankingChart
                title={t.cleaning.rankingChart({ month: monthLabel })}
                description={t.cleaning.rankingChartDescription({ score: String(Number(ranking.passScore)) })}
                rows={ranking.villages.map((v) => ({ key: v.region.code, label: name(v.region), value: v.score }))}
                format={(value) => (value === null ? "—" : t.cleaning.points({ score: String(Number(value)) }))}
                target={ranking.passScore}
              />
              <div className="cleaning__lists">
                <ListPanel title={t.cleaning.redList} tone="good" villages={ranking.villages.filter((v) => v.list === "RED")} />
                <ListPanel
                  title={t.cleaning.blackList}
                  tone="bad"
                  villages={ranking.villages.filter((v) => v.list === "BLACK")}
                />
              </div>
            </div>
            <section className="panel">
              <h2>{t.cleaning.villages({ month: monthLabel })}</h2>
              <DataTable
                caption={t.cleaning.villages({ month: monthLabel })}
                rows={ranking.villages}
                rowKey={(v) => v.region.code}
                exportName={`cleaning-${campaign.number}-${month}`}
                columns={[
                  { key: "rank", header: t.cleaning.rank, value: (v) => v.rank, numeric: true },
                  { key: "village", header: t.cleaning.village, value: (v) => name(v.region) },
                  { key: "town", header: t.cleaning.town, value: (v) => (v.town ? name(v.town) : null) },
                  { key: "score", header: t.cleaning.score, value: (v) => Number(v.score), numeric: true },
                  { key: "inspections", header: t.cleaning.inspectionsCount, value: (v) => v.inspections, numeric: true },
                  { key: "passed", header: t.cleaning.passed, value: (v) => (v.passed ? t.cleaning.yes : t.cleaning.no) },
                  {
                    key: "list",
                    header: t.cleaning.list,
                    value: (v) => (v.list ? t.cleaningLists[v.list] : null),
                    render: (v) =>
                      v.list ? <StatusBadge tone={LIST_TONE[v.list]}>{t.cleaningLists[v.list]}</StatusBadge> : null,
                  },
                ]}
              />
              {ranking.towns.length > 1 && (
                <>
                  <h3>{t.cleaning.towns({ month: monthLabel })}</h3>
                  <DataTable
                    caption={t.cleaning.towns({ month: monthLabel })}
                    rows={ranking.towns}
                    rowKey={(town) => town.region.code}
                    columns={[
                      { key: "rank", header: t.cleaning.rank, value: (v) => v.rank, numeric: true },
                      { key: "town", header: t.cleaning.town, value: (v) => name(v.region) },
                      { key: "average", header: t.cleaning.average, value: (v) => Number(v.average), numeric: true },
                      { key: "villages", header: t.cleaning.villagesInspected, value: (v) => v.villages, numeric: true },
                      { key: "passed", header: t.cleaning.passedCount, value: (v) => v.passed, numeric: true },
                    ]}
                  />
                </>
              )}
            </section>
          </>
        )}
        {month && (
          <section className="panel">
            <h2>{t.cleaning.inspections({ month: monthLabel })}</h2>
            <DataTable
              caption={t.cleaning.inspections({ month: monthLabel })}
              rows={inspections}
              rowKey={(i) => i.id}
              emptyText={t.cleaning.inspectionsEmpty}
              onRowClick={(i) => navigate(withParams(place, { inspection: String(i.number) }), { replace: true })}
              columns={[
                { key: "village", header: t.cleaning.village, value: (i) => name(i.region) },
                { key: "date", header: t.cleaning.date, value: (i) => i.inspectedOn },
                { key: "kind", header: t.cleaning.kind, value: (i) => t.inspectionKinds[i.kind] },
                { key: "score", header: t.cleaning.score, value: (i) => Number(i.score), numeric: true },
                { key: "problems", header: t.cleaning.problems, value: (i) => i.problems ?? t.cleaning.noProblems },
                { key: "due", header: t.cleaning.problemsDue, value: (i) => i.problemsDue ?? null },
                {
                  key: "state",
                  header: t.cleaning.state,
                  value: (i) => stateLabel(i, t),
                  render: (i) => <StatusBadge tone={STATE_TONE[rectification(i)]}>{stateLabel(i, t)}</StatusBadge>,
                },
              ]}
            />
            {selected ? (
              <InspectionFile inspection={selected} canEdit={region.access.edit} refetch={again} />
            ) : (
              inspections.length > 0 && <p className="muted">{t.cleaning.chooseInspection}</p>
            )}
          </section>
        )}
      </DataState>
      {region.access.edit && <RecordInspection campaign={campaign} onRecorded={again} />}
    </>
  );
}

const STATE_TONE: Record<ReturnType<typeof rectification>, BadgeTone> = {
  NONE: "neutral",
  FIXED: "good",
  PENDING: "warning",
  OVERDUE: "bad",
};

function stateLabel(i: CleaningInspectionRowFragment, t: ReturnType<typeof useAppLocale>["t"]): string {
  switch (rectification(i)) {
    case "NONE":
      return t.cleaning.noProblems;
    case "FIXED":
      return t.cleaning.fixedOn({ day: String(i.fixedOn) });
    case "OVERDUE":
      return t.cleaning.overdueDays({ days: i.overdueDays ?? 0 });
    case "PENDING":
      return t.cleaning.pending;
  }
}

function ListPanel({ title, tone, villages }: { title: string; tone: BadgeTone; villages: Ranking["villages"] }) {
  const { t } = useAppLocale();
  const name = useNamer();
  return (
    <section className="panel cleaning__list">
      <h3>
        <StatusBadge tone={tone}>{title}</StatusBadge>
      </h3>
      {villages.length ? (
        <ol>
          {villages.map((v) => (
            <li key={v.region.code}>
              {name(v.region)} <span className="muted">{t.cleaning.points({ score: String(Number(v.score)) })}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t.cleaning.listEmpty}</p>
      )}
    </section>
  );
}

function InspectionFile({
  inspection,
  canEdit,
  refetch,
}: {
  inspection: CleaningInspectionRowFragment;
  canEdit: boolean;
  refetch: () => void;
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const [followUp] = useMutation(RecordCleaningFollowUpDocument);
  const separator = locale === "en" ? "; " : "；";
  return (
    <div className="mediation__file">
      <h3>{t.cleaning.inspectionFile({ village: name(inspection.region), date: String(inspection.inspectedOn) })}</h3>
      <dl className="mediation__facts">
        <dt>{t.cleaning.kind}</dt>
        <dd>
          {t.inspectionKinds[inspection.kind]}
          {separator}
          {inspection.inspector}
        </dd>
        <dt>{t.cleaning.score}</dt>
        <dd>
          {t.cleaning.points({ score: String(Number(inspection.score)) })}:{" "}
          {inspection.scores
            .map((s) => `${locale === "en" ? s.item.nameEn : s.item.nameZh} ${Number(s.score)}/${Number(s.item.weight)}`)
            .join(separator)}
        </dd>
        {inspection.photos.length > 0 && (
          <>
            <dt>{t.cleaning.photos}</dt>
            <dd>{inspection.photos.join(locale === "en" ? ", " : "、")}</dd>
          </>
        )}
        <dt>{t.cleaning.problems}</dt>
        <dd>{inspection.problems ?? t.cleaning.noProblems}</dd>
        {inspection.problemsDue && (
          <>
            <dt>{t.cleaning.problemsDue}</dt>
            <dd>{inspection.problemsDue}</dd>
          </>
        )}
        {inspection.followUps.length > 0 && (
          <>
            <dt>{t.cleaning.followUps}</dt>
            <dd>
              {inspection.followUps
                .map(
                  (f) =>
                    `${f.visitedOn} ${f.by} ${f.fixed ? t.cleaning.followUpFixed : t.cleaning.followUpNotFixed}${f.note ? bracketed(f.note, locale) : ""}`,
                )
                .join(separator)}
            </dd>
          </>
        )}
      </dl>
      {canEdit && inspection.problems && !inspection.fixedOn && (
        <EntryForm
          id={`cleaning-follow-up-${inspection.number}`}
          title={t.cleaning.followUpTitle}
          fields={[
            {
              name: "fixed",
              label: t.cleaning.fixedField,
              type: "select",
              options: [
                { value: "yes", label: t.cleaning.fixedYes },
                { value: "no", label: t.cleaning.fixedNo },
              ],
            },
            { name: "by", label: t.cleaning.by, required: true },
            { name: "visitedOn", label: t.cleaning.visitedOn, type: "date" },
            { name: "note", label: t.cleaning.note },
          ]}
          submitLabel={t.cleaning.saveFollowUp}
          onSubmit={async (values, idempotencyKey) => {
            await followUp({
              variables: {
                idempotencyKey,
                inspection: inspection.number,
                by: values.by ?? "",
                fixed: values.fixed !== "no",
                visitedOn: values.visitedOn,
                note: values.note,
                expectedVersion: inspection.version,
              },
            });
            refetch();
            return t.cleaning.followUpSaved;
          }}
        />
      )}
    </div>
  );
}

function RecordInspection({ campaign, onRecorded }: { campaign: Campaign; onRecorded: () => void }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const [record] = useMutation(RecordCleaningInspectionDocument);
  const villages = campaign.region.descendants.edges.map((edge) => edge.node).filter((node) => node.kind !== "COMMUNITY");
  if (villages.length === 0) return null;
  const fields: EntryField[] = [
    {
      name: "regionCode",
      label: t.cleaning.village,
      type: "select",
      options: villages.map((village) => ({ value: village.code, label: name(village) })),
    },
    {
      name: "kind",
      label: t.cleaning.kind,
      type: "select",
      options: (["UNANNOUNCED", "ANNOUNCED", "COMPETITION"] as const).map((value) => ({
        value,
        label: t.inspectionKinds[value],
      })),
    },
    { name: "inspectedOn", label: t.cleaning.date, type: "date" },
    { name: "inspector", label: t.cleaning.inspector, required: true },
    ...campaign.items.map((item, index) => ({
      name: `scores.${index}.score`,
      label: t.cleaning.itemScore({ item: name(item), weight: String(Number(item.weight)) }),
      decimal: true,
      required: true,
    })),
    { name: "problems", label: t.cleaning.problems },
    { name: "problemsDue", label: t.cleaning.problemsDue, type: "date" },
    { name: "photos", label: t.cleaning.photosField },
  ];
  return (
    <EntryForm
      id="record-cleaning-inspection"
      title={t.cleaning.inspectTitle}
      description={t.cleaning.inspectDescription({ year: campaign.year })}
      fields={fields}
      submitLabel={t.cleaning.record}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await record({
          variables: {
            idempotencyKey,
            input: {
              campaignNumber: campaign.number,
              regionCode: values.regionCode ?? "",
              kind: (values.kind ?? "UNANNOUNCED") as InspectionKind,
              inspectedOn: values.inspectedOn,
              inspector: values.inspector ?? "",
              scores: campaign.items.map((item, index) => ({
                itemCode: item.code,
                score: values[`scores.${index}.score`] ?? "",
              })),
              problems: values.problems,
              problemsDue: values.problemsDue,
              photos: (values.photos ?? "")
                .split(/[,，、\s]+/)
                .map((photo) => photo.trim())
                .filter(Boolean),
            },
          },
        });
        onRecorded();
        return t.cleaning.recorded({ score: String(Number(data!.recordCleaningInspection.score)) });
      }}
    />
  );
}

/** 通报: the month's notice as it is printed and posted — red and black lists, the ranking, the problems. */
function Notice({
  place,
  campaign,
  ranking,
  inspections,
  monthLabel,
}: {
  place: Place;
  campaign: Campaign;
  ranking: Ranking;
  inspections: readonly CleaningInspectionRowFragment[];
  monthLabel: string;
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const figures = monthFigures(ranking);
  const withProblems = inspections.filter((i) => i.problems);
  const names = (villages: Ranking["villages"]) =>
    villages.length
      ? villages.map((v) => `${name(v.region)}${bracketed(String(Number(v.score)), locale)}`).join(locale === "en" ? ", " : "、")
      : t.cleaning.listEmpty;
  return (
    <article className="cleaning-notice">
      <div className="cleaning-notice__actions">
        <button type="button" onClick={() => window.print()}>
          {t.cleaning.print}
        </button>{" "}
        <button type="button" onClick={() => navigate(withParams(place, { notice: undefined }))}>
          {t.cleaning.back}
        </button>
      </div>
      <h2 className="cleaning-notice__title">{t.cleaning.noticeTitle({ campaign: campaign.name, month: monthLabel })}</h2>
      <p>
        {t.cleaning.noticeIntro({
          villages: figures.villages,
          average: figures.average,
          passed: figures.passed,
          pass: String(Number(ranking.passScore)),
        })}
      </p>
      <h3>{t.cleaning.noticeRed}</h3>
      <p>{names(ranking.villages.filter((v) => v.list === "RED"))}</p>
      <h3>{t.cleaning.noticeBlack}</h3>
      <p>{names(ranking.villages.filter((v) => v.list === "BLACK"))}</p>
      <h3>{t.cleaning.noticeRanking}</h3>
      <table className="cleaning-notice__table">
        <thead>
          <tr>
            <th>{t.cleaning.rank}</th>
            <th>{t.cleaning.village}</th>
            <th>{t.cleaning.town}</th>
            <th>{t.cleaning.score}</th>
            <th>{t.cleaning.passed}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.villages.map((v) => (
            <tr key={v.region.code}>
              <td>{v.rank}</td>
              <td>{name(v.region)}</td>
              <td>{v.town ? name(v.town) : ""}</td>
              <td>{Number(v.score)}</td>
              <td>{v.passed ? t.cleaning.yes : t.cleaning.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t.cleaning.noticeProblems}</h3>
      {withProblems.length ? (
        <ol>
          {withProblems.map((i) => (
            <li key={i.number}>
              {name(i.region)}
              {locale === "en" ? ": " : "："}
              {i.problems}
              {bracketed(`${t.cleaning.problemsDue} ${i.problemsDue}`, locale)}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.cleaning.noProblems}</p>
      )}
      <p className="cleaning-notice__issuer">
        {t.cleaning.noticeIssuedBy({
          region: name(campaign.region),
          date: formatDate(chinaToday(), { locale: locale as "zh-CN" | "en" }),
        })}
      </p>
    </article>
  );
}

function asCampaign(node: CleaningMonthQuery["node"] | undefined): MonthNode | null {
  return node && "months" in node ? (node as MonthNode) : null;
}

/** Whether a region's code lies within another's: its code begins with the other's significant digits. */
function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor.replace(/0+$/, ""));
}

/** Today in China (UTC+8), as the notice is dated, whatever the reader's clock zone. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
