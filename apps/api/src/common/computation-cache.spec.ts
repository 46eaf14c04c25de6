import { ComputationCache } from './computation-cache';

describe('ComputationCache', () => {
  it('evicts the least recently used result beyond its capacity', async () => {
    const cache = new ComputationCache<string>(2);
    const computed: string[] = [];
    const get = (key: string) =>
      cache.getOrCreate(key, () => {
        computed.push(key);
        return Promise.resolve(key.toUpperCase());
      });
    await get('a');
    await get('b');
    expect(await get('a')).toBe('A'); // a is now the most recent
    await get('c'); // evicts b
    expect(cache.size).toBe(2);
    await get('a');
    await get('c');
    expect(computed).toEqual(['a', 'b', 'c']);
    await get('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('shares one computation between concurrent callers', async () => {
    const cache = new ComputationCache<number>(4);
    let calls = 0;
    let finish: (value: number) => void = () => undefined;
    const make = () => {
      calls++;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const both = Promise.all([cache.getOrCreate('k', make), cache.getOrCreate('k', make)]);
    finish(42);
    expect([...(await both), calls]).toEqual([42, 42, 1]);
  });

  it('keeps a null result (a computation that found nothing to compute)', async () => {
    const cache = new ComputationCache<number | null>(4);
    let calls = 0;
    const make = () => {
      calls++;
      return Promise.resolve(null);
    };
    expect(await cache.getOrCreate('k', make)).toBeNull();
    expect(await cache.getOrCreate('k', make)).toBeNull();
    expect(calls).toBe(1);
  });

  it('forgets a failed computation so the next caller tries again', async () => {
    const cache = new ComputationCache<number>(4);
    await expect(cache.getOrCreate('k', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.getOrCreate('k', () => Promise.resolve(7))).toBe(7);
  });

  it('starts empty again after clear', async () => {
    const cache = new ComputationCache<number>(4);
    await cache.getOrCreate('k', () => Promise.resolve(1));
    cache.clear();
    expect(await cache.getOrCreate('k', () => Promise.resolve(2))).toBe(2);
  });
});
