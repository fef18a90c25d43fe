import { useMutation, useQuery } from "@apollo/client/react";
import { DataState } from "@revita/ui/components/data-state";
import { DataTable } from "@revita/ui/components/data-table";
import { StatusBadge } from "@revita/ui/components/status-badge";
import { useState } from "react";
import { EntryForm } from "../../features/entry/entry-form.js";
import { said, saidError } from "../../features/entry/refusals.js";
import {
  type ApprovalDataSet,
  ApproveDataDocument,
  DataEntryApprovalsDocument,
  ReopenDataDocument,
  ReturnDataDocument,
  SubmitDataDocument,
} from "../../generated/operations.js";
import { useAppLocale, useNamer } from "../../i18n/app-locale.js";
import type { Place } from "../../navigation/places.js";
import { RegionPage } from "../../shell/region-page.js";
import type { RegionScope, ScopedRegion } from "../../shell/region-scope.js";
import {
  exportHref,
  type ImportKindName,
  type ImportProblem,
  type ImportResult,
  templateHref,
  uploadImport,
} from "./import-upload.js";

const KINDS: ImportKindName[] = [
  "progress",
  "indicator-values",
  "funds",
  "fund-allocations",
  "disbursements",
  "projects",
  "party-members",
  "community-needs",
];
const DATA_SETS: ApprovalDataSet[] = ["PROGRESS", "INDICATORS", "COMMUNITY_SERVICE"];
const STATUS_TONE = { SUBMITTED: "info", APPROVED: "good", RETURNED: "warning" } as const;

export default function DataEntryPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  return (
    <RegionPage place={place} scope={scope} title={t.dataEntry.title} untitled={t.nav.dataEntry}>
      {(region) => (
        <div className="data-entry">
          {region.access.edit ? <FileImport key={region.code} /> : <p className="muted">{t.dataEntry.mayNotEdit}</p>}
          <FileExport region={region} />
          <Approvals region={region} />
        </div>
      )}
    </RegionPage>
  );
}

/**
 * Check, then import: the import button works only for the file that was just checked without
 * problems, and carries one idempotency key per checked file, so a double click imports once.
 */
function FileImport() {
  const { t, locale } = useAppLocale();
  const [kind, setKind] = useState<ImportKindName>("progress");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [rowsRead, setRowsRead] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [importKey, setImportKey] = useState<string>();

  const run = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(undefined);
    setRowsRead(0);
    if (!apply) setResult(null);
    try {
      const outcome = await uploadImport(kind, file, {
        apply,
        ...(apply && importKey ? { idempotencyKey: importKey } : {}),
        onEvent: (event) => {
          if (event.type === "progress") setRowsRead(event.rowsRead);
        },
      });
      setResult(outcome);
      setImportKey(!apply && outcome.problemCount === 0 ? crypto.randomUUID() : undefined);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const checkedClean = result && !result.apply && result.problemCount === 0;

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t.dataEntry.importTitle}</h2>
      <p className="muted">{t.dataEntry.importIntro}</p>
      <form className="entry-form" onSubmit={(event) => event.preventDefault()}>
        <label>
          <span>{t.dataEntry.kind}</span>
          <select
            name="kind"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as ImportKindName);
              setResult(null);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.dataEntry.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <p>
          {t.dataEntry.template}: <a href={templateHref(kind, "xlsx")}>Excel</a> · <a href={templateHref(kind, "csv")}>CSV</a>
        </p>
        <label>
          <span>{t.dataEntry.file}</span>
          <input
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
              setImportKey(undefined);
            }}
          />
        </label>
        <div className="form-actions">
          <button type="button" disabled={!file || busy} onClick={() => void run(false)}>
            {t.dataEntry.check}
          </button>
          <button type="button" disabled={!checkedClean || busy} onClick={() => void run(true)}>
            {t.dataEntry.apply}
          </button>
        </div>
      </form>
      {busy && <p role="status">{t.dataEntry.checking({ rows: rowsRead })}</p>}
      {failure !== undefined && (
        <p role="alert" className="field-problem">
          {saidError(failure, locale, t.networkFailure)}
        </p>
      )}
      {result && !busy && <ImportReport result={result} />}
    </section>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t, locale } = useAppLocale();
  const notices = result.notices?.length ? (
    <ul className="muted import-notices" aria-label={t.dataEntry.notices}>
      {result.notices.map((notice) => (
        <li key={`${notice.row}-${notice.column}-${notice.reason}`}>{said(notice, locale)}</li>
      ))}
    </ul>
  ) : null;
  if (result.problemCount === 0) {
    return (
      <>
        {notices}
        <p role="status">
          {result.committed ? t.dataEntry.applied({ rows: result.written }) : t.dataEntry.checkedClean({ rows: result.written })}
        </p>
      </>
    );
  }
  return (
    <div role="alert" className="import-problems">
      {notices}
      <p className="field-problem">
        {t.dataEntry.problemCount({
          count: result.problemCount,
          listed: result.problems.length,
          cut: result.problemCount > result.problems.length ? "yes" : "no",
        })}
      </p>
      <DataTable<ImportProblem & { key: string }>
        caption={t.dataEntry.problem}
        rows={result.problems.map((problem, index) => ({ ...problem, key: String(index) }))}
        rowKey={(problem) => problem.key}
        columns={[
          {
            key: "row",
            header: t.dataEntry.row,
            value: (p) => p.row ?? 0,
            render: (p) => (p.row === null ? t.dataEntry.wholeFile : String(p.row)),
            numeric: true,
          },
          { key: "column", header: t.dataEntry.column, value: (p) => p.column ?? "" },
          { key: "message", header: t.dataEntry.problem, value: (p) => said(p, locale) },
        ]}
      />
    </div>
  );
}

function FileExport({ region }: { region: ScopedRegion }) {
  const { t } = useAppLocale();
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t.dataEntry.exportTitle}</h2>
      <p className="muted">{t.dataEntry.exportIntro}</p>
      <ul className="export-links">
        {KINDS.map((kind) => (
          <li key={kind}>
            {t.dataEntry.kinds[kind]}: <a href={exportHref(kind, "xlsx", region.code)}>Excel</a> ·{" "}
            <a href={exportHref(kind, "csv", region.code)}>CSV</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Move = "submitData" | "approveData" | "returnData" | "reopenData";

function Approvals({ region }: { region: ScopedRegion }) {
  const { t } = useAppLocale();
  const name = useNamer();
  const { data, loading, error, refetch } = useQuery(DataEntryApprovalsDocument, { variables: { regionCode: region.code } });
  const options = { refetchQueries: [{ query: DataEntryApprovalsDocument, variables: { regionCode: region.code } }] };
  const [submitData] = useMutation(SubmitDataDocument, options);
  const [approveData] = useMutation(ApproveDataDocument, options);
  const [returnData] = useMutation(ReturnDataDocument, options);
  const [reopenData] = useMutation(ReopenDataDocument, options);
  const moves: Move[] = [
    ...(region.access.edit ? (["submitData"] as const) : []),
    ...(region.access.approve ? (["approveData", "returnData", "reopenData"] as const) : []),
  ];
  const rows = data?.dataApprovals.edges.map((edge) => edge.node) ?? [];

  return (
    <section className="panel" aria-labelledby="approval-title">
      <h2 id="approval-title">{t.dataEntry.approvalTitle}</h2>
      <p className="muted">{t.dataEntry.approvalIntro}</p>
      {moves.length > 0 && (
        <EntryForm
          id="approval"
          embedded
          title={t.dataEntry.approvalTitle}
          fields={[
            {
              name: "dataSet",
              label: t.dataEntry.kind,
              type: "select",
              options: DATA_SETS.map((set) => ({ value: set, label: t.dataEntry.dataSets[set] })),
            },
            { name: "period", label: t.dataEntry.period, required: true, placeholder: "2024-06 / 2024Q2 / 2024" },
            { name: "comment", label: t.dataEntry.comment },
          ]}
          submitLabel={t.dataEntry.moves.submitData}
          actions={moves.map((which) => ({ name: which, label: t.dataEntry.moves[which] }))}
          onSubmit={async (values, idempotencyKey, which) => {
            const input = {
              dataSet: values.dataSet as ApprovalDataSet,
              regionCode: region.code,
              period: values.period ?? "",
              comment: values.comment,
            };
            const mutate = { submitData, approveData, returnData, reopenData }[(which ?? "submitData") as Move];
            await mutate({ variables: { input, idempotencyKey } });
            return `${t.dataEntry.moves[(which ?? "submitData") as Move]}: ${input.period}`;
          }}
        />
      )}
      <DataState
        loading={loading && !data}
        error={error}
        empty={rows.length === 0}
        emptyText={t.dataEntry.noApprovals}
        onRetry={() => void refetch()}
      >
        <DataTable
          caption={t.dataEntry.approvalTitle}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { key: "region", header: t.region, value: (row) => name(row.region) },
            { key: "dataSet", header: t.dataEntry.kind, value: (row) => t.dataEntry.dataSets[row.dataSet] },
            { key: "period", header: t.dataEntry.period, value: (row) => row.period },
            {
              key: "status",
              header: t.dataEntry.approvalTitle,
              value: (row) => t.dataEntry.statuses[row.status],
              render: (row) => <StatusBadge tone={STATUS_TONE[row.status]}>{t.dataEntry.statuses[row.status]}</StatusBadge>,
            },
            { key: "submittedBy", header: t.dataEntry.submittedBy, value: (row) => row.submittedBy },
            { key: "decidedBy", header: t.dataEntry.decidedBy, value: (row) => row.decidedBy ?? "" },
            { key: "comment", header: t.dataEntry.comment, value: (row) => row.comment ?? "" },
          ]}
        />
      </DataState>
    </section>
  );
}
