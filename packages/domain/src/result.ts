/**
 * A rule that a user can break answers with a value, never an exception: the caller decides how
 * to show it (a GraphQL typed error, a message next to a form field).
 */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * Thrown only when code breaks an invariant it was given (a programming error, never a user's
 * input): for example reading a Result's value without checking it.
 */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

/** The value of a Result known to be ok; an InvariantViolation otherwise. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new InvariantViolation(
    `expected an ok result, got ${JSON.stringify(result.error, bigintSafe)}`,
  );
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
