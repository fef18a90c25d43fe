import type { ComponentType } from "react";
import type { AppMessages } from "../i18n/messages.js";
import type { RegionScope } from "../shell/region-scope.js";
import type { Place } from "./places.js";

/** What a page is given: where the reader is, and the region's scope read once by the frame. */
export type PageComponent = ComponentType<{ place: Place; scope: RegionScope }>;

interface Route {
  /** The path; the project page's is /projects/<code>. */
  path: string;
  /** Its entry in the navigation, if it has one (the project page sits under 项目). */
  nav?: { label: keyof AppMessages["nav"]; onlyFor?: "queriesFreely" };
  /** The page's own URL parameters, beside region, year and figures which every page keeps. */
  params: readonly string[];
  /** The page's module, loaded on first visit (Rollup keeps the overview in the first chunk, see app.tsx). */
  load: () => Promise<{ default: PageComponent }>;
}

/**
 * Every page of the dashboard, declared once: its path, navigation entry, URL parameters and
 * module. The navigation, the URL reader and writer (places.ts) and the app's page switch all
 * read this table, so a new page is one entry here and a folder under routes/.
 */
export const ROUTES = {
  overview: {
    path: "/",
    nav: { label: "overview" },
    params: [],
    load: () => import("../routes/overview/overview-page.js"),
  },
  projects: {
    path: "/projects",
    nav: { label: "projects" },
    params: ["q", "status", "category", "min", "max", "order"],
    load: () => import("../routes/projects/projects-page.js"),
  },
  project: {
    path: "/projects/:code",
    params: [],
    load: () => import("../routes/project/project-page.js"),
  },
  funds: {
    path: "/funds",
    nav: { label: "funds" },
    params: ["source"],
    load: () => import("../routes/funds/funds-page.js"),
  },
  indicators: {
    path: "/indicators",
    nav: { label: "indicators" },
    params: ["indicator"],
    load: () => import("../routes/indicators/indicators-page.js"),
  },
  community: {
    path: "/community",
    nav: { label: "community" },
    params: ["needs", "need", "month", "quarter"],
    load: () => import("../routes/community/community-page.js"),
  },
  mediation: {
    path: "/mediation",
    nav: { label: "mediation" },
    params: ["case"],
    load: () => import("../routes/mediation/mediation-page.js"),
  },
  consultation: {
    path: "/consultation",
    nav: { label: "consultation" },
    params: ["topic"],
    load: () => import("../routes/consultation/consultation-page.js"),
  },
  cleaning: {
    path: "/cleaning",
    nav: { label: "cleaning" },
    params: ["campaign", "month", "inspection", "notice"],
    load: () => import("../routes/cleaning/cleaning-page.js"),
  },
  households: {
    path: "/households",
    nav: { label: "households" },
    params: ["household"],
    load: () => import("../routes/households/households-page.js"),
  },
  dispatch: {
    path: "/dispatch",
    nav: { label: "dispatch" },
    params: ["meeting", "task", "status", "unit", "due", "assign"],
    load: () => import("../routes/dispatch/dispatch-page.js"),
  },
  regions: {
    path: "/regions",
    nav: { label: "regions" },
    params: ["tree"],
    load: () => import("../routes/regions/regions-page.js"),
  },
  briefing: {
    path: "/briefing",
    nav: { label: "briefing" },
    params: ["month"],
    load: () => import("../routes/briefing/briefing-page.js"),
  },
  "data-entry": {
    path: "/data-entry",
    nav: { label: "dataEntry" },
    params: [],
    load: () => import("../routes/data-entry/data-entry-page.js"),
  },
  "query-lab": {
    path: "/query-lab",
    nav: { label: "queryLab", onlyFor: "queriesFreely" },
    params: [],
    load: () => import("../routes/query-lab/query-lab-page.js"),
  },
} as const satisfies Record<string, Route>;

export type PageKey = keyof typeof ROUTES;

/** A page's own URL parameters, by name. */
export type PageParam<K extends PageKey> = (typeof ROUTES)[K]["params"][number];

/** The pages in the navigation, in the table's order, with the page that is current when a page has none of its own. */
export const NAV_PAGES = (Object.keys(ROUTES) as PageKey[]).filter((key) => "nav" in ROUTES[key]);

/** A page's navigation entry, if it has one. */
export function navOf(page: PageKey): Route["nav"] {
  const route: Route = ROUTES[page];
  return route.nav;
}

/** The navigation entry a page belongs under: its own, or the list it is one item of. */
export function navEntryOf(page: PageKey): PageKey {
  return page === "project" ? "projects" : page;
}
