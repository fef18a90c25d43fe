/**
 * How Apollo's cache identifies objects that our queries select without their global id. A
 * region is known by its division code everywhere in the dashboard; storing it under that key
 * lets the region bar, the overview and the lists share one cached region instead of
 * overwriting each other's copy of Query.region. Every selection of a keyed type must select
 * its key (a test reads the .graphql files to make sure).
 */
export const CACHE_KEYS: Record<string, string[]> = {
  Region: ["code"],
};
