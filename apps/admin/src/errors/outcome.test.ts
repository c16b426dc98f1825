import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { describeFailure, fieldOf, outcomeOf, renameFields } from './outcome.js';

let t: TFunction;
let tAr: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { fr: { translation: fr }, ar: { translation: ar } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
  t = i18n.getFixedT('fr');
  tAr = i18n.getFixedT('ar');
});

const validation = {
  __typename: 'ValidationError' as const,
  code: 'VALIDATION',
  message: 'input.body: This field is required',
  issues: [
    { path: ['input', 'body'], code: 'REQUIRED', message: 'This field is required' },
    { path: ['input', 'date'], code: 'SOMETHING_NEW', message: 'Not on a Sunday' },
    {
      path: ['input', 'conventionId'],
      code: 'MISSING_SIGNATORY',
      message: 'Party 2 has no signatory yet',
    },
  ],
};

describe('outcomeOf', () => {
  it('passes the success member through', () => {
    const answer = { __typename: 'RecordDeliberationSuccess' as const, convention: { id: 'C1' } };
    expect(outcomeOf(answer)).toEqual({ ok: true, value: answer });
  });

  it('turns each typed error into a failure of its kind', () => {
    expect(outcomeOf(validation)).toEqual({
      ok: false,
      failure: { kind: 'validation', message: validation.message, issues: validation.issues },
    });
    expect(
      outcomeOf({
        __typename: 'ConflictError',
        code: 'CONFLICT',
        message: 'changed',
        currentVersion: 7,
      }),
    ).toEqual({ ok: false, failure: { kind: 'conflict', message: 'changed', currentVersion: 7 } });
    expect(outcomeOf({ __typename: 'ForbiddenError', code: 'FORBIDDEN', message: 'no' })).toEqual({
      ok: false,
      failure: { kind: 'forbidden', message: 'no' },
    });
    expect(outcomeOf({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'gone' })).toEqual({
      ok: false,
      failure: { kind: 'notFound', message: 'gone' },
    });
    expect(
      outcomeOf({ __typename: 'RenewalBlockedError', code: 'RENEWAL_BLOCKED', message: 'blocked' }),
    ).toEqual({
      ok: false,
      failure: { kind: 'refused', code: 'RENEWAL_BLOCKED', message: 'blocked' },
    });
  });

  it('says that the request failed when there is no answer at all', () => {
    expect(outcomeOf(undefined)).toEqual({ ok: false, failure: { kind: 'network', message: '' } });
  });
});

describe('describeFailure', () => {
  it('puts each issue on its field, translated, and the rest in the summary', () => {
    const outcome = outcomeOf(validation);
    if (outcome.ok) throw new TypeError('expected a failure');
    const messages = describeFailure(outcome.failure, ['kind', 'body', 'date', 'subject'], t);
    expect(messages.fields).toEqual({
      body: 'Ce champ est obligatoire.',
      // A code the client does not know yet: the server's own words.
      date: 'Not on a Sunday',
    });
    expect(messages.invalid).toEqual(['body', 'date']);
    expect(messages.summary).toBe(
      '3 points sont à corriger. Chaque partie doit avoir un signataire avant la signature : complétez la section « Parties ».',
    );
  });

  it('speaks the reader’s language, with Arabic plural forms', () => {
    const outcome = outcomeOf(validation);
    if (outcome.ok) throw new TypeError('expected a failure');
    const messages = describeFailure(outcome.failure, ['body', 'date', 'conventionId'], tAr);
    expect(messages.fields.body).toBe('هذا الحقل إلزامي.');
    expect(messages.summary).toBe('هناك 3 عناصر تحتاج إلى تصحيح.');
  });

  it('explains a stale version, a forbidden action and a missing object', () => {
    expect(
      describeFailure({ kind: 'conflict', message: 'x', currentVersion: 4 }, [], t).summary,
    ).toMatch(/^Quelqu’un d’autre a modifié cet élément/);
    expect(describeFailure({ kind: 'forbidden', message: 'x' }, [], t).summary).toBe(
      'Votre compte ne permet pas cette action.',
    );
    expect(describeFailure({ kind: 'notFound', message: 'x' }, [], t).summary).toBe(
      'Cet élément n’existe plus, ou vous n’y avez pas accès.',
    );
    expect(
      describeFailure({ kind: 'refused', code: 'INVALID_CREDENTIALS', message: 'x' }, [], t)
        .summary,
    ).toBe('L’adresse ou le mot de passe n’est pas correct.');
  });

  it('names fields by their path inside the input', () => {
    expect(fieldOf(['input', 'partners', '0', 'collectivityId'])).toBe('partners.0.collectivityId');
    expect(fieldOf(['title'])).toBe('title');
  });

  it('puts a money’s problems on the one amount field the form shows', () => {
    const failure = renameFields(
      {
        kind: 'validation',
        message: '',
        issues: [
          { path: ['input', 'amount', 'amount'], code: 'TOO_MANY_DECIMALS', message: '' },
          { path: ['input', 'label'], code: 'EMPTY_LABEL', message: '' },
        ],
      },
      { 'amount.amount': 'amount' },
    );
    expect(
      failure.kind === 'validation' && failure.issues.map((issue) => fieldOf(issue.path)),
    ).toEqual(['amount', 'label']);
  });
});
