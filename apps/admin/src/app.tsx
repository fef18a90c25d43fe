import { Skeleton } from "@revita/ui/components/data-state";
import { type ComponentType, lazy, Suspense } from "react";
import type { PageKey, Place } from "./navigation/places.js";
import { usePlace } from "./navigation/use-place.js";
import OverviewPage from "./routes/overview/overview-page.js";
import { type RegionScope, useRegionScope } from "./shell/region-scope.js";

type Page = ComponentType<{ place: Place; scope: RegionScope }>;

/** The overview is the landing page and ships in the first chunk; every other page loads on first visit. */
const PAGES: Record<PageKey, Page> = {
  overview: OverviewPage,
  projects: lazy(() => import("./routes/projects/projects-page.js")),
  project: lazy(() => import("./routes/project/project-page.js")),
  funds: lazy(() => import("./routes/funds/funds-page.js")),
  indicators: lazy(() => import("./routes/indicators/indicators-page.js")),
  "query-lab": lazy(() => import("./routes/query-lab/query-lab-page.js")),
};

export function App() {
  const place = usePlace();
  const scope = useRegionScope(place);
  const Page = PAGES[place.page];
  return (
    <Suspense fallback={<Skeleton lines={10} />}>
      <Page place={place} scope={scope} />
    </Suspense>
  );
}
