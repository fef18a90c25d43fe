/**
 * Asks a query again without leaving its promise unhandled. A failure shows through the query's
 * own error state (the page's DataState); the promise also rejects when the cache is cleared
 * while it is in flight (signing out), which is no failure of the page and must not surface as a
 * script error.
 */
export function refetchQuietly(refetch: () => Promise<unknown>): void {
  refetch().catch(() => undefined);
}
