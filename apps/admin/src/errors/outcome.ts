import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';

/** One thing wrong with an input, as the API's ValidationError names it. */
export interface Issue {
  readonly path: readonly string[];
  readonly code: string;
  readonly message: string;
}

/**
 * Why a mutation did not go through, from the API's typed errors (a union member of every
 * mutation result) or from the request itself.
 */
export type Failure =
  | { readonly kind: 'validation'; readonly message: string; readonly issues: readonly Issue[] }
  | { readonly kind: 'conflict'; readonly message: string; readonly currentVersion: number }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'network'; readonly message: string };

export type Outcome<Success> =
  | { readonly ok: true; readonly value: Success }
  | { readonly ok: false; readonly failure: Failure };

/** The members of a mutation's result union that are not errors: `…Success`. */
export type SuccessOf<T> = Extract<T, { __typename: `${string}Success` }>;

interface TypedError {
  readonly __typename: string;
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly Issue[];
  readonly currentVersion?: number;
}

function isTypedError(value: object): value is TypedError {
  return 'code' in value && 'message' in value;
}

/**
 * A mutation's answer as a value: the success member, or a Failure. `answer` is the mutation
 * field (`data.createConvention`); `error` is urql's for a request that failed outright.
 */
export function outcomeOf<T extends { readonly __typename: string }>(
  answer: T | null | undefined,
  error?: CombinedError,
): Outcome<SuccessOf<T>> {
  if (!answer) {
    return { ok: false, failure: { kind: 'network', message: error?.message ?? '' } };
  }
  if (answer.__typename.endsWith('Success')) return { ok: true, value: answer as SuccessOf<T> };
  if (!isTypedError(answer)) {
    return { ok: false, failure: { kind: 'network', message: answer.__typename } };
  }
  return { ok: false, failure: failureOf(answer) };
}

function failureOf(error: TypedError): Failure {
  switch (error.__typename) {
    case 'ValidationError':
      return { kind: 'validation', message: error.message, issues: error.issues ?? [] };
    case 'ConflictError':
      return {
        kind: 'conflict',
        message: error.message,
        currentVersion: error.currentVersion ?? 0,
      };
    case 'ForbiddenError':
      return { kind: 'forbidden', message: error.message };
    case 'NotFoundError':
      return { kind: 'notFound', message: error.message };
    default:
      return { kind: 'refused', code: error.code, message: error.message };
  }
}

/** A problem the client finds itself before asking (a date the browser could not read…). */
export function clientIssues(issues: readonly Issue[]): Failure | null {
  return issues.length ? { kind: 'validation', message: '', issues } : null;
}

/**
 * The same input field named by two paths: the API puts a money's own problems on
 * ["input", "amount", "amount"] and the domain's on ["input", "amount"]. `renames` maps the form
 * names of a failure's issues onto the one field the form shows (`{ "amount.amount": "amount" }`).
 */
export function renameFields(failure: Failure, renames: Readonly<Record<string, string>>): Failure {
  if (failure.kind !== 'validation') return failure;
  return {
    ...failure,
    issues: failure.issues.map((issue) => {
      const renamed = renames[fieldOf(issue.path)];
      return renamed ? { ...issue, path: ['input', ...renamed.split('.')] } : issue;
    }),
  };
}

/** The form's name for an issue's path: ["input", "partners", "0", "name"] → "partners.0.name". */
export function fieldOf(path: readonly string[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

/** What the form shows: a message per field it has, and a summary for everything else. */
export interface FailureMessages {
  readonly summary: string | null;
  readonly fields: Readonly<Record<string, string>>;
  /** The fields with a message, in the form's order: the first one takes the focus. */
  readonly invalid: readonly string[];
}

/** A code's message in the reader's language, or the server's own words for a code we lack. */
export function issueMessage(t: TFunction, issue: { code: string; message: string }): string {
  return t(`errors.codes.${issue.code}`, { defaultValue: issue.message || issue.code });
}

/**
 * Puts each issue on the field it names (when the form has that field) and everything else in
 * the summary. Known codes are translated; an unknown code falls back to the server's message.
 */
export function describeFailure(
  failure: Failure,
  formFields: readonly string[],
  t: TFunction,
): FailureMessages {
  switch (failure.kind) {
    case 'validation': {
      const fields: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const issue of failure.issues) {
        const field = fieldOf(issue.path);
        const message = issueMessage(t, issue);
        if (formFields.includes(field)) {
          fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
        } else {
          elsewhere.push(message);
        }
      }
      const invalid = formFields.filter((field) => field in fields);
      const summary = [t('errors.validation', { count: failure.issues.length }), ...elsewhere].join(
        ' ',
      );
      return { summary, fields, invalid };
    }
    case 'conflict':
      return { summary: t('errors.conflict'), fields: {}, invalid: [] };
    case 'forbidden':
      return { summary: t('errors.forbidden'), fields: {}, invalid: [] };
    case 'notFound':
      return { summary: t('errors.notFound'), fields: {}, invalid: [] };
    case 'refused':
      return { summary: issueMessage(t, failure), fields: {}, invalid: [] };
    case 'network':
      return { summary: t('common.error'), fields: {}, invalid: [] };
  }
}
