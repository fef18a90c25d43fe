import { useApolloClient } from "@apollo/client/react";
import { ErrorState, Skeleton } from "@revita/ui/components/data-state";
import { type LazyExoticComponent, lazy, Suspense, useEffect } from "react";
import { saidError } from "./features/entry/refusals.js";
import { useAppLocale } from "./i18n/app-locale.js";
import { withParams } from "./navigation/places.js";
import { type PageComponent, type PageKey, ROUTES } from "./navigation/routes.js";
import { navigate, usePlace } from "./navigation/use-place.js";
// The landing page ships in the first chunk: imported here as well as loaded by its route, so
// Rollup keeps it in the entry instead of a chunk fetched after sign-in.
import "./routes/overview/overview-page.js";
import { homeRegionOf, SignedInContext, type SignedInUser, useSession } from "./session/session.js";
import { SignInPage } from "./session/sign-in-page.js";
import { figuresOfParams, switchFigures } from "./shell/figures.js";
import { useRegionScope } from "./shell/region-scope.js";

/** Every page of the route table, each loaded on first visit (the overview is already there). */
const PAGES = {} as Record<PageKey, LazyExoticComponent<PageComponent>>;
for (const key of Object.keys(ROUTES) as PageKey[]) PAGES[key] = lazy<PageComponent>(ROUTES[key].load);

/** Nothing but the sign-in page until someone is signed in. */
export function App() {
  const session = useSession();
  const { t, locale } = useAppLocale();
  if (session.loading) return <Skeleton lines={10} />;
  if (session.error) return <ErrorState message={saidError(session.error, locale, t.networkFailure)} onRetry={session.refetch} />;
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
    // A query still in flight is aborted by the reset and asked again; each page's query shows its
    // own failure, so the reset's summary rejection (an AbortError) is not an error of the page.
    if (switchFigures(figures)) client.resetStore().catch(() => undefined);
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
