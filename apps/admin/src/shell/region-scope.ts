import { useQuery } from "@apollo/client/react";
import { RegionScopeDocument, type RegionScopeQuery } from "../generated/operations.js";
import { type Place, regionOf, yearOf } from "../navigation/places.js";

export type ScopedRegion = NonNullable<RegionScopeQuery["region"]>;

export interface RegionScope {
  code: string;
  region: ScopedRegion | null;
  provinces: RegionScopeQuery["provinces"];
  /** The year the reader chose, or the last year with scorecard values, or the last with any data. */
  year: number;
  /** True when the year is the default rather than one the reader chose. */
  latestYear: boolean;
  loading: boolean;
  error: Error | undefined;
  refetch: () => void;
}

/** Picks the year a page shows: the reader's choice, else the latest that fills the scorecard. */
export function effectiveYear(chosen: number | undefined, years: number[], scorecardYears: number[], today = new Date()): number {
  return chosen ?? scorecardYears.at(-1) ?? years.at(-1) ?? today.getFullYear();
}

/** Every page's region, from the URL; Apollo's cache answers it once for all pages. */
export function useRegionScope(place: Place): RegionScope {
  const code = regionOf(place);
  const { data, loading, error, refetch } = useQuery(RegionScopeDocument, { variables: { code } });
  const region = data?.region ?? null;
  const chosen = yearOf(place);
  return {
    code,
    region,
    provinces: data?.provinces ?? [],
    year: effectiveYear(chosen, region?.years ?? [], region?.scorecardYears ?? []),
    latestYear: chosen === undefined,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
  };
}
