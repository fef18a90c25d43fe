import type { ReactNode } from "react";
import { useNamer } from "../i18n/app-locale.js";
import type { Place } from "../navigation/places.js";
import { Frame } from "./frame.js";
import { RegionGate } from "./region-gate.js";
import type { RegionScope, ScopedRegion } from "./region-scope.js";

/**
 * A page about one region: the frame with the region's name in the title, and the content once
 * the region is known (with the gate's loading, error and unknown-region states).
 */
export function RegionPage({
  place,
  scope,
  title,
  untitled,
  children,
}: {
  place: Place;
  scope: RegionScope;
  /** The title for the region's name in the reader's language, e.g. "岑巩县总览". */
  title: (params: { region: string }) => string;
  /** The title while the region is unknown. */
  untitled: string;
  children: (region: ScopedRegion) => ReactNode;
}) {
  const name = useNamer();
  return (
    <Frame place={place} scope={scope} title={scope.region ? title({ region: name(scope.region) }) : untitled}>
      <RegionGate place={place} scope={scope}>
        {children}
      </RegionGate>
    </Frame>
  );
}
