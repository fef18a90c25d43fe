import { type ReactNode, useMemo, useState } from "react";
import { type CellValue, toCsv } from "../export/csv.js";
import { columnUnitAmount } from "../format/money.js";
import { useKitMessages, useLocale } from "../i18n/locale-context.js";
import { DataState, Skeleton } from "./data-state.js";
import { Money } from "./money.js";
import "./data-table.css";

export interface Column<Row> {
  key: string;
  header: string;
  /** What the cell shows; defaults to the export value. */
  render?: (row: Row) => ReactNode;
  /**
   * The raw value: sorted on, and written to CSV and Excel. Money stays an exact decimal
   * string here ("129512500.00"), so exports lose nothing.
   */
  value: (row: Row) => CellValue;
  /** Numbers align right and sort numerically. */
  numeric?: boolean;
  /**
   * The value is an amount of yuan (an exact decimal string): without a render of its own, the
   * column says every amount in one unit, the one its smallest needs, with the exact yuan on hover.
   */
  money?: boolean;
  sortable?: boolean;
  /** Hidden until the reader picks it in the column chooser. */
  hiddenByDefault?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  loading?: boolean;
  error?: { message: string } | null;
  onRetry?: () => void;
  emptyText?: ReactNode;
  pageSize?: number;
  initialSort?: { key: string; direction: "asc" | "desc" };
  /** The file name of exports, without extension; no export buttons without it. */
  exportName?: string;
  onRowClick?: (row: Row) => void;
}

type Sort = { key: string; direction: "asc" | "desc" } | null;

function compare(a: CellValue, b: CellValue, numeric: boolean): number {
  if (a === null || a === undefined || a === "") return b === null || b === undefined || b === "" ? 0 : 1;
  if (b === null || b === undefined || b === "") return -1;
  if (numeric) return Number(a) - Number(b);
  return String(a).localeCompare(String(b), "zh-CN");
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The one table every list uses: sorting, paging, choosing columns, CSV and Excel export of
 * every row (not just the page), and the loading, empty and error states.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  loading = false,
  error,
  onRetry,
  emptyText,
  pageSize = 20,
  initialSort,
  exportName,
  onRowClick,
}: DataTableProps<Row>) {
  const messages = useKitMessages();
  const locale = useLocale();
  const [sort, setSort] = useState<Sort>(initialSort ?? null);
  const [page, setPage] = useState(0);
  const [hidden, setHidden] = useState(() => new Set(columns.filter((c) => c.hiddenByDefault).map((c) => c.key)));
  const visible = columns.filter((column) => !hidden.has(column.key));

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!column || !sort) return rows;
    const factor = sort.direction === "asc" ? 1 : -1;
    // Rows that compare equal keep their order from the server.
    return rows
      .map((row, index) => ({ row, index, value: column.value(row) }))
      .sort((a, b) => factor * compare(a.value, b.value, Boolean(column.numeric)) || a.index - b.index)
      .map((entry) => entry.row);
  }, [rows, sort, columns]);

  // Over every row, not the page: the unit stays as the reader pages and sorts.
  const moneyUnits = useMemo(
    () =>
      new Map(
        columns
          .filter((column) => column.money)
          .map((column) => [column.key, columnUnitAmount(rows.map((row) => moneyText(column.value(row))))]),
      ),
    [rows, columns],
  );
  const cell = (column: Column<Row>, row: Row): ReactNode => {
    if (column.render) return column.render(row);
    const value = column.value(row);
    if (column.money && value !== null && value !== undefined && value !== "") {
      return <Money amount={String(value)} locale={locale} unitFor={moneyUnits.get(column.key)} />;
    }
    return value ?? "—";
  };

  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const currentPage = Math.min(page, pages - 1);
  const pageRows = sorted.slice(currentPage * pageSize, (currentPage + 1) * pageSize);

  const toggleSort = (key: string) => {
    setSort((previous) =>
      previous?.key === key ? { key, direction: previous.direction === "asc" ? "desc" : "asc" } : { key, direction: "asc" },
    );
    setPage(0);
  };
  const exportRows = () => sorted.map((row) => visible.map((column) => column.value(row)));
  const exportCsv = () =>
    download(
      new Blob(
        [
          toCsv(
            visible.map((c) => c.header),
            exportRows(),
          ),
        ],
        { type: "text/csv;charset=utf-8" },
      ),
      `${exportName}.csv`,
    );
  const exportExcel = async () => {
    const { toXlsx } = await import("../export/xlsx.js");
    download(
      await toXlsx(
        caption,
        visible.map((c) => c.header),
        exportRows(),
      ),
      `${exportName}.xlsx`,
    );
  };

  return (
    <div className="revita-table">
      <div className="revita-table__toolbar">
        <span className="revita-table__count">
          {loading && rows.length === 0 ? messages.loading : messages.rowsCount({ count: rows.length })}
        </span>
        <details className="revita-table__columns">
          <summary>{messages.columns}</summary>
          <fieldset>
            <legend className="revita-sr-only">{messages.columns}</legend>
            {columns.map((column) => (
              <label key={column.key}>
                <input
                  type="checkbox"
                  checked={!hidden.has(column.key)}
                  disabled={!hidden.has(column.key) && visible.length === 1}
                  onChange={() =>
                    setHidden((previous) => {
                      const next = new Set(previous);
                      if (next.has(column.key)) next.delete(column.key);
                      else next.add(column.key);
                      return next;
                    })
                  }
                />
                {column.header}
              </label>
            ))}
          </fieldset>
        </details>
        {exportName && (
          <>
            <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
              {messages.exportCsv}
            </button>
            <button type="button" onClick={() => void exportExcel()} disabled={rows.length === 0}>
              {messages.exportExcel}
            </button>
          </>
        )}
      </div>
      <DataState
        loading={loading}
        error={error}
        empty={rows.length === 0}
        onRetry={onRetry}
        emptyText={emptyText}
        skeleton={<Skeleton lines={5} />}
      >
        <div className="revita-table__scroll">
          <table>
            <caption className="revita-sr-only">{caption}</caption>
            <thead>
              <tr>
                {visible.map((column) => {
                  const direction = sort?.key === column.key ? sort.direction : null;
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      className={column.numeric ? "revita-table__numeric" : undefined}
                      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
                    >
                      {column.sortable === false ? (
                        column.header
                      ) : (
                        <button type="button" onClick={() => toggleSort(column.key)}>
                          {column.header}
                          <span aria-hidden="true">{direction === "asc" ? " ▲" : direction === "desc" ? " ▼" : " ↕"}</span>
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {pageRows.map((row) => (
                <tr
                  key={rowKey(row)}
                  className={onRowClick ? "revita-table__clickable" : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {visible.map((column) => (
                    <td key={column.key} className={column.numeric ? "revita-table__numeric" : undefined}>
                      {cell(column, row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 && (
          <nav className="revita-table__pager" aria-label={caption}>
            <button type="button" onClick={() => setPage(currentPage - 1)} disabled={currentPage === 0}>
              {messages.previousPage}
            </button>
            <span aria-live="polite">{messages.pageOf({ page: currentPage + 1, pages })}</span>
            <button type="button" onClick={() => setPage(currentPage + 1)} disabled={currentPage >= pages - 1}>
              {messages.nextPage}
            </button>
          </nav>
        )}
      </DataState>
    </div>
  );
}

/** A money column's value as the text of an amount, or nothing. */
function moneyText(value: CellValue): string | undefined {
  return value === null || value === undefined || value === "" ? undefined : String(value);
}
