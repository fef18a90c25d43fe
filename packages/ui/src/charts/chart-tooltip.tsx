/** The tooltip every Recharts chart of the kit shows: the point's label, then each series formatted. */
export interface TooltipLine {
  name: string;
  value: string;
  color?: string;
}

export function ChartTooltipBox({ title, lines }: { title: string; lines: TooltipLine[] }) {
  return (
    <div className="revita-chart__tooltip">
      <p>
        <strong>{title}</strong>
      </p>
      {lines.map((line) => (
        <p key={line.name}>
          {line.color && <span style={{ color: line.color }}>■ </span>}
          {line.name}: {line.value}
        </p>
      ))}
    </div>
  );
}
