import { describe, expect, it } from 'vitest';
import { bothSettled, SettledLoader, whenSettled } from './settled-loader.js';

/** A loader of squares that records each batch it was asked for. */
function squares() {
  const batches: number[][] = [];
  const loader = new SettledLoader<number, number>((keys) => {
    batches.push([...keys]);
    return Promise.resolve(keys.map((key) => (key < 0 ? new Error(`no ${key}`) : key * key)));
  });
  return { loader, batches };
}

describe('SettledLoader', () => {
  it('batches what it does not hold, then hands it back at once', async () => {
    const { loader, batches } = squares();
    const first = loader.load(2);
    const second = loader.load(3);
    expect(first).toBeInstanceOf(Promise);
    expect(await Promise.all([first, second])).toEqual([4, 9]);
    expect(batches).toEqual([[2, 3]]);
    expect(loader.load(3)).toBe(9);
    expect(batches).toHaveLength(1);
  });

  it('hands back a primed value at once, and a second prime does not replace it', () => {
    const { loader, batches } = squares();
    loader.prime(5, 25).prime(5, 0);
    expect(loader.load(5)).toBe(25);
    expect(batches).toEqual([]);
  });

  it('does not hold an error: the key is asked again after the cache is cleared', async () => {
    const { loader, batches } = squares();
    await expect(loader.load(-1)).rejects.toThrow('no -1');
    const again = loader.load(-1);
    expect(again).toBeInstanceOf(Promise);
    await expect(again).rejects.toThrow('no -1');
    loader.clearAll();
    await expect(loader.load(-1)).rejects.toThrow('no -1');
    expect(batches).toEqual([[-1], [-1]]);
  });

  it('forgets everything on clearAll, as after a mutation', async () => {
    const { loader, batches } = squares();
    loader.prime(4, 16);
    loader.clearAll();
    const again = loader.load(4);
    expect(again).toBeInstanceOf(Promise);
    expect(await again).toBe(16);
    expect(batches).toEqual([[4]]);
  });

  it('keys objects by their cache key', async () => {
    const loader = new SettledLoader<{ type: string; id: number }, string>(
      (keys) => Promise.resolve(keys.map((key) => `${key.type}#${key.id}`)),
      { cacheKeyFn: (key) => `${key.type}:${key.id}` },
    );
    expect(await loader.load({ type: 'BUDGET', id: 1 })).toBe('BUDGET#1');
    expect(loader.load({ type: 'BUDGET', id: 1 })).toBe('BUDGET#1');
    expect(loader.load({ type: 'BUDGET', id: 2 })).toBeInstanceOf(Promise);
  });

  it('loads many, errors in place', async () => {
    const { loader } = squares();
    const values = await loader.loadMany([1, -2, 3]);
    expect(values[0]).toBe(1);
    expect(values[1]).toBeInstanceOf(Error);
    expect(values[2]).toBe(9);
  });
});

describe('whenSettled and bothSettled', () => {
  it('stay synchronous for values, and wait for promises', async () => {
    expect(whenSettled(2, (x) => x + 1)).toBe(3);
    expect(await whenSettled(Promise.resolve(2), (x) => x + 1)).toBe(3);
    expect(bothSettled(2, 3, (a, b) => a * b)).toBe(6);
    const waited = bothSettled(2, Promise.resolve(3), (a, b) => a * b);
    expect(waited).toBeInstanceOf(Promise);
    expect(await waited).toBe(6);
  });
});
