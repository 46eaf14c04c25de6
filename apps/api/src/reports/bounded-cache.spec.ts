import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('shares one computation between concurrent callers', async () => {
    const cache = new BoundedCache<Promise<number>>(4);
    let calls = 0;
    const make = () => {
      calls++;
      return Promise.resolve(42);
    };
    const [x, y] = await Promise.all([cache.getOrCreate('k', make), cache.getOrCreate('k', make)]);
    expect([x, y, calls]).toEqual([42, 42, 1]);
  });

  it('forgets a failed computation so the next caller tries again', async () => {
    const cache = new BoundedCache<Promise<number>>(4);
    await expect(cache.getOrCreate('k', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    await Promise.resolve();
    expect(await cache.getOrCreate('k', () => Promise.resolve(7))).toBe(7);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new BoundedCache(0)).toThrow();
  });
});
