import { builder } from '../builder.js';
import {
  ConflictError,
  CoopError,
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  TooManyAttemptsError,
  ValidationError,
  type Issue,
} from '../errors.js';

/** Every typed error shares this interface, so a client can always select `... on Error { message code }`. */
export const ErrorInterface = builder.interfaceRef<CoopError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

const IssueRef = builder.objectRef<Issue>('Issue').implement({
  description: 'One thing wrong with the input, and where.',
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [IssueRef], resolve: (error) => [...error.issues] }) }),
});

builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });
builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});
builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  interfaces: [ErrorInterface],
});
builder.objectType(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

/** The errors any editing mutation can answer with. */
export const EDIT_ERRORS = [ValidationError, NotFoundError, ForbiddenError, ConflictError];
