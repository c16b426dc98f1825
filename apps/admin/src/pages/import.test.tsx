// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAFT, playServer, renderScreen } from '../testing.js';
import ImportPage from './import.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CONVENTION = { node: { __typename: 'Convention', id: DRAFT.id, title: DRAFT.title } };
const CSV =
  'action_id;row_type;category;label;amount;currency;id\nQWN0aW9uOjE=;LINE;TRAVEL;Billets d’avion;12500,00;EUR;RXhwZW5zZUxpbmU6MQ==\n';

function report(overrides: Record<string, unknown>) {
  return {
    importCsv: {
      __typename: 'ImportCsvSuccess',
      report: {
        __typename: 'ImportReport',
        kind: 'BUDGET',
        dryRun: true,
        applied: false,
        rowsRead: 1,
        unchangedCount: 0,
        skippedCount: 0,
        added: [],
        changed: [
          {
            __typename: 'ImportedRow',
            line: 2,
            rowType: 'LINE',
            description: 'Échange de jeunes — TRAVEL « Billets d’avion »: 12500.00 EUR',
            objectId: 'RXhwZW5zZUxpbmU6MQ==',
            changes: [
              {
                __typename: 'ImportFieldChange',
                column: 'amount',
                before: '12000.00',
                after: '12500.00',
              },
            ],
          },
        ],
        refused: [],
        ...overrides,
      },
    },
  };
}

async function chooseFile(name = 'budget.csv', text = CSV) {
  const user = userEvent.setup();
  await user.upload(
    await screen.findByLabelText('Fichier CSV'),
    new File([text], name, { type: 'text/csv' }),
  );
  return user;
}

describe('the import page', () => {
  it('keeps the kind and the file when the server refuses the file as a whole', async () => {
    const { sent } = playServer({
      ImportConvention: [CONVENTION],
      ImportCsv: [
        {
          importCsv: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'The input is not valid',
            issues: [
              {
                path: ['input', 'csv', 'columns', 'amout'],
                code: 'UNKNOWN_COLUMN',
                message: 'Unknown column "amout"',
              },
            ],
          },
        },
      ],
    });
    await renderScreen(<ImportPage id={DRAFT.id} />);
    const user = await chooseFile('budget-faute.csv');
    await user.click(screen.getByLabelText('Les dépenses seulement'));
    await user.click(screen.getByRole('button', { name: 'Vérifier le fichier' }));

    const alert = await screen.findByTestId('import-problem');
    expect(alert.textContent).toContain('amout');
    expect(alert.textContent).toContain('Cette colonne n’est pas une colonne de l’export.');
    expect(sent.at(-1)?.variables).toEqual({
      input: { conventionId: DRAFT.id, kind: 'BUDGET_LINES', csv: CSV, dryRun: true },
    });
    expect(screen.getByLabelText<HTMLInputElement>('Les dépenses seulement').checked).toBe(true);
    expect(screen.getByText(/Fichier choisi : budget-faute\.csv/)).toBeTruthy();
    expect(screen.getByTestId('import-progress').textContent).toBe(
      'Arrêté à l’étape 2 sur 3 : vérification par le serveur, sans rien écrire',
    );
  });

  it('shows a refused row with its reason and keeps "Apply" disabled', async () => {
    playServer({
      ImportConvention: [CONVENTION],
      ImportCsv: [
        report({
          rowsRead: 2,
          refused: [
            {
              __typename: 'RefusedRow',
              line: 3,
              rowType: 'LINE',
              issues: [
                {
                  __typename: 'ImportRowIssue',
                  column: 'currency',
                  code: 'UNKNOWN_CURRENCY',
                  message: 'Unknown currency "EUX"',
                },
              ],
            },
          ],
        }),
      ],
    });
    await renderScreen(<ImportPage id={DRAFT.id} />);
    const user = await chooseFile();
    await user.click(screen.getByRole('button', { name: 'Vérifier le fichier' }));

    const refused = await screen.findByTestId('refused-rows');
    expect(refused.textContent).toContain('currency');
    expect(refused.textContent).toContain('Code de devise inconnu');
    const changed = screen.getByTestId('changed-rows');
    expect(changed.querySelector('del')?.textContent).toBe('12\u202f000,00');
    expect(changed.querySelector('ins')?.textContent).toBe('12\u202f500,00');
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Appliquer l’import' }).disabled,
    ).toBe(true);
  });

  it('applies exactly the text checked, and counts the three steps done', async () => {
    const { sent } = playServer({
      ImportConvention: [CONVENTION],
      ImportCsv: [report({}), report({ dryRun: false, applied: true })],
    });
    await renderScreen(<ImportPage id={DRAFT.id} />);
    const user = await chooseFile();
    await user.click(screen.getByRole('button', { name: 'Vérifier le fichier' }));
    const apply = await screen.findByRole<HTMLButtonElement>('button', {
      name: 'Appliquer l’import',
    });
    expect(apply.disabled).toBe(false);
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('2');
    await user.click(apply);

    await screen.findByText('Le fichier est importé.');
    expect(sent.at(-1)?.variables).toEqual({
      input: { conventionId: DRAFT.id, kind: 'BUDGET', csv: CSV, dryRun: false },
    });
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('value')).toBe('3'));
    expect(screen.getByTestId('import-progress').textContent).toBe(
      'Import terminé : le fichier est écrit.',
    );
  });
});
