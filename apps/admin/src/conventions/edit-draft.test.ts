import { describe, expect, it } from 'vitest';
import {
  changedMeanwhile,
  formValuesOf,
  pendingFields,
  shownValues,
  updateInputOf,
} from './edit-draft.js';

const founding = formValuesOf({
  title: 'Convention de partenariat Dijon – Chefchaouen',
  object: 'Une nouvelle génération de partenariat',
  preamble: 'Programme d’appui du ministère',
  durationYears: 5,
  reportingCurrency: 'EUR',
  funderCapPercent: 50,
  minimumPartySharePercent: 0,
});

describe('an edit of the convention’s text', () => {
  it('sends only what the user changed', () => {
    const edits = { title: 'Convention Dijon – Chefchaouen', object: founding.object };
    expect(pendingFields(founding, edits)).toEqual(['title']);
    expect(updateInputOf(founding, edits)).toEqual({
      ok: true,
      values: { title: 'Convention Dijon – Chefchaouen' },
    });
  });

  it('after a conflict, shows the latest values where the user typed nothing and keeps the rest', () => {
    const latest = {
      ...founding,
      object: 'Objet revu par Chefchaouen',
      title: 'Titre de Chefchaouen',
    };
    const edits = { title: 'Titre de Dijon' };
    expect(shownValues(latest, edits)).toEqual({ ...latest, title: 'Titre de Dijon' });
    expect(changedMeanwhile(founding, latest, edits)).toEqual(['title']);
    expect(updateInputOf(latest, edits)).toEqual({ ok: true, values: { title: 'Titre de Dijon' } });
  });

  it('reads numbers exactly, and an empty cap as no cap', () => {
    expect(
      updateInputOf(founding, {
        durationYears: ' 6 ',
        funderCapPercent: '',
        minimumPartySharePercent: '10',
      }),
    ).toEqual({
      ok: true,
      values: { durationYears: 6, funderCapPercent: null, minimumPartySharePercent: 10 },
    });
  });

  it('names the fields that are not whole numbers instead of sending them', () => {
    expect(updateInputOf(founding, { durationYears: '5,5', funderCapPercent: 'x' })).toEqual({
      ok: false,
      notWhole: ['durationYears', 'funderCapPercent'],
    });
  });
});
