import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { DataTable } from "@revita/ui/components/data-table";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { type BadgeTone, StatusBadge } from "@revita/ui/components/status-badge";
import { type EntryField, EntryForm } from "../../features/entry/entry-form.js";
import { refetchQuietly } from "../../features/refetch.js";
import {
  AddAssistanceMeasureDocument,
  AssignHouseholdCadreDocument,
  HouseholdPersonalDataDocument,
  type HouseholdRowFragment,
  type HouseholdStatus,
  HouseholdsPageDocument,
  type HouseholdType,
  type LeadSource,
  type MeasureKind,
  type MemberRelation,
  type MonitoringStepKind,
  RegisterHouseholdDocument,
  type RiskFactor,
  TakeMonitoringStepDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { bracketed } from "../../i18n/punctuation.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import { orderHouseholds, stepFields } from "./household-file.js";
import "../mediation/mediation-page.css";

const STATUS_TONE: Record<HouseholdStatus, BadgeTone> = {
  IDENTIFYING: "info",
  MONITORED: "warning",
  ELIMINATING: "warning",
  RISK_ELIMINATED: "good",
  NOT_INCLUDED: "neutral",
};

export default function HouseholdsPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.households.title} untitled={t.nav.households}>
      {(region) => <Households place={place} region={region} chosenYear={place.params.year ? scope.year : null} />}
    </RegionPage>
  );
}

/** Opened without a year, the overview shows the latest year with confirmations or eliminations. */
function Households({ place, region, chosenYear }: { place: Place; region: ScopedRegion; chosenYear: number | null }) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const { data, loading, error, refetch } = useQuery(HouseholdsPageDocument, {
    variables: { code: region.code, year: chosenYear },
  });
  const overview = data?.region?.monitoringOverview;
  const year = overview?.year ?? chosenYear ?? new Date().getFullYear();
  const households = orderHouseholds(data?.region?.households.edges.map((edge) => edge.node) ?? []);
  const selected = households.find((h) => String(h.number) === place.params.household);
  const notice = data?.region?.notice ?? [];
  const again = () => refetchQuietly(refetch);
  const separator = locale === "en" ? ", " : "、";

  return (
    <div className="mediation">
      <p className="muted">{t.households.intro}</p>
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["IDENTIFICATION_OVERDUE", "ASSISTANCE_MISSING"]}
        title={t.alerts.rules.IDENTIFICATION_OVERDUE}
        quietWhenNone
      />
      <section className="mediation__board" aria-label={t.households.overview({ year })}>
        <KpiCard
          label={t.households.newHouseholds}
          loading={loading && !data}
          value={
            overview ? t.households.householdsPeople({ households: overview.newHouseholds, people: overview.newPeople }) : "—"
          }
          detail={t.households.overview({ year })}
        />
        <KpiCard
          label={t.households.eliminated}
          loading={loading && !data}
          value={
            overview
              ? t.households.householdsPeople({ households: overview.eliminatedHouseholds, people: overview.eliminatedPeople })
              : "—"
          }
          detail={t.households.overview({ year })}
        />
        <KpiCard
          label={t.households.monitoredNow}
          loading={loading && !data}
          value={t.households.count({ count: overview?.monitoredNow ?? 0 })}
          detail={overview ? t.households.withMeasure({ count: overview.withMeasure }) : undefined}
        />
        <KpiCard
          label={t.households.identifying}
          loading={loading && !data}
          value={t.households.count({ count: overview?.identifying ?? 0 })}
          detail={overview ? t.households.overdueDetail({ count: overview.identificationOverdue }) : undefined}
        />
        <KpiCard
          label={t.households.averageDays}
          loading={loading && !data}
          value={
            overview?.averageDaysToIdentify ? t.households.days({ days: String(Number(overview.averageDaysToIdentify)) }) : "—"
          }
          detail={t.households.overview({ year })}
        />
      </section>

      {overview && (
        <div className="chart-grid">
          <section className="panel">
            <h2>{t.households.byType}</h2>
            {overview.byType.length ? (
              <ul>
                {overview.byType.map((row) => (
                  <li key={row.key}>
                    {t.householdTypes[row.key as HouseholdType]} {t.households.count({ count: row.households })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t.households.breakdownEmpty}</p>
            )}
          </section>
          <section className="panel">
            <h2>{t.households.byRisk}</h2>
            {overview.byRiskFactor.length ? (
              <ul>
                {overview.byRiskFactor.map((row) => (
                  <li key={row.key}>
                    {t.riskFactors[row.key as RiskFactor]} {t.households.count({ count: row.households })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t.households.breakdownEmpty}</p>
            )}
          </section>
        </div>
      )}

      <section className="panel">
        <h2>{t.households.list}</h2>
        <DataTable
          caption={t.households.list}
          rows={households}
          rowKey={(h) => h.id}
          loading={loading}
          error={error}
          onRetry={again}
          emptyText={t.households.listEmpty}
          exportName={`households-${region.code}`}
          onRowClick={(h) => navigate(withParams(place, { household: String(h.number) }), { replace: true })}
          columns={[
            { key: "number", header: t.households.number, value: (h) => h.number, numeric: true },
            {
              key: "head",
              header: t.households.head,
              value: (h) => h.headName,
              render: (h) => (
                <span className={selected?.number === h.number ? "mediation__chosen" : undefined}>{h.headName}</span>
              ),
            },
            { key: "type", header: t.households.type, value: (h) => t.householdTypes[h.type] },
            {
              key: "risks",
              header: t.households.risks,
              value: (h) => h.riskFactors.map((r) => t.riskFactors[r]).join(separator),
            },
            { key: "where", header: t.households.where, value: (h) => name(h.region) },
            {
              key: "status",
              header: t.households.status,
              value: (h) => t.householdStatuses[h.status],
              render: (h) => (
                <StatusBadge tone={(h.daysSinceLead ?? 0) > 15 ? "bad" : STATUS_TONE[h.status]}>
                  {t.householdStatuses[h.status]}
                  {h.daysSinceLead !== null && h.daysSinceLead !== undefined
                    ? ` · ${t.households.daysSinceLead({ days: h.daysSinceLead })}`
                    : ""}
                </StatusBadge>
              ),
            },
            { key: "leadOn", header: t.households.leadOn, value: (h) => h.leadOn },
            { key: "cadre", header: t.households.cadre, value: (h) => h.cadreName ?? null },
          ]}
        />
        {data?.region && data.region.households.totalCount > households.length && (
          <p className="muted">
            {t.households.truncated({ shown: households.length, total: data.region.households.totalCount })}
          </p>
        )}
        {selected ? (
          <HouseholdFile household={selected} canEdit={region.access.edit} refetch={again} />
        ) : (
          households.length > 0 && <p className="muted">{t.households.chooseHousehold}</p>
        )}
      </section>

      <section className="panel">
        <h2>{t.households.notice}</h2>
        {notice.length ? (
          <DataTable
            caption={t.households.notice}
            rows={notice}
            rowKey={(entry) => String(entry.householdNumber)}
            columns={[
              { key: "village", header: t.households.where, value: (e) => e.villageName },
              { key: "head", header: t.households.head, value: (e) => e.headName },
              { key: "id", header: t.households.headId, value: (e) => e.headIdNumber ?? null },
              { key: "members", header: t.households.members, value: (e) => e.members, numeric: true },
              { key: "type", header: t.households.type, value: (e) => t.householdTypes[e.type] },
              {
                key: "risks",
                header: t.households.risks,
                value: (e) => e.riskFactors.map((r) => t.riskFactors[r]).join(separator),
              },
              { key: "range", header: t.households.noticeRange, value: (e) => `${e.noticeFrom} — ${e.noticeTo}` },
            ]}
          />
        ) : (
          <p className="muted">{t.households.noticeEmpty}</p>
        )}
      </section>

      {region.access.edit ? (
        <RegisterHousehold
          region={region}
          onRegistered={(n) => {
            again();
            navigate(withParams(place, { household: String(n) }), { replace: true });
          }}
        />
      ) : (
        <p className="muted">{t.households.noEdit}</p>
      )}
    </div>
  );
}

function HouseholdFile({
  household,
  canEdit,
  refetch,
}: {
  household: HouseholdRowFragment;
  canEdit: boolean;
  refetch: () => void;
}) {
  const { t, locale } = useAppLocale();
  const [take] = useMutation(TakeMonitoringStepDocument);
  const [addMeasure] = useMutation(AddAssistanceMeasureDocument);
  const [assignCadre] = useMutation(AssignHouseholdCadreDocument);
  const [reveal, revealed] = useLazyQuery(HouseholdPersonalDataDocument, { fetchPolicy: "network-only" });
  const personal = revealed.data?.node && "personalData" in revealed.data.node ? revealed.data.node.personalData : null;
  const separator = locale === "en" ? "; " : "；";
  const next = household.nextStep;
  const idOf = (number: number) => personal?.members.find((m) => m.number === number)?.idNumber;
  return (
    <div className="mediation__file">
      <h3>
        {t.households.file({ head: household.headName })}{" "}
        <StatusBadge tone={STATUS_TONE[household.status]}>{t.householdStatuses[household.status]}</StatusBadge>
      </h3>
      <dl className="mediation__facts">
        <dt>{t.households.type}</dt>
        <dd>
          {t.householdTypes[household.type]}
          {separator}
          {household.riskFactors.map((r) => t.riskFactors[r]).join(locale === "en" ? ", " : "、")}
        </dd>
        <dt>{t.households.leadSource}</dt>
        <dd>
          {t.leadSources[household.leadSource]} {household.leadOn}
        </dd>
        <dt>{t.households.members}</dt>
        <dd>
          {household.members
            .map(
              (m) =>
                `${t.memberRelations[m.relation]} ${m.name}${(idOf(m.number) ?? m.idNumber) ? ` ${idOf(m.number) ?? m.idNumber}` : ""}`,
            )
            .join(separator)}
        </dd>
        <dt>{t.households.phone}</dt>
        <dd>{personal?.phone ?? household.phone ?? "—"}</dd>
        <dt>{t.households.bankAccount}</dt>
        <dd>{personal?.bankAccount ?? household.bankAccount ?? "—"}</dd>
        <dt>{t.households.cadre}</dt>
        <dd>
          {household.cadreName
            ? `${household.cadreName}${household.cadreUnit ? bracketed(household.cadreUnit, locale) : ""}`
            : "—"}
        </dd>
        {household.incomes.length > 0 && (
          <>
            <dt>{t.households.incomes}</dt>
            <dd>{household.incomes.map((i) => `${i.year}: ${Number(i.perPerson)}`).join(separator)}</dd>
          </>
        )}
      </dl>
      <p className="muted">
        {personal ? (personal.shownInFull ? t.households.shownFull : t.households.notEntitled) : t.households.idMasked}{" "}
        {!personal && (
          <button type="button" onClick={() => reveal({ variables: { id: household.id } })}>
            {t.households.showFull}
          </button>
        )}
      </p>
      <h4>{t.households.steps}</h4>
      <ol className="mediation__steps">
        {household.steps.map((s) => (
          <li key={s.number}>
            <strong>{t.monitoringSteps[s.kind]}</strong>{" "}
            <span className="muted">
              {s.on} · {s.by}
              {household.steps.some((o) => o.round > 1) ? ` · ${t.households.round({ round: s.round })}` : ""}
              {s.approved ? "" : ` · ${t.households.refused}`}
              {s.noticeFrom ? ` · ${s.noticeFrom} — ${s.noticeTo}` : ""}
            </span>
            {s.note && <div>{s.note}</div>}
          </li>
        ))}
      </ol>
      <h4>{t.households.measures}</h4>
      {household.measures.length ? (
        <ul>
          {household.measures.map((m) => (
            <li key={m.number}>
              {t.measureKinds[m.kind]}
              {locale === "en" ? ": " : "："}
              {m.description} <span className="muted">{m.startedOn}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.households.measuresEmpty}</p>
      )}
      {canEdit && next && (
        <EntryForm
          id={`household-step-${household.number}`}
          title={t.households.nextTitle({ step: t.monitoringSteps[next] })}
          fields={stepFields(next, t)}
          submitLabel={t.households.record}
          onSubmit={async (values, idempotencyKey) => {
            await take({
              variables: {
                idempotencyKey,
                input: {
                  householdNumber: household.number,
                  step: next,
                  on: values.on,
                  by: values.by,
                  note: values.note,
                  approved: values.approved ? values.approved === "yes" : null,
                  noticeFrom: values.noticeFrom,
                  noticeTo: values.noticeTo,
                  riskGone: values.riskGone ? values.riskGone === "yes" : null,
                  expectedVersion: household.version,
                },
              },
            });
            refetch();
            return t.households.recorded({ step: t.monitoringSteps[next as MonitoringStepKind] });
          }}
        />
      )}
      {canEdit && household.status !== "NOT_INCLUDED" && household.status !== "RISK_ELIMINATED" && (
        <EntryForm
          id={`household-cadre-${household.number}`}
          title={t.households.cadreTitle}
          fields={[
            { name: "cadreName", label: t.households.cadreName, required: true, defaultValue: household.cadreName ?? "" },
            { name: "cadreUnit", label: t.households.cadreUnit, defaultValue: household.cadreUnit ?? "" },
          ]}
          submitLabel={t.households.assign}
          onSubmit={async (values, idempotencyKey) => {
            await assignCadre({
              variables: {
                idempotencyKey,
                household: household.number,
                cadreName: values.cadreName ?? "",
                cadreUnit: values.cadreUnit,
                expectedVersion: household.version,
              },
            });
            refetch();
            return t.households.assigned;
          }}
        />
      )}
      {canEdit && (household.status === "MONITORED" || household.status === "ELIMINATING") && (
        <EntryForm
          id={`household-measure-${household.number}`}
          title={t.households.measureTitle}
          fields={[
            {
              name: "kind",
              label: t.households.measureKind,
              type: "select",
              options: (Object.keys(t.measureKinds) as MeasureKind[]).map((value) => ({ value, label: t.measureKinds[value] })),
            },
            { name: "description", label: t.households.measureDescription, required: true },
            { name: "startedOn", label: t.households.startedOn, type: "date" },
            { name: "amount", label: t.households.amount, decimal: true },
          ]}
          submitLabel={t.households.addMeasure}
          onSubmit={async (values, idempotencyKey) => {
            await addMeasure({
              variables: {
                idempotencyKey,
                household: household.number,
                kind: (values.kind ?? "OTHER") as MeasureKind,
                description: values.description ?? "",
                startedOn: values.startedOn,
                amount: values.amount,
              },
            });
            refetch();
            return t.households.measureAdded;
          }}
        />
      )}
    </div>
  );
}

function RegisterHousehold({ region, onRegistered }: { region: ScopedRegion; onRegistered: (number: number) => void }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const [register] = useMutation(RegisterHouseholdDocument);
  const isCommunity = region.level === "VILLAGE" || region.level === "GRID" || region.level === "BUILDING";
  if (!isCommunity && (region.level !== "TOWNSHIP" || region.children.length === 0)) return null;
  const fields: EntryField[] = [
    ...(isCommunity
      ? []
      : [
          {
            name: "regionCode",
            label: t.households.village,
            type: "select" as const,
            options: region.children.map((child) => ({ value: child.code, label: name(child) })),
          },
        ]),
    {
      name: "type",
      label: t.households.type,
      type: "select",
      options: (Object.keys(t.householdTypes) as HouseholdType[]).map((value) => ({ value, label: t.householdTypes[value] })),
    },
    {
      name: "riskFactors.0",
      label: t.households.riskFactor,
      type: "select",
      options: (Object.keys(t.riskFactors) as RiskFactor[]).map((value) => ({ value, label: t.riskFactors[value] })),
    },
    {
      name: "leadSource",
      label: t.households.leadSource,
      type: "select",
      options: (Object.keys(t.leadSources) as LeadSource[]).map((value) => ({ value, label: t.leadSources[value] })),
    },
    { name: "leadOn", label: t.households.leadOn, type: "date" },
    { name: "members.0.name", label: t.households.headName, required: true },
    { name: "members.0.idNumber", label: t.households.headId },
    { name: "members.1.name", label: t.households.spouseName },
    { name: "members.1.idNumber", label: t.households.spouseId },
    { name: "phone", label: t.households.phone },
  ];
  return (
    <EntryForm
      id="register-household"
      title={t.households.registerTitle}
      description={t.households.registerDescription}
      fields={fields}
      submitLabel={t.households.register}
      onSubmit={async (values, idempotencyKey) => {
        const members: { name: string; relation: MemberRelation; idNumber?: string | null }[] = [
          { name: values["members.0.name"] ?? "", relation: "HEAD", idNumber: values["members.0.idNumber"] },
        ];
        if (values["members.1.name"]) {
          members.push({ name: values["members.1.name"], relation: "SPOUSE", idNumber: values["members.1.idNumber"] });
        }
        const { data } = await register({
          variables: {
            idempotencyKey,
            input: {
              regionCode: isCommunity ? region.code : (values.regionCode ?? ""),
              type: (values.type ?? "MARGINAL") as HouseholdType,
              riskFactors: [(values["riskFactors.0"] ?? "OTHER") as RiskFactor],
              leadSource: (values.leadSource ?? "APPLICATION") as LeadSource,
              leadOn: values.leadOn,
              phone: values.phone,
              members,
            },
          },
        });
        const number = data!.registerHousehold.number;
        onRegistered(number);
        return t.households.registered({ number });
      }}
    />
  );
}
