import { useQuery } from "@apollo/client/react";
import { RegionScopeDocument, type RegionScopeQuery, RegionYearsDocument } from "../generated/operations.js";
import { type Place, regionOf, yearOf } from "../navigation/places.js";

export type ScopedRegion = NonNullable<RegionScopeQuery["region"]> & { years: number[]; scorecardYears: number[] };

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

/**
 * Every page's region, from the URL; Apollo's cache answers it once for all pages. Its years are
 * asked for only where the user may read its data (elsewhere the API would refuse).
 */
export function useRegionScope(place: Place): RegionScope {
  const code = regionOf(place);
  const { data, loading, error, refetch } = useQuery(RegionScopeDocument, { variables: { code } });
  const readable = data?.region?.access.read === true;
  const years = useQuery(RegionYearsDocument, { variables: { code }, skip: !readable });
  const region = data?.region
    ? {
        ...data.region,
        years: years.data?.region?.years ?? [],
        scorecardYears: years.data?.region?.scorecardYears ?? [],
      }
    : null;
  const chosen = yearOf(place);
  return {
    code,
    region,
    provinces: data?.provinces ?? [],
    year: effectiveYear(chosen, region?.years ?? [], region?.scorecardYears ?? []),
    latestYear: chosen === undefined,
    loading: (loading && !data) || (readable && years.loading && !years.data),
    error: error ?? years.error,
    refetch: () => {
      void refetch();
      if (readable) void years.refetch();
    },
  };
}
