import { useQuery } from "@apollo/client/react";
import { type Column, DataTable } from "@revita/ui/components/data-table";
import { ProjectChangesDocument, type ProjectChangesQuery } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";

type Change = NonNullable<ProjectChangesQuery["project"]>["history"][number];

/** How a change reads in one line: column: before → after, for each column that changed. */
export function describeChange(change: Pick<Change, "action" | "changes">): string {
  return change.changes
    .map(({ column, before, after }) =>
      change.action === "UPDATE" ? `${column}: ${before ?? "—"} → ${after ?? "—"}` : `${column}: ${after ?? before ?? "—"}`,
    )
    .join("; ");
}

/**
 * The project's history tab: every change to it and its parts, newest first, as the database
 * recorded it. Shown only to its region's admins (the API refuses everyone else).
 */
export function ProjectChanges({ code }: { code: string }) {
  const { t, locale } = useAppLocale();
  const { data, loading, error, refetch } = useQuery(ProjectChangesDocument, { variables: { code } });
  const rows = data?.project?.history ?? [];
  const columns: Column<Change>[] = [
    {
      key: "at",
      header: t.account.when,
      value: (row) => row.at,
      render: (row) => new Date(row.at).toLocaleString(locale === "en" ? "en-GB" : "zh-CN"),
    },
    { key: "who", header: t.account.who, value: (row) => row.actor },
    {
      key: "action",
      header: t.account.what,
      value: (row) => `${row.tableName} ${row.action}`,
      render: (row) =>
        `${t.account.actions[row.action as keyof typeof t.account.actions] ?? row.action} · ${row.tableName} #${row.recordKey}`,
    },
    { key: "changes", header: t.account.changes, value: (row) => describeChange(row) },
  ];
  return (
    <section className="project-changes" aria-labelledby="project-changes-title">
      <h2 id="project-changes-title">{t.account.changes}</h2>
      <p className="muted">{t.account.changesDescription}</p>
      <DataTable
        caption={t.account.changes}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.at}-${row.tableName}-${row.recordKey}-${row.action}`}
        loading={loading}
        error={error ?? null}
        onRetry={() => void refetch()}
        emptyText={t.account.noChanges}
        pageSize={20}
        exportName={`changes-${code}`}
      />
    </section>
  );
}
