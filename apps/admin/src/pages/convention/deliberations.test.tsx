// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIJON, DRAFT, playServer, renderScreen } from '../../testing.js';
import { DeliberationsSection } from './deliberations.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('recording a deliberation', () => {
  it('shows the server’s refusal on the field it names and keeps everything typed', async () => {
    const { sent } = playServer({
      RecordDeliberation: [
        {
          recordDeliberation: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'input.body: This field is required',
            issues: [
              { path: ['input', 'body'], code: 'REQUIRED', message: 'This field is required' },
            ],
          },
        },
      ],
    });
    const user = userEvent.setup();
    await renderScreen(
      <DeliberationsSection convention={DRAFT} editable ownCollectivityId={DIJON.id} />,
    );
    expect(screen.getByText('Aucune délibération enregistrée.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer une délibération' }));
    await user.type(screen.getByLabelText('Date'), '2016-03-21');
    await user.type(screen.getByLabelText('Référence'), '2016-03-21/04');
    await user.type(screen.getByLabelText('Objet'), 'Autorisation de signer');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la délibération' }));

    const body = screen.getByLabelText('Instance');
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    const errorId = body.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('Ce champ est obligatoire.');
    expect(screen.getByRole('alert').textContent).toBe('Un point est à corriger.');
    await waitFor(() => expect(document.activeElement).toBe(body));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Objet').value).toBe(
      'Autorisation de signer',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Référence').value).toBe('2016-03-21/04');
    expect(sent.at(-1)?.variables).toEqual({
      input: {
        conventionId: DRAFT.id,
        collectivityId: DIJON.id,
        kind: 'AUTHORISATION',
        body: '',
        date: '2016-03-21',
        reference: '2016-03-21/04',
        subject: 'Autorisation de signer',
      },
    });
  });

  it('refuses a missing date itself, since the server could not even read it', async () => {
    const { sent } = playServer({});
    const user = userEvent.setup();
    await renderScreen(
      <DeliberationsSection convention={DRAFT} editable ownCollectivityId={DIJON.id} />,
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer une délibération' }));
    await user.type(screen.getByLabelText('Instance'), 'Conseil municipal');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la délibération' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Date').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(sent).toEqual([]);
    expect(screen.getByLabelText<HTMLInputElement>('Instance').value).toBe('Conseil municipal');
  });
});
