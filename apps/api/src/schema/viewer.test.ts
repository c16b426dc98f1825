import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { gql, signIn } from '../../test/graphql-client.js';

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on LoginSuccess {
        viewer {
          email
          role
          collectivity {
            name
          }
        }
      }
      ... on Error {
        message
        code
      }
      ... on ValidationError {
        issues {
          path
          message
          code
        }
      }
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
    }
  }
`;
const VIEWER = /* GraphQL */ `
  {
    viewer {
      email
      displayName
      role
      canWrite
      collectivity {
        name
        countryCode
        currency
      }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`sign-in on ${engine}`, () => {
    const t = useTestApp(engine);

    it('signs in a demo account and sets an HttpOnly session cookie', async () => {
      const response = await gql(t.app, LOGIN, {
        input: { email: 'admin@chefchaouen.demo', password: 'coop-demo' },
      });
      expect(response.data.login).toEqual({
        __typename: 'LoginSuccess',
        viewer: {
          email: 'admin@chefchaouen.demo',
          role: 'ADMIN',
          collectivity: { name: 'Chefchaouen' },
        },
      });
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^coop_session=coops_[\w-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
    });

    it('knows the viewer from the cookie, whatever the case of the email typed', async () => {
      const cookie = await signIn(t.app, 'Admin@Dijon.Demo');
      const response = await gql(t.app, VIEWER, {}, { cookie });
      expect(response.data.viewer).toEqual({
        email: 'admin@dijon.demo',
        displayName: 'Admin Dijon',
        role: 'ADMIN',
        canWrite: true,
        collectivity: { name: 'Dijon', countryCode: 'FR', currency: 'EUR' },
      });
    });

    it('has no viewer without a cookie, or with a forged one', async () => {
      expect((await gql(t.app, VIEWER)).data.viewer).toBeNull();
      expect(
        (await gql(t.app, VIEWER, {}, { cookie: 'coop_session=coops_forged' })).data.viewer,
      ).toBeNull();
    });

    it('refuses a wrong password and an unknown account with the same answer', async () => {
      const wrongPassword = await gql(
        t.app,
        LOGIN,
        { input: { email: 'admin@mainz.demo', password: 'nope' } },
        { remoteAddress: '10.0.0.1' },
      );
      const unknown = await gql(
        t.app,
        LOGIN,
        { input: { email: 'nobody@mainz.demo', password: 'nope' } },
        { remoteAddress: '10.0.0.1' },
      );
      const expected = {
        __typename: 'InvalidCredentialsError',
        code: 'INVALID_CREDENTIALS',
        message: 'The email or the password is not right',
      };
      expect(wrongPassword.data.login).toEqual(expected);
      expect(unknown.data.login).toEqual(expected);
      expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    });

    it('names the empty field', async () => {
      const response = await gql(t.app, LOGIN, { input: { email: '  ', password: 'x' } });
      expect(response.data.login).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'email'], code: 'REQUIRED' }],
      });
    });

    it('slows down guessing: after five failures the account is locked for a while, even with the right password', async () => {
      const email = 'admin@mainz.demo';
      for (let attempt = 0; attempt < 5; attempt++) {
        await gql(
          t.app,
          LOGIN,
          { input: { email, password: `guess-${attempt}` } },
          { remoteAddress: '10.0.0.2' },
        );
      }
      const locked = await gql(
        t.app,
        LOGIN,
        { input: { email, password: 'coop-demo' } },
        { remoteAddress: '10.0.0.3' },
      );
      expect(locked.data.login).toMatchObject({
        __typename: 'TooManyAttemptsError',
        code: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: 900,
      });
      // Another account from the same address is not affected by Mainz's lock.
      const other = await gql(
        t.app,
        LOGIN,
        { input: { email: 'admin@dijon.demo', password: 'coop-demo' } },
        { remoteAddress: '10.0.0.2' },
      );
      expect(other.data.login.__typename).toBe('LoginSuccess');
    });

    it('limits failures per address across accounts', async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        await gql(
          t.app,
          LOGIN,
          { input: { email: `guess${attempt}@x.demo`, password: 'x' } },
          { remoteAddress: '10.9.9.9' },
        );
      }
      const response = await gql(
        t.app,
        LOGIN,
        { input: { email: 'admin@chefchaouen.demo', password: 'coop-demo' } },
        { remoteAddress: '10.9.9.9' },
      );
      expect(response.data.login.__typename).toBe('TooManyAttemptsError');
    });

    it('logs out: the cookie is cleared and the session no longer works', async () => {
      const cookie = await signIn(t.app, 'admin@chefchaouen.demo');
      const response = await gql(t.app, 'mutation { logout }', {}, { cookie });
      expect(response.data.logout).toBe(true);
      expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await gql(t.app, VIEWER, {}, { cookie })).data.viewer).toBeNull();
      expect((await gql(t.app, 'mutation { logout }', {}, { cookie })).data.logout).toBe(false);
    });
  });
}
