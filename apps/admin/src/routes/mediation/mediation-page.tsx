import { useMutation, useQuery } from "@apollo/client/react";
import { DataTable } from "@revita/ui/components/data-table";
import { KpiCard } from "@revita/ui/components/kpi-card";
import { type BadgeTone, StatusBadge } from "@revita/ui/components/status-badge";
import { useState } from "react";
import { type EntryField, EntryForm } from "../../features/entry/entry-form.js";
import { refetchQuietly } from "../../features/refetch.js";
import {
  EscalateMediationCaseDocument,
  type MediationCaseRowFragment,
  MediationPageDocument,
  type MediationStatus,
  OpenMediationCaseDocument,
  TakeMediationStepDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import { bracketed } from "../../i18n/punctuation.js";
import { type Place, withParams } from "../../navigation/places.js";
import { navigate } from "../../navigation/use-place.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import { AttentionList } from "../overview/attention-list.js";
import { board, daysOpen, orderCases } from "./mediation-board.js";
import "./mediation-page.css";

const STATUS_TONE: Record<MediationStatus, BadgeTone> = {
  OPEN: "info",
  SETTLED: "warning",
  REFERRED: "neutral",
  WITHDRAWN: "neutral",
  CLOSED: "good",
};

const LEVELS = ["VILLAGE", "TOWN", "COUNTY"] as const;

export default function MediationPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.mediation.title} untitled={t.nav.mediation}>
      {(region) => <Mediation place={place} region={region} />}
    </RegionPage>
  );
}

function Mediation({ place, region }: { place: Place; region: ScopedRegion }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const { data, loading, error, refetch } = useQuery(MediationPageDocument, { variables: { code: region.code } });
  const cases = orderCases(data?.region?.mediationCases.edges.map((edge) => edge.node) ?? []);
  const today = new Date();
  const selected = cases.find((found) => String(found.number) === place.params.case);
  const columns = board(cases, today);
  const stepLabel = (column: (typeof columns)[number]["column"]) =>
    column === "CONCLUDED"
      ? t.mediation.concluded
      : column === "SCREENING"
        ? t.mediation.notStarted
        : column === "FOLLOW_UP"
          ? t.mediation.awaitingFollowUp
          : t.mediation.awaiting({ step: t.mediationSteps[column] });

  return (
    <div className="mediation">
      <p className="muted">{t.mediation.intro}</p>
      <AttentionList
        place={place}
        regionCode={region.code}
        rules={["FOLLOW_UP_OVERDUE"]}
        title={t.alerts.rules.FOLLOW_UP_OVERDUE}
        quietWhenNone
      />
      <section className="mediation__board" aria-label={t.mediation.board}>
        {columns.map((column) => (
          <KpiCard
            key={column.column}
            label={stepLabel(column.column)}
            loading={loading && !data}
            value={t.mediation.atStep({ count: column.count })}
            detail={column.oldest !== null ? t.mediation.oldest({ days: column.oldest }) : undefined}
          />
        ))}
      </section>

      <section className="panel">
        <h2>{t.mediation.cases}</h2>
        <DataTable
          caption={t.mediation.cases}
          rows={cases}
          rowKey={(found) => found.id}
          loading={loading}
          error={error}
          onRetry={() => refetchQuietly(refetch)}
          emptyText={t.mediation.casesEmpty}
          exportName={`mediation-${region.code}`}
          onRowClick={(found) => navigate(withParams(place, { case: String(found.number) }), { replace: true })}
          columns={[
            { key: "number", header: t.mediation.number, value: (c) => c.number, numeric: true },
            {
              key: "summary",
              header: t.mediation.summary,
              value: (c) => c.summary,
              render: (c) => <span className={selected?.number === c.number ? "mediation__chosen" : undefined}>{c.summary}</span>,
            },
            { key: "type", header: t.mediation.type, value: (c) => t.disputeTypes[c.type] },
            { key: "where", header: t.mediation.where, value: (c) => name(c.region) },
            {
              key: "status",
              header: t.mediation.status,
              value: (c) => t.mediationStatuses[c.status],
              render: (c) => <StatusBadge tone={STATUS_TONE[c.status]}>{t.mediationStatuses[c.status]}</StatusBadge>,
            },
            {
              key: "step",
              header: t.mediation.step,
              value: (c) => (c.lastStep ? t.mediationSteps[c.lastStep] : t.mediation.notStarted),
            },
            { key: "organization", header: t.mediation.organization, value: (c) => c.organization.name },
            { key: "receivedOn", header: t.mediation.receivedOn, value: (c) => c.receivedOn },
            {
              key: "age",
              header: t.mediation.age,
              value: (c) => (c.status === "OPEN" ? daysOpen(String(c.receivedOn), today) : null),
              numeric: true,
            },
          ]}
        />
        {data?.region && data.region.mediationCases.totalCount > cases.length && (
          <p className="muted">{t.mediation.truncated({ shown: cases.length, total: data.region.mediationCases.totalCount })}</p>
        )}
        {selected ? (
          <CaseFile
            found={selected}
            canEdit={region.access.edit}
            organizations={data?.region?.mediationOrganizations ?? []}
            refetch={() => refetchQuietly(refetch)}
          />
        ) : (
          cases.length > 0 && <p className="muted">{t.mediation.chooseCase}</p>
        )}
      </section>

      {region.access.edit && (
        <FileCase
          region={region}
          onFiled={(number) => {
            refetchQuietly(refetch);
            navigate(withParams(place, { case: String(number) }), { replace: true });
          }}
        />
      )}
    </div>
  );
}

function CaseFile({
  found,
  canEdit,
  organizations,
  refetch,
}: {
  found: MediationCaseRowFragment;
  canEdit: boolean;
  organizations: readonly { number: number; name: string; level: string; region: { code: string } }[];
  refetch: () => void;
}) {
  const { t, locale } = useAppLocale();
  const [take] = useMutation(TakeMediationStepDocument);
  const [escalate] = useMutation(EscalateMediationCaseDocument);
  const [outcome, setOutcome] = useState("SETTLED");
  const up = LEVELS[LEVELS.indexOf(found.level as (typeof LEVELS)[number]) + 1];
  // One level up, above the case's region: its code begins with theirs (the town's six digits and three, the county's six).
  const above = organizations.filter(
    (organization) => organization.level === up && found.region.code.startsWith(organization.region.code.replace(/0+$/, "")),
  );
  const next = found.nextStep;
  const stepFields: EntryField[] = [
    ...(next === "MEDIATION"
      ? [
          {
            name: "outcome",
            label: t.mediation.outcome,
            type: "select" as const,
            defaultValue: outcome,
            options: (["SETTLED", "REFERRED", "WITHDRAWN"] as const).map((value) => ({
              value,
              label: t.mediationOutcomes[value],
            })),
          },
          outcome === "REFERRED"
            ? { name: "referredTo", label: t.mediation.referredTo }
            : { name: "agreement", label: t.mediation.agreementField },
        ]
      : []),
    { name: "note", label: t.mediation.note },
    { name: "on", label: t.mediation.on, type: "date" },
  ];
  return (
    <div className="mediation__file">
      <h3>
        {t.mediation.file({ number: found.number })}{" "}
        <StatusBadge tone={STATUS_TONE[found.status]}>{t.mediationStatuses[found.status]}</StatusBadge>
      </h3>
      <dl className="mediation__facts">
        <dt>{t.mediation.summary}</dt>
        <dd>{found.summary}</dd>
        <dt>{t.mediation.parties}</dt>
        <dd>
          {found.parties
            .map((party) => `${t.partyRoles[party.role]} ${party.name}${party.idNumber ? bracketed(party.idNumber, locale) : ""}`)
            .join(locale === "en" ? "; " : "；")}
          <br />
          <span className="muted">{t.mediation.partiesMasked}</span>
        </dd>
        <dt>{t.mediation.organization}</dt>
        <dd>
          {found.organization.name}
          {bracketed(t.mediationLevels[found.level], locale)}
        </dd>
        {found.agreement && (
          <>
            <dt>{t.mediation.agreement}</dt>
            <dd>{found.agreement}</dd>
          </>
        )}
        {found.followUpDue && found.status === "SETTLED" && (
          <>
            <dt>{t.mediation.followUpDue}</dt>
            <dd>{found.followUpDue}</dd>
          </>
        )}
      </dl>
      <h4>{t.mediation.steps}</h4>
      <ol className="mediation__steps">
        {found.steps.map((step) => (
          <li key={step.number}>
            <strong>
              {step.step ? t.mediationSteps[step.step] : t.mediation.escalated({ level: t.mediationLevels[step.escalatedTo!] })}
            </strong>{" "}
            <span className="muted">
              {step.on} · {step.by}
            </span>
            {step.note && <div>{step.note}</div>}
          </li>
        ))}
      </ol>
      {canEdit && next && found.status !== "CLOSED" && (
        <EntryForm
          id={`mediation-step-${found.number}`}
          title={t.mediation.nextStepTitle({ step: t.mediationSteps[next] })}
          fields={stepFields}
          submitLabel={t.mediation.record}
          onFieldChange={(field, value) => field === "outcome" && setOutcome(value)}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await take({
              variables: {
                idempotencyKey,
                input: {
                  caseNumber: found.number,
                  step: next,
                  expectedVersion: found.version,
                  on: values.on,
                  note: values.note,
                  ...(next === "MEDIATION"
                    ? {
                        outcome: (values.outcome ?? "SETTLED") as "SETTLED" | "REFERRED" | "WITHDRAWN",
                        agreement: values.agreement,
                        referredTo: values.referredTo,
                      }
                    : {}),
                },
              },
            });
            refetch();
            return t.mediation.recorded({ step: t.mediationSteps[data!.takeMediationStep.lastStep ?? next] });
          }}
        />
      )}
      {canEdit && found.status === "OPEN" && above.length > 0 && (
        <EntryForm
          id={`mediation-escalate-${found.number}`}
          title={t.mediation.escalateTitle}
          fields={[
            {
              name: "organizationNumber",
              label: t.mediation.escalateTo,
              type: "select",
              options: above.map((organization) => ({ value: String(organization.number), label: organization.name })),
            },
            { name: "reason", label: t.mediation.reason },
          ]}
          submitLabel={t.mediation.escalate}
          onSubmit={async (values, idempotencyKey) => {
            const { data } = await escalate({
              variables: {
                idempotencyKey,
                case: found.number,
                organization: Number(values.organizationNumber),
                reason: values.reason ?? "",
                expectedVersion: found.version,
              },
            });
            refetch();
            return t.mediation.escalatedTo({ name: data!.escalateMediationCase.organization.name });
          }}
        />
      )}
      {!canEdit && <p className="muted">{t.mediation.noEdit}</p>}
    </div>
  );
}

function FileCase({ region, onFiled }: { region: ScopedRegion; onFiled: (number: number) => void }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const [open] = useMutation(OpenMediationCaseDocument);
  const isVillage = region.level === "VILLAGE" || region.level === "GRID" || region.level === "BUILDING";
  const villages = isVillage ? [] : region.children;
  if (!isVillage && villages.length === 0) return null;
  const fields: EntryField[] = [
    ...(isVillage
      ? []
      : [
          {
            name: "regionCode",
            label: t.mediation.village,
            type: "select" as const,
            options: villages.map((village) => ({ value: village.code, label: name(village) })),
          },
        ]),
    {
      name: "type",
      label: t.mediation.type,
      type: "select",
      options: (Object.keys(t.disputeTypes) as (keyof typeof t.disputeTypes)[]).map((value) => ({
        value,
        label: t.disputeTypes[value],
      })),
    },
    { name: "summary", label: t.mediation.summary, required: true },
    { name: "parties.0.name", label: t.mediation.applicant, required: true },
    { name: "parties.0.idNumber", label: t.mediation.applicantId },
    { name: "parties.1.name", label: t.mediation.respondent, required: true },
    { name: "parties.1.idNumber", label: t.mediation.respondentId },
    { name: "receivedOn", label: t.mediation.receivedOn, type: "date" },
  ];
  return (
    <EntryForm
      id="file-mediation-case"
      title={t.mediation.fileTitle}
      description={t.mediation.fileDescription}
      fields={fields}
      submitLabel={t.mediation.fileSubmit}
      onSubmit={async (values, idempotencyKey) => {
        const { data } = await open({
          variables: {
            idempotencyKey,
            input: {
              regionCode: isVillage ? region.code : (values.regionCode ?? ""),
              type: (values.type ?? "OTHER") as keyof typeof t.disputeTypes,
              summary: values.summary ?? "",
              receivedOn: values.receivedOn,
              parties: [
                { role: "APPLICANT", name: values["parties.0.name"] ?? "", idNumber: values["parties.0.idNumber"] },
                { role: "RESPONDENT", name: values["parties.1.name"] ?? "", idNumber: values["parties.1.idNumber"] },
              ],
            },
          },
        });
        const number = data!.openMediationCase.number;
        onFiled(number);
        return t.mediation.filed({ number });
      }}
    />
  );
}

/** A remark in brackets, as the reader's language writes them: （村级） or " (Village)". */
