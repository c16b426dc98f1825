import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, useTestApp } from '../../../test/engines.js';
import {
  download,
  readOnlyToken,
  seedExportData,
  type ExportFixture,
} from '../../../test/fixtures-exports.js';
import { signIn } from '../../../test/graphql-client.js';
import { openPostgres } from '../../db/connection.js';
import { createApp } from '../../yoga.js';

const EXPORTS = ['iati.xml', 'budget.csv'] as const;
const conventionPath = (id: string, file: string) => `/exports/conventions/${id}/${file}`;

/** Nothing about the server's inside: no stack frame, no SQL. */
function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\bat .*\.(js|ts):\d+/);
  expect(body).not.toMatch(/select|from "|where/i);
}

for (const engine of ENGINES) {
  describe(`access to the exports on ${engine}`, () => {
    const t = useTestApp(engine);
    let fixture: ExportFixture;
    let chefchaouen: string;
    let founding: string;
    let mainzConvention: string;

    beforeAll(async () => {
      fixture = await seedExportData(t.db);
      chefchaouen = await signIn(t.app, 'admin@chefchaouen.demo');
      founding = encodeGlobalID('Convention', fixture.founding);
      mainzConvention = encodeGlobalID('Convention', fixture.mainzConvention);
    });

    for (const file of EXPORTS) {
      it(`asks who is calling before anything else: ${file} without a session or token is 401`, async () => {
        const response = await download(t.app, conventionPath(founding, file));
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        const body = await response.text();
        expect(JSON.parse(body)).toEqual({
          error: { code: 'UNAUTHENTICATED', message: 'Sign in first, or send an API token' },
        });
        expectNoInternals(body);
      });

      it(`answers another tenant’s convention exactly like a missing one: ${file}`, async () => {
        const other = await download(t.app, conventionPath(mainzConvention, file), {
          cookie: chefchaouen,
        });
        const missing = await download(
          t.app,
          conventionPath(encodeGlobalID('Convention', 999_999), file),
          { cookie: chefchaouen },
        );
        const malformed = await download(t.app, conventionPath('not-an-id', file), {
          cookie: chefchaouen,
        });
        const wrongType = await download(
          t.app,
          conventionPath(encodeGlobalID('Collectivity', fixture.mainzConvention), file),
          { cookie: chefchaouen },
        );
        const bodies = await Promise.all(
          [other, missing, malformed, wrongType].map((r) => r.text()),
        );
        for (const response of [other, missing, malformed, wrongType])
          expect(response.status).toBe(404);
        expect(new Set(bodies).size).toBe(1);
        expect(other.headers.get('content-type')).toBe(missing.headers.get('content-type'));
        expectNoInternals(bodies[0] ?? '');
      });

      it(`lets a read-only API token download its collectivity’s ${file}`, async () => {
        const token = await readOnlyToken(t.app, chefchaouen);
        const response = await download(t.app, conventionPath(founding, file), { token });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
        const refused = await download(t.app, conventionPath(mainzConvention, file), { token });
        expect(refused.status).toBe(404);
      });
    }

    it('lets Mainz download the Dijon–Mainz convention, and not the founding one', async () => {
      const mainz = await signIn(t.app, 'admin@mainz.demo');
      expect(
        (await download(t.app, conventionPath(mainzConvention, 'budget.csv'), { cookie: mainz }))
          .status,
      ).toBe(200);
      expect(
        (await download(t.app, conventionPath(founding, 'iati.xml'), { cookie: mainz })).status,
      ).toBe(404);
    });

    it('refuses an unknown or revoked token as no token at all', async () => {
      const response = await download(t.app, conventionPath(founding, 'iati.xml'), {
        token: 'coopt_not-a-token',
      });
      expect(response.status).toBe(401);
      const token = await readOnlyToken(t.app, chefchaouen);
      await t.db.updateTable('api_token').set({ revoked_at: new Date() }).execute();
      expect((await download(t.app, conventionPath(founding, 'iati.xml'), { token })).status).toBe(
        401,
      );
    });

    it('is read with GET only', async () => {
      const response = await download(t.app, conventionPath(founding, 'budget.csv'), {
        cookie: chefchaouen,
        method: 'POST',
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    });

    it('answers an unexpected failure with no detail', async () => {
      // A server whose database cannot be reached (nothing listens on port 1): the client learns
      // nothing of why.
      const unreachable = openPostgres({
        url: 'postgres://coop@127.0.0.1:1/coop',
        connectionTimeoutMs: 1_000,
      });
      const app = createApp({ db: unreachable.db });
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const response = await download(app, conventionPath(founding, 'iati.xml'), {
          token: 'coopt_anything',
        });
        expect(response.status).toBe(500);
        const body = await response.text();
        expect(JSON.parse(body)).toEqual({
          error: { code: 'INTERNAL', message: 'Unexpected error.' },
        });
        expectNoInternals(body);
        expect(logged).toHaveBeenCalled();
      } finally {
        logged.mockRestore();
        await unreachable.close();
      }
    });
  });
}
