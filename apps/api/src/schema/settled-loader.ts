import DataLoader from 'dataloader';

export type MaybePromise<T> = T | Promise<T>;

/**
 * A DataLoader that hands back at once what it already holds: a value primed (lists read with
 * their convention, approvals with their page) or loaded earlier in the request. A resolver that
 * reads it then returns a value, not a promise, and the executor completes the object at once:
 * on a page of actions, a promise per field cost more than the field itself.
 */
export class SettledLoader<K, V> {
  readonly #loader: DataLoader<K, V, string | K>;
  readonly #settled = new Map<string | K, V>();
  readonly #keyOf: (key: K) => string | K;

  constructor(
    batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
    options: { cacheKeyFn?: (key: K) => string } = {},
  ) {
    this.#keyOf = options.cacheKeyFn ?? ((key) => key);
    this.#loader = new DataLoader<K, V, string | K>(
      async (keys) => {
        const values = await batch(keys);
        keys.forEach((key, index) => {
          const value = values[index];
          if (!(value instanceof Error)) this.#settle(key, value as V);
        });
        return values;
      },
      { cacheKeyFn: this.#keyOf },
    );
  }

  #settle(key: K, value: V): void {
    const cacheKey = this.#keyOf(key);
    // As DataLoader's prime: what is held already stays.
    if (!this.#settled.has(cacheKey)) this.#settled.set(cacheKey, value);
  }

  load(key: K): MaybePromise<V> {
    const cacheKey = this.#keyOf(key);
    return this.#settled.has(cacheKey)
      ? (this.#settled.get(cacheKey) as V)
      : this.#loader.load(key);
  }

  loadMany(keys: readonly K[]): Promise<(V | Error)[]> {
    return this.#loader.loadMany(keys);
  }

  prime(key: K, value: V): this {
    this.#settle(key, value);
    this.#loader.prime(key, value);
    return this;
  }

  clearAll(): this {
    this.#settled.clear();
    this.#loader.clearAll();
    return this;
  }
}

/** `then` for a value that may already be there: stays synchronous when it is. */
export function whenSettled<T, R>(value: MaybePromise<T>, next: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Both values, synchronously when both are already there. */
export function bothSettled<A, B, R>(
  a: MaybePromise<A>,
  b: MaybePromise<B>,
  next: (a: A, b: B) => R,
): MaybePromise<R> {
  if (a instanceof Promise || b instanceof Promise)
    return Promise.all([a, b]).then(([first, second]) => next(first, second));
  return next(a, b);
}
