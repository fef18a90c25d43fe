import { ErrorState, Skeleton } from "@revita/ui/components/data-state";
import type { ReactNode } from "react";
import { saidError } from "../features/entry/refusals.js";
import { useAppLocale, useNamer } from "../i18n/app-locale.js";
import { PlaceLink } from "../navigation/place-link.js";
import { DEFAULT_REGION, type Place, pagePlace, withParams } from "../navigation/places.js";
import { homeRegionOf, useSignedInUser } from "../session/session.js";
import type { RegionScope, ScopedRegion } from "./region-scope.js";

/**
 * Shows a page's content once its region is known: a skeleton while it loads, an error with a
 * retry if the API cannot be reached, and a way back when the URL names no region.
 */
export function RegionGate({
  place,
  scope,
  children,
}: {
  place: Place;
  scope: RegionScope;
  children: (region: ScopedRegion) => ReactNode;
}) {
  const { t, locale } = useAppLocale();
  const name = useNamer();
  const user = useSignedInUser();
  if (scope.loading) return <Skeleton lines={8} />;
  if (scope.error) return <ErrorState message={saidError(scope.error, locale, t.networkFailure)} onRetry={scope.refetch} />;
  if (!scope.region) {
    return (
      <div role="alert" className="notice">
        <p>{t.regionNotFound({ code: scope.code })}</p>
        <PlaceLink place={pagePlace(withParams(place, { region: DEFAULT_REGION }), "overview")}>{t.backToOverview}</PlaceLink>
      </div>
    );
  }
  if (!scope.region.access.read) {
    const home = homeRegionOf(user);
    return (
      <div role="alert" className="notice">
        <p>{t.account.outsideScope({ region: name(scope.region) })}</p>
        {home && (
          <PlaceLink place={pagePlace(withParams(place, { region: home.code }), "overview")}>
            {t.account.backHome({ region: name(home) })}
          </PlaceLink>
        )}
      </div>
    );
  }
  return <>{children(scope.region)}</>;
}
