import type { BriefingLayout, Cell, Light, Section } from "@revita/briefing";

/**
 * The briefing laid out (@revita/briefing) as a page: the same sections, tables, lights and bars
 * the server draws in the PDF, so that what is printed from the browser matches the file.
 */
export function BriefingSections({ layout }: { layout: BriefingLayout }) {
  return (
    <article className="briefing">
      <h2 className="briefing__title">{layout.title}</h2>
      <p className="briefing__meta">
        {layout.meta.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </p>
      {layout.sections.map((section) => (
        <BriefingSection key={section.id} section={section} />
      ))}
    </article>
  );
}

function BriefingSection({ section }: { section: Section }) {
  return (
    <section className="briefing__section" aria-labelledby={`briefing-${section.id}`}>
      <h3 id={`briefing-${section.id}`}>{section.title}</h3>
      {section.cards && (
        <div className="briefing__cards">
          {section.cards.map((card) => (
            <div className="briefing__card" key={card.label}>
              <span className="briefing__card-label">{card.label}</span>
              <strong>{card.value}</strong>
              <span className="briefing__card-detail">{card.detail}</span>
            </div>
          ))}
        </div>
      )}
      {section.lines?.map((line) => (
        <p className="briefing__line" key={line}>
          {line}
        </p>
      ))}
      {section.columns && section.rows && section.rows.length > 0 && (
        <div className="briefing__table-box">
          <table className="briefing__table">
            <thead>
              <tr>
                {section.columns.map((column) => (
                  <th key={column.label} className={column.align === "right" ? "briefing__num" : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {numbered(section.rows).map(({ key, item: row }) => (
                <tr key={key}>
                  {section.columns!.map((column, index) => (
                    <BriefingCell
                      key={column.label}
                      cell={row[index] ?? { text: "" }}
                      right={column.align === "right"}
                      first={index <= 1}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {section.rows && section.rows.length === 0 && section.empty && <p className="muted">{section.empty}</p>}
      {section.footnote && <p className="muted">{section.footnote}</p>}
      {section.bars && section.bars.length > 0 && (
        <div className="briefing__bars" aria-hidden="true">
          {section.bars.map((bar) => (
            <div className="briefing__bar" key={bar.label}>
              <span className="briefing__bar-label">{bar.label}</span>
              <span className="briefing__bar-track">
                <span className="briefing__bar-fill" style={{ width: `${bar.percent}%` }} />
              </span>
              <span className="briefing__num">{bar.text}</span>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

const LIGHT_CLASS: Record<Light, string> = {
  GREEN: "briefing__light--green",
  AMBER: "briefing__light--amber",
  RED: "briefing__light--red",
  NONE: "briefing__light--none",
};

function BriefingCell({ cell, right, first }: { cell: Cell; right: boolean; first: boolean }) {
  const classes = [
    right ? "briefing__num" : "",
    cell.indent && first ? "briefing__indent" : "",
    cell.bold ? "briefing__bold" : "",
    // A light with a short word (红, 达标) stays on one line with it.
    cell.light && cell.text.length <= 6 ? "briefing__nowrap" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <td className={classes || undefined}>
      {cell.light && <span className={`briefing__light ${LIGHT_CLASS[cell.light]}`} aria-hidden="true" />}
      {cell.text.includes("\n")
        ? numbered(cell.text.split("\n")).map(({ key, item: line }) => (
            <span key={key} className="briefing__cell-line">
              {line}
            </span>
          ))
        : cell.text}
    </td>
  );
}

/** A list that never reorders (a table's rows, a cell's lines), each item with its place as its key. */
function numbered<T>(items: readonly T[]): { key: string; item: T }[] {
  return items.map((item, place) => ({ key: String(place), item }));
}
