import { useState } from "react";
import { RegionProjects } from "./features/projects/region-projects.js";
import { RegionPicker } from "./features/regions/region-picker.js";

/** Cengong County, the demo's best-documented county. */
const DEFAULT_REGION = "522626000000";

function regionFromUrl(): string {
  return new URLSearchParams(window.location.search).get("region") ?? DEFAULT_REGION;
}

/**
 * The first screen: pick a region, see its projects. The full overview (KPIs, charts,
 * drill-down) is built from @revita/ui in the dashboard issue.
 */
export function App() {
  const [regionCode, setRegionCode] = useState(regionFromUrl);
  const choose = (code: string) => {
    setRegionCode(code);
    window.history.replaceState(null, "", `?region=${code}`);
  };
  return (
    <main className="page">
      <header className="page-header">
        <h1>Revita 乡村振兴监测</h1>
        <RegionPicker regionCode={regionCode} onChoose={choose} />
      </header>
      <RegionProjects regionCode={regionCode} />
    </main>
  );
}
