import { cloneElement, type ReactElement, type ReactNode, useId, useState } from "react";
import { ResponsiveContainer } from "recharts";
import type { CellValue } from "../export/csv.js";
import { useKitMessages } from "../i18n/locale-context.js";
import "./chart-frame.css";

export interface ChartTable {
  header: string[];
  /** Formatted cells, as a reader would want them read out. */
  rows: CellValue[][];
}

export interface ChartFrameProps {
  title: string;
  /** One sentence on what the chart shows; also its accessible description. */
  description?: string;
  /** The chart's data as a table: read by screen readers, and shown on request. */
  table: ChartTable;
  height?: number;
  /**
   * A fixed width in pixels, for tests and static rendering. Without it a Recharts chart fills
   * its container's width and follows it when the window or the projector changes size.
   */
  width?: number;
  /** Beside the title: a legend note, a unit. */
  aside?: ReactNode;
  /** A Recharts chart element (sized here), or with `plain`, any drawing that sizes itself. */
  children: ReactElement<{ width?: number; height?: number }>;
  plain?: boolean;
  /** Said instead of drawing empty axes when the table has no rows; the kit's "no data to chart" by default. */
  emptyText?: string;
}

/**
 * A table of 10,000 rows helps nobody and slows the page: past this many, the table shows the
 * first rows and says how many more there are (the data belongs in an export then).
 */
export const MAX_TABLE_ROWS = 500;

/**
 * What every chart shares: a title, a focusable figure described for screen readers, and its
 * data as a table (hidden for sighted readers until they ask for it).
 */
export function ChartFrame({
  title,
  description,
  table,
  height = 280,
  width,
  aside,
  children,
  plain = false,
  emptyText,
}: ChartFrameProps) {
  const messages = useKitMessages();
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure className="revita-chart" aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined}>
      <figcaption className="revita-chart__header">
        <h3 id={titleId}>{title}</h3>
        {aside}
        <button
          type="button"
          className="revita-chart__toggle"
          onClick={() => setShowTable((shown) => !shown)}
          aria-pressed={showTable}
        >
          {showTable ? messages.showChart : messages.showTable}
        </button>
      </figcaption>
      {description && (
        <p id={descriptionId} className="revita-chart__description">
          {description}
        </p>
      )}
      {/* Empty axes say nothing: a chart without data says so in words instead. */}
      {table.rows.length === 0 && (
        <p className="revita-chart__empty" style={{ display: showTable ? "none" : undefined }}>
          {emptyText ?? messages.nothingToChart}
        </p>
      )}
      {/* Recharts draws with a keyboard layer: arrow keys move between points when focused. */}
      <div
        className="revita-chart__body"
        style={{ height: plain ? undefined : height, display: showTable || table.rows.length === 0 ? "none" : undefined }}
      >
        {plain ? (
          children
        ) : width ? (
          cloneElement(children, { width, height })
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        )}
      </div>
      <div className={showTable ? "revita-chart__table" : "revita-sr-only"}>
        <table>
          <caption className="revita-sr-only">{title}</caption>
          <thead>
            <tr>
              {table.header.map((cell, column) => (
                // Two columns may share a heading (two series of one name): keyed by position.
                // biome-ignore lint/suspicious/noArrayIndexKey: header cells are positional.
                <th key={column} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, MAX_TABLE_ROWS).map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a chart's table are its data points, in order.
              <tr key={index}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <th key={column} scope="row">
                      {cell ?? "—"}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                    <td key={column}>{cell ?? "—"}</td>
                  ),
                )}
              </tr>
            ))}
            {table.rows.length > MAX_TABLE_ROWS && (
              <tr>
                <td colSpan={table.header.length}>{messages.moreRows({ count: table.rows.length - MAX_TABLE_ROWS })}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
