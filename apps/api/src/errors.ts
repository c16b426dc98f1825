/**
 * The errors a client is told about, as values with a type: each becomes a member of a mutation's
 * result union (schema/errors.ts). Anything else that goes wrong is masked before it leaves the
 * server: no stack trace or SQL ever reaches a client.
 */
export interface Issue {
  /** Where in the input: ["input", "budget", "lines", "2", "amount"]. */
  readonly path: readonly string[];
  readonly message: string;
  /** A stable code for the client to translate: "INVALID_DATE", "PARTY_CONTRIBUTES_NOTHING"… */
  readonly code: string;
}

export abstract class CoopError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends CoopError {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION';
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(
      issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') ||
        'invalid input',
    );
    this.issues = issues;
  }

  static of(path: readonly string[], message: string, code = 'INVALID'): ValidationError {
    return new ValidationError([{ path, message, code }]);
  }
}

/**
 * Also the answer for what exists but is not the viewer's to see: the two must be
 * indistinguishable, so the message never depends on what was looked for or where it was missed.
 */
export class NotFoundError extends CoopError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor() {
    super('No object with this ID');
  }
}

export class ForbiddenError extends CoopError {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}

/** Someone else changed the object since the client read it: nothing was overwritten. */
export class ConflictError extends CoopError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
  readonly currentVersion: number;
  constructor(currentVersion: number) {
    super(
      `This object was changed by someone else (now at version ${currentVersion}); reload it and apply your change again`,
    );
    this.currentVersion = currentVersion;
  }
}

export class InvalidCredentialsError extends CoopError {
  override readonly name = 'InvalidCredentialsError';
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('The email or the password is not right');
  }
}

export class TooManyAttemptsError extends CoopError {
  override readonly name = 'TooManyAttemptsError';
  readonly code = 'TOO_MANY_ATTEMPTS';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
