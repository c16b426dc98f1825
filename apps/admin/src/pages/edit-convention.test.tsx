// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFT, playServer, renderScreen } from '../testing.js';
import EditConventionPage from './edit-convention.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CHANGED_ELSEWHERE = {
  ...DRAFT,
  version: 4,
  object: 'Objet revu par Chefchaouen',
  title: 'Titre revu par Chefchaouen',
};

describe('editing a convention another person changed meanwhile', () => {
  it('keeps the typed text, loads the latest version, and sends only the user’s change again', async () => {
    const { sent } = playServer({
      Convention: [{ node: DRAFT }, { node: CHANGED_ELSEWHERE }],
      UpdateConvention: [
        {
          updateConvention: {
            __typename: 'ConflictError',
            code: 'CONFLICT',
            message: 'This object was changed by someone else (now at version 4)',
            currentVersion: 4,
          },
        },
        {
          updateConvention: {
            __typename: 'UpdateConventionSuccess',
            convention: { __typename: 'Convention', id: DRAFT.id, version: 5, title: 'x' },
          },
        },
      ],
    });
    const user = userEvent.setup();
    await renderScreen(<EditConventionPage id={DRAFT.id} />);
    const title = await screen.findByLabelText('Intitulé');
    await user.clear(title);
    await user.type(title, 'Convention Dijon – Chefchaouen 2026');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Quelqu’un d’autre a modifié cet élément');
    expect(screen.getByLabelText<HTMLInputElement>('Intitulé').value).toBe(
      'Convention Dijon – Chefchaouen 2026',
    );
    expect(sent.at(-1)?.variables).toEqual({
      input: { id: DRAFT.id, version: 3, title: 'Convention Dijon – Chefchaouen 2026' },
    });

    await user.click(screen.getByRole('button', { name: 'Charger la dernière version' }));
    await screen.findByText(/La dernière version est chargée/);
    // The other person's change shows where the user typed nothing; the user's text stays,
    // with a word on what the other person wrote there.
    expect(screen.getByLabelText<HTMLTextAreaElement>('Objet (article 1)').value).toBe(
      'Objet revu par Chefchaouen',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Intitulé').value).toBe(
      'Convention Dijon – Chefchaouen 2026',
    );
    expect(
      screen.getByText(
        'Modifié entre-temps par quelqu’un d’autre ; valeur actuelle : « Titre revu par Chefchaouen ».',
      ),
    ).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const updates = () => sent.filter((request) => request.operationName === 'UpdateConvention');
    await waitFor(() => expect(updates()).toHaveLength(2));
    await waitFor(() =>
      expect(updates().at(-1)?.variables).toEqual({
        input: { id: DRAFT.id, version: 4, title: 'Convention Dijon – Chefchaouen 2026' },
      }),
    );
  });

  it('refuses a duration that is not a whole number before asking the server', async () => {
    const { sent } = playServer({ Convention: [{ node: DRAFT }] });
    const user = userEvent.setup();
    await renderScreen(<EditConventionPage id={DRAFT.id} />);
    const duration = await screen.findByLabelText('Durée (années)');
    await user.clear(duration);
    await user.type(duration, '4.5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(duration.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Indiquez un nombre entier.')).toBeTruthy();
    expect(sent.map((request) => request.operationName)).toEqual(['Convention']);
  });
});
