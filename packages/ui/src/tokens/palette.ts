/**
 * The tokens charts and components reach from TypeScript. Each is a CSS variable from
 * tokens.css, so a theme switch recolours SVG charts without re-rendering them.
 */
const CATEGORY_COUNT = 8;

/** The nth series colour (0-based), cycling through the eight category colours. */
export function categoryColor(index: number): string {
  return `var(--revita-category-${(((index % CATEGORY_COUNT) + CATEGORY_COUNT) % CATEGORY_COUNT) + 1})`;
}

/** How an indicator or a project stands: on target, at risk of missing it, or behind. */
export type Standing = "ON_TARGET" | "AT_RISK" | "BEHIND";

export const STANDING_COLOR: Record<Standing, string> = {
  ON_TARGET: "var(--revita-on-target)",
  AT_RISK: "var(--revita-at-risk)",
  BEHIND: "var(--revita-behind)",
};

/** Symbols that carry a standing without colour, for colour-blind readers and grey printouts. */
export const STANDING_SYMBOL: Record<Standing, string> = { ON_TARGET: "✓", AT_RISK: "!", BEHIND: "✕" };

export const PLANNED_COLOR = "var(--revita-planned)";
export const COMPLETED_COLOR = "var(--revita-completed)";
