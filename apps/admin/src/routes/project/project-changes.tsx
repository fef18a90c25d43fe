import { useQuery } from "@apollo/client/react";
import { type Column, DataTable } from "@revita/ui/components/data-table";
import { useKitMessages } from "@revita/ui/i18n";
import { ProjectChangesDocument } from "../../generated/operations.js";
import { useAppLocale } from "../../i18n/app-locale.js";
import { type Change, readableActor, readableChange, readableRecord } from "./change-history.js";

/**
 * The project's history tab: every change to it and its parts, newest first, as the database
 * recorded it. Shown only to its region's admins (the API refuses everyone else).
 */
export function ProjectChanges({ code }: { code: string }) {
  const { t, locale } = useAppLocale();
  const words = { t, kit: useKitMessages(), locale };
  const { data, loading, error, refetch } = useQuery(ProjectChangesDocument, { variables: { code } });
  const rows = data?.project?.history ?? [];
  const columns: Column<Change>[] = [
    {
      key: "at",
      header: t.account.when,
      value: (row) => row.at,
      render: (row) => new Date(row.at).toLocaleString(locale === "en" ? "en-GB" : "zh-CN"),
    },
    { key: "who", header: t.account.who, value: (row) => readableActor(row, words) },
    { key: "action", header: t.account.what, value: (row) => readableRecord(row, words) },
    { key: "changes", header: t.account.changes, value: (row) => readableChange(row, words) },
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
