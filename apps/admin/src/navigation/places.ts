/**
 * Where the reader is, as a URL, so that every view can be bookmarked and shared: the page in
 * the path, the region, the year and each page's filters in the query string.
 *
 *   /                         overview          /projects/CG-FH-CBSTD   one project
 *   /projects                 project list      /funds, /indicators     funds, indicators
 *   /data-entry               imports, exports and approval   /query-lab   the query editor
 */

import { type PageKey, ROUTES } from "./routes.js";

export type { PageKey } from "./routes.js";

/** Cengong County, the demo's best-documented county, until the reader picks another region. */
export const DEFAULT_REGION = "522626000000";

/** Kept when moving between pages; every other parameter belongs to the page it was set on. */
const SHARED_PARAMS = ["region", "year", "figures"] as const;

export interface Place {
  page: PageKey;
  /** For the project page: the project's code. */
  projectCode?: string;
  /** The query string: region, year and the page's filters. Absent means default. */
  params: Readonly<Record<string, string>>;
}

export function parsePlace(pathname: string, search: string): Place {
  const params = Object.fromEntries(
    [...new URLSearchParams(search)].filter(([, value]) => value !== "").sort(([a], [b]) => a.localeCompare(b)),
  );
  const path = pathname.replace(/\/+$/, "") || "/";
  const project = /^\/projects\/([^/]+)$/.exec(path);
  if (project) return { page: "project", projectCode: decodeSegment(project[1]!), params };
  const page = (Object.keys(ROUTES) as PageKey[]).find((key) => ROUTES[key].path === path);
  // An unknown path is a stale bookmark: show the overview rather than a blank page.
  return { page: page ?? "overview", params };
}

/** A path segment as written; a broken escape (a mistyped link) is kept as typed rather than crashing the page. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function hrefOf(place: Place): string {
  const path =
    place.page === "project"
      ? ROUTES.project.path.replace(":code", encodeURIComponent(place.projectCode ?? ""))
      : ROUTES[place.page].path;
  const query = new URLSearchParams(
    Object.entries(place.params)
      .filter(([, value]) => value !== "")
      .sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
  return query ? `${path}?${query}` : path;
}

/** Another page, keeping the region and year the reader chose. */
export function pagePlace(from: Place, page: PageKey, extra: Record<string, string> = {}, projectCode?: string): Place {
  const shared = Object.fromEntries(SHARED_PARAMS.flatMap((key) => (from.params[key] ? [[key, from.params[key]]] : [])));
  return { page, projectCode, params: { ...shared, ...extra } };
}

/** The same page with some parameters changed; undefined or "" removes one. */
export function withParams(place: Place, changes: Record<string, string | undefined>): Place {
  const params: Record<string, string> = { ...place.params };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") delete params[key];
    else params[key] = value;
  }
  return { ...place, params };
}

export function regionOf(place: Place): string {
  const code = place.params.region;
  return code && /^\d{12}(\d{3}){0,2}$/.test(code) ? code : DEFAULT_REGION;
}

/** The chosen year, or undefined for "the latest year with data". */
export function yearOf(place: Place): number | undefined {
  const year = Number(place.params.year);
  return Number.isInteger(year) && year >= 1949 && year <= 2100 ? year : undefined;
}
