import {
  ACTION_STATUSES,
  COMPUTED_INDICATOR_KINDS,
  DELEGATE_CATEGORIES,
  EXPENSE_CATEGORIES,
  MISSION_COST_CATEGORIES,
  ORGANIZATION_ROLES,
  PARTICIPATORY_ACTIVITY_KINDS,
} from '@coop/domain';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [inner, text] of flatten(value, path)) keys.set(inner, text);
  }
  return keys;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const catalogues = { fr: flatten(fr), en: flatten(en), ar: flatten(ar) };
const categories = (language: string) =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** The keys of a catalogue with plural forms folded into their base key. */
function bases(keys: Map<string, string>): Set<string> {
  return new Set([...keys.keys()].map((key) => key.replace(PLURAL, '')));
}
function isPlural(keys: Map<string, string>, base: string): boolean {
  return keys.has(`${base}_other`);
}
const variables = (text: string) =>
  new Set([...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]));

describe('the catalogues', () => {
  const reference = bases(catalogues.fr);

  for (const language of ['en', 'ar'] as const) {
    const keys = catalogues[language];
    it(`${language} says everything French says, and nothing more`, () => {
      expect([...bases(keys)].sort()).toEqual([...reference].sort());
    });

    it(`${language} has every plural form its language needs`, () => {
      for (const base of reference) {
        if (!isPlural(catalogues.fr, base)) {
          expect(keys.has(base), `${language}: ${base}`).toBe(true);
          continue;
        }
        for (const category of categories(language)) {
          expect(keys.has(`${base}_${category}`), `${language}: ${base}_${category}`).toBe(true);
        }
      }
    });

    it(`${language} uses only the values French passes to each string`, () => {
      for (const [key, text] of keys) {
        const base = key.replace(PLURAL, '');
        const french =
          catalogues.fr.get(base) ??
          catalogues.fr.get(`${base}_other`) ??
          catalogues.fr.get(`${base}_one`) ??
          '';
        const allowed = new Set([...variables(french), 'count']);
        for (const name of variables(text)) {
          expect(allowed.has(name), `${language}: ${key} uses {{${name}}}`).toBe(true);
        }
      }
    });
  }

  it('French has the plural forms French needs', () => {
    for (const base of reference) {
      if (!isPlural(catalogues.fr, base)) continue;
      for (const category of categories('fr')) {
        if (category === 'many') continue; // only for very large numbers written in words
        expect(catalogues.fr.has(`${base}_${category}`), base).toBe(true);
      }
    }
  });

  it('names every status, role, deliberation kind, deadline and renewal blocker', () => {
    const needed = [
      ...['DRAFT', 'IN_FORCE', 'EXPIRING', 'EXPIRED'].map((status) => `status.${status}`),
      ...['VIEWER', 'EDITOR', 'ADMIN', 'PLATFORM_ADMIN'].map((role) => `roles.${role}`),
      ...['AUTHORISATION', 'RENEWAL', 'OTHER'].map((kind) => `deliberations.kinds.${kind}`),
      ...['RENEWAL_OPEN', 'RENEWAL_WINDOW', 'TERM_END'].map((kind) => `dashboard.due.${kind}`),
      ...[
        'NOT_SIGNED',
        'EXPIRED',
        'MISSING_RENEWAL_DELIBERATION',
        'NO_COMPLETED_PROGRAMME_EVALUATION',
      ].map((code) => `renewal.blockers.${code}`),
      ...['AXIS_ENDS_BEFORE_TERM', 'AXIS_STARTS_AFTER_TERM'].map((code) => `axes.flags.${code}`),
      ...['READ', 'READ_WRITE'].map((access) => `tokens.accessKinds.${access}`),
      // Codes the client finds itself, before asking the server.
      ...['REQUIRED', 'INVALID_DATE', 'NOT_A_WHOLE_NUMBER', 'PASSWORDS_DIFFER'].map(
        (code) => `errors.codes.${code}`,
      ),
    ];
    for (const key of needed) expect(reference.has(key), key).toBe(true);
  });

  it('names everything of the programme the domain lists: statuses, categories, kinds, codes', () => {
    const needed = [
      ...ACTION_STATUSES.map((status) => `actionStatus.${status}`),
      ...EXPENSE_CATEGORIES.map((category) => `budget.categories.${category}`),
      ...DELEGATE_CATEGORIES.flatMap((category) => [
        `missions.categories.${category}`,
        `missions.categoryCount.${category}`,
      ]),
      ...MISSION_COST_CATEGORIES.map((category) => `missions.costCategories.${category}`),
      ...ORGANIZATION_ROLES.map((role) => `organizations.roles.${role}`),
      ...PARTICIPATORY_ACTIVITY_KINDS.map((kind) => `participation.kinds.${kind}`),
      ...COMPUTED_INDICATOR_KINDS.map((kind) => `indicators.computedKinds.${kind}`),
      ...['NO_TARGET', 'NO_MEASUREMENT', 'BEHIND', 'ON_TRACK', 'MET'].map(
        (status) => `indicators.statuses.${status}`,
      ),
      ...['DRAFT', 'SUBMITTED', 'APPROVED'].map((status) => `evaluations.statuses.${status}`),
      ...['REQUESTED', 'GRANTED', 'RECEIVED'].map((status) => `budget.fundingStatuses.${status}`),
      ...[
        'NO_EXPENSES',
        'PARTY_CONTRIBUTES_NOTHING',
        'CONTRIBUTOR_NOT_A_PARTY',
        'MISSING_EXCHANGE_RATE',
        'FUNDER_OVER_CAP',
        'PARTY_BELOW_MINIMUM_SHARE',
        'REQUESTED_FUNDING_COUNTED',
      ].map((code) => `budget.violations.${code}`),
      ...['MISSION', 'ANNUAL_EVALUATION'].map((kind) => `dashboard.due.${kind}`),
      // The domain's reasons, shown while typing and when the server refuses.
      ...[
        'ACTION_STARTED_WITHOUT_AGREED_BUDGET',
        'ACTION_STARTED_WITHOUT_SPECIFIC_CONVENTION',
        'END_BEFORE_START',
        'OVERRIDE_WITHOUT_REASON',
        'RETURN_BEFORE_DEPARTURE',
        'SAME_ORIGIN_AND_HOST',
        'NO_DELEGATES',
        'YEAR_OUTSIDE_TERM',
        'INVALID_VALUE',
        'COMPUTED_INDICATOR',
        'EVALUATION_NOT_SUBMITTED',
      ].map((code) => `errors.codes.${code}`),
    ];
    for (const key of needed) expect(reference.has(key), key).toBe(true);
  });
});
