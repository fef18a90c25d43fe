/**
 * Loads values by key in batches: every key asked for in the same tick goes into one call of
 * loadMany, and each key is loaded once per loader. A loader lives for one request, so what it
 * caches never outlives the request's access rights.
 */
export function batchLoader<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>): BatchLoader<K, V> {
  const cache = new Map<K, Promise<V | undefined>>();
  /** The values already in hand (loaded or primed), for those who can use them without waiting. */
  const settled = new Map<K, V>();
  let pending: { keys: K[]; done: Promise<Map<K, V>> } | undefined;
  const load = (key: K) => {
    const cached = cache.get(key);
    if (cached) return cached;
    if (!pending) {
      const batch: { keys: K[]; done?: Promise<Map<K, V>> } = { keys: [] };
      batch.done = Promise.resolve().then(() => {
        pending = undefined;
        return loadMany(batch.keys).then((values) => {
          for (const [key, value] of values) if (!settled.has(key)) settled.set(key, value);
          return values;
        });
      });
      pending = batch as { keys: K[]; done: Promise<Map<K, V>> };
    }
    pending.keys.push(key);
    const value = pending.done.then((values) => values.get(key));
    cache.set(key, value);
    return value;
  };
  return Object.assign(load, {
    prime(key: K, value: V) {
      if (cache.has(key)) return;
      cache.set(key, Promise.resolve(value));
      settled.set(key, value);
    },
    known: (key: K) => settled.get(key),
  });
}

/** A batch loader, which can also be told a value already read, so that nobody loads it again. */
export interface BatchLoader<K, V> {
  (key: K): Promise<V | undefined>;
  prime(key: K, value: V): void;
  /** The value when it is already loaded or primed; undefined while unknown (no load starts). */
  known(key: K): V | undefined;
}

/**
 * A batch loader made once per request (per context object) and forgotten with it, for fields
 * whose rows have no Prisma relation to ride on.
 */
export function perRequestLoader<Context extends object, K, V>(
  makeLoader: (context: Context) => (key: K) => Promise<V | undefined>,
): (context: Context, key: K) => Promise<V | undefined> {
  const loaders = new WeakMap<Context, (key: K) => Promise<V | undefined>>();
  return (context, key) => {
    let load = loaders.get(context);
    if (!load) {
      load = makeLoader(context);
      loaders.set(context, load);
    }
    return load(key);
  };
}
