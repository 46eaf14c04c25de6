import { LRUCache } from 'lru-cache';

/** lru-cache stores no null or undefined values, so results travel in a box. */
interface Box<V> {
  readonly value: V;
}

/**
 * Results of expensive computations by key, the least recently used dropped beyond `max`
 * (lru-cache). Concurrent callers of one key share one computation (lru-cache's `fetchMethod`);
 * a computation that fails is forgotten, so the next caller tries again.
 */
export class ComputationCache<V> {
  private readonly cache: LRUCache<string, Box<V>, () => Promise<V>>;

  constructor(max: number) {
    this.cache = new LRUCache({
      max,
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
    });
  }

  /** The cached result, or the one `compute` produces (once, whoever else asks meanwhile). */
  async getOrCreate(key: string, compute: () => Promise<V>): Promise<V> {
    return (await this.cache.forceFetch(key, { context: compute })).value;
  }

  get size(): number {
    return this.cache.size;
  }

  clear(): void {
    this.cache.clear();
  }
}
