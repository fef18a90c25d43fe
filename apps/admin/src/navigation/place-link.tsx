import type { ReactNode } from "react";
import { hrefOf, type Place } from "./places.js";
import { useFollow } from "./use-place.js";

/** A real link (it can be opened in a new tab or copied) that navigates in the page on a plain click. */
export function PlaceLink({ place, className, children }: { place: Place; className?: string; children: ReactNode }) {
  const follow = useFollow();
  return (
    <a href={hrefOf(place)} className={className} onClick={follow(place)}>
      {children}
    </a>
  );
}
