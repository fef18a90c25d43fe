/**
 * Which figures the dashboard reads: all that were reported, only those inside approved
 * periods, or only the records an article published (the API's X-Revita-Figures header). Kept
 * in the URL (`figures=approved`, `figures=published`) like the region and year, so a view of
 * approved or published figures can be shared as such.
 */
export type Figures = "all" | "approved" | "published";

export const figuresOfParams = (params: Readonly<Record<string, string>>): Figures =>
  params.figures === "approved" || params.figures === "published" ? params.figures : "all";

// Read from the address before the first query goes out, so a shared link's first figures are right.
let current: Figures =
  typeof window === "undefined" ? "all" : figuresOfParams(Object.fromEntries(new URLSearchParams(window.location.search)));

/** Switches the figures every later request asks for; true when that changed them. */
export function switchFigures(figures: Figures): boolean {
  const changed = figures !== current;
  current = figures;
  return changed;
}

/** A fetch that tells the API which figures to read. */
export function figuresFetch(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    if (current === "all") return inner(input, init);
    const headers = new Headers(init?.headers);
    headers.set("X-Revita-Figures", current);
    return inner(input, { ...init, headers });
  };
}
