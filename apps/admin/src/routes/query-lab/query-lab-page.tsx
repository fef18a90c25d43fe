import { Skeleton } from "@revita/ui/components/data-state";
import { lazy, Suspense } from "react";
import { useAppLocale } from "../../i18n/app-locale.js";
import type { Place } from "../../navigation/places.js";
import { useSignedInUser } from "../../session/session.js";
import { Frame } from "../../shell/frame.js";
import type { RegionScope } from "../../shell/region-scope.js";

// GraphiQL brings Monaco: megabytes no other page should wait for.
const QueryLab = lazy(() => import("../../features/query-lab/query-lab.js").then((m) => ({ default: m.QueryLab })));

export default function QueryLabPage({ place, scope }: { place: Place; scope: RegionScope }) {
  const { t } = useAppLocale();
  const user = useSignedInUser();
  if (!user.scope.queriesFreely) {
    return (
      <Frame place={place} scope={scope} title={t.queryLab.title} regionless>
        <p role="alert" className="notice">
          {t.account.queryLabRefused}
        </p>
      </Frame>
    );
  }
  return (
    <Frame place={place} scope={scope} title={t.queryLab.title} regionless>
      <p>
        <a href="/graphiql" target="_blank" rel="noreferrer">
          {t.queryLab.openFull} ↗
        </a>
      </p>
      <div className="query-lab">
        <Suspense fallback={<Skeleton lines={12} />}>
          <QueryLab />
        </Suspense>
      </div>
    </Frame>
  );
}
