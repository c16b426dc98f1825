import { describe, expect, it } from 'vitest';
import { changedMeanwhile, pendingFields, shownValues } from './edit-draft.js';

const base = { title: 'Résidences croisées', startDate: '2020-09-01', dacSector: '16061' };

describe('an edit kept apart from the server’s values', () => {
  it('shows the edit where there is one and the latest value elsewhere', () => {
    const latest = { ...base, dacSector: '16020' };
    expect(shownValues(latest, { title: 'Résidences d’artistes' })).toEqual({
      title: 'Résidences d’artistes',
      startDate: '2020-09-01',
      dacSector: '16020',
    });
  });

  it('sends only what the person changed, and not what it typed back as it was', () => {
    expect(pendingFields(base, { title: 'Nouveau titre', startDate: '2020-09-01' })).toEqual([
      'title',
    ]);
  });

  it('names the edited fields someone else changed meanwhile', () => {
    const latest = { ...base, title: 'Titre revu par Chefchaouen', dacSector: '16020' };
    expect(changedMeanwhile(base, latest, { title: 'Mon titre', startDate: '2020-10-01' })).toEqual(
      ['title'],
    );
  });
});
