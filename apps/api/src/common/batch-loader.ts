/**
 * Loads values by key in batches: every key asked for in the same tick goes into one call of
 * loadMany, and each key is loaded once per loader. A loader lives for one request, so what it
 * caches never outlives the request's access rights.
 */
export function batchLoader<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>): BatchLoader<K, V> {
  const cache = new Map<K, Promise<V | undefined>>();
  let pending: { keys: K[]; done: Promise<Map<K, V>> } | undefined;
  const load = (key: K) => {
    const cached = cache.get(key);
    if (cached) return cached;
    if (!pending) {
      const batch: { keys: K[]; done?: Promise<Map<K, V>> } = { keys: [] };
      batch.done = Promise.resolve().then(() => {
        pending = undefined;
        return loadMany(batch.keys);
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
      if (!cache.has(key)) cache.set(key, Promise.resolve(value));
    },
  });
}

/** A batch loader, which can also be told a value already read, so that nobody loads it again. */
export interface BatchLoader<K, V> {
  (key: K): Promise<V | undefined>;
  prime(key: K, value: V): void;
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
