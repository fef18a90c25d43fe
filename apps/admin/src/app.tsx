import { useApolloClient } from "@apollo/client/react";
import { ErrorState, Skeleton } from "@revita/ui/components/data-state";
import { type ComponentType, lazy, Suspense, useEffect } from "react";
import type { PageKey, Place } from "./navigation/places.js";
import { withParams } from "./navigation/places.js";
import { navigate, usePlace } from "./navigation/use-place.js";
import OverviewPage from "./routes/overview/overview-page.js";
import { homeRegionOf, SignedInContext, type SignedInUser, useSession } from "./session/session.js";
import { SignInPage } from "./session/sign-in-page.js";
import { figuresOfParams, switchFigures } from "./shell/figures.js";
import { type RegionScope, useRegionScope } from "./shell/region-scope.js";

type Page = ComponentType<{ place: Place; scope: RegionScope }>;

/** The overview is the landing page and ships in the first chunk; every other page loads on first visit. */
const PAGES: Record<PageKey, Page> = {
  overview: OverviewPage,
  projects: lazy(() => import("./routes/projects/projects-page.js")),
  project: lazy(() => import("./routes/project/project-page.js")),
  funds: lazy(() => import("./routes/funds/funds-page.js")),
  indicators: lazy(() => import("./routes/indicators/indicators-page.js")),
  "data-entry": lazy(() => import("./routes/data-entry/data-entry-page.js")),
  "query-lab": lazy(() => import("./routes/query-lab/query-lab-page.js")),
};

/** Nothing but the sign-in page until someone is signed in. */
export function App() {
  const session = useSession();
  if (session.loading) return <Skeleton lines={10} />;
  if (session.error) return <ErrorState message={session.error.message} onRetry={session.refetch} />;
  if (!session.user) return <SignInPage />;
  return (
    <SignedInContext.Provider value={session.user}>
      <SignedInApp user={session.user} />
    </SignedInContext.Provider>
  );
}

function SignedInApp({ user }: { user: SignedInUser }) {
  const place = usePlace();
  const home = homeRegionOf(user)?.code;
  // A link without a region opens the user's own region rather than one they may not read.
  const needsHome = !place.params.region && home !== undefined;
  useEffect(() => {
    if (needsHome) navigate(withParams(place, { region: home }), { replace: true });
  }, [needsHome, place, home]);
  const client = useApolloClient();
  const figures = figuresOfParams(place.params);
  useEffect(() => {
    // Figures of the other kind must not stay on screen or in the cache: read everything again.
    if (switchFigures(figures)) void client.resetStore();
  }, [figures, client]);
  const scope = useRegionScope(place);
  const Page = PAGES[place.page];
  if (needsHome) return <Skeleton lines={10} />;
  return (
    <Suspense fallback={<Skeleton lines={10} />}>
      <Page place={place} scope={scope} />
    </Suspense>
  );
}
