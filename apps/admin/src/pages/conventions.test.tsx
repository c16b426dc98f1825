// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHEFCHAOUEN, DIJON, playServer, renderScreen } from '../testing.js';
import ConventionsPage from './conventions.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Conventions `from`..`to` of Dijon with Chefchaouen, as one page of the API answers them. */
function page(from: number, to: number, total: number) {
  const edges = [];
  for (let n = from; n <= to; n++) {
    edges.push({
      node: {
        __typename: 'Convention',
        id: `Q29udmVudGlvbjo${n}`,
        title: `Convention n° ${n}`,
        status: 'IN_FORCE',
        endDate: '2030-12-31',
        parties: [{ collectivity: DIJON }, { collectivity: CHEFCHAOUEN }],
      },
    });
  }
  return {
    conventions: {
      totalCount: total,
      pageInfo: { hasNextPage: to < total, endCursor: `cursor-${to}` },
      edges,
    },
  };
}

describe('the list of conventions of a collectivity party to many (a national platform)', () => {
  it('shows the first hundred, then the next ones when asked, and offers its partners’ countries', async () => {
    const { sent } = playServer({
      Conventions: [page(1, 100, 130), page(101, 130, 130)],
      PartnerCountries: [{ viewer: { partnerCountries: ['MA', 'DE', 'SN'] } }],
    });
    const user = userEvent.setup();
    await renderScreen(<ConventionsPage />);

    expect(await screen.findByText('130 conventions')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 100);
    // The countries of the partners, whatever the size of the directory, in the reader's order.
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Pays partenaire'))
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Tous les pays', 'Allemagne', 'Maroc', 'Sénégal']),
    );

    await user.click(screen.getByRole('button', { name: 'Afficher les 30 suivantes' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 130));
    expect(within(table).getByText('Convention n° 130')).toBeTruthy();
    expect(sent.filter((request) => request.operationName === 'Conventions')).toEqual([
      expect.objectContaining({ variables: expect.objectContaining({ first: 100 }) }),
      expect.objectContaining({
        variables: expect.objectContaining({ first: 100, after: 'cursor-100' }),
      }),
    ]);
    // All are shown: nothing more to ask for.
    expect(screen.queryByRole('button', { name: /suivante/ })).toBeNull();
  });

  it('says so when the next page cannot be read, and reads it again on demand', async () => {
    playServer({
      Conventions: [page(1, 100, 101), page(101, 101, 101)],
      PartnerCountries: [{ viewer: { partnerCountries: [] } }],
    });
    const user = userEvent.setup();
    const fetch = vi.mocked(globalThis.fetch);
    await renderScreen(<ConventionsPage />);
    await screen.findByText('101 conventions');
    // The network fails once, then answers again.
    fetch.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    await user.click(screen.getByRole('button', { name: 'Afficher la suivante' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1 + 100);
    await user.click(screen.getByRole('button', { name: 'Afficher la suivante' }));
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1 + 101),
    );
  });
  it('shows a failed next page after the filters changed, not only under the first filters', async () => {
    const { sent } = playServer({
      Conventions: [page(1, 100, 130), page(101, 130, 130), page(1, 100, 120)],
      PartnerCountries: [{ viewer: { partnerCountries: ['MA'] } }],
    });
    const user = userEvent.setup();
    const fetch = vi.mocked(globalThis.fetch);
    await renderScreen(<ConventionsPage />);
    await screen.findByText('130 conventions');
    await user.click(screen.getByRole('button', { name: 'Afficher les 30 suivantes' }));
    await waitFor(() =>
      expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1 + 130),
    );
    await user.type(screen.getByLabelText('Intitulé contient'), 'coop');
    // The next pages read under the previous filters are forgotten with them.
    expect(await screen.findByText('120 conventions')).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(1 + 100);
    expect(sent.at(-1)?.variables).toMatchObject({ filter: { search: 'coop' } });
    fetch.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    await user.click(screen.getByRole('button', { name: 'Afficher les 20 suivantes' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
