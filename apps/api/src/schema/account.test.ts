import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { gql, signIn } from '../../test/graphql-client.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on CreateAccountSuccess {
        account {
          id
          email
          displayName
          role
          active
          collectivity {
            name
          }
        }
      }
      ... on ValidationError {
        issues {
          path
          code
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      __typename
      ... on UpdateAccountSuccess {
        account {
          role
          active
        }
      }
      ... on ValidationError {
        issues {
          path
          code
        }
      }
      ... on Error {
        code
      }
    }
  }
`;
const CHANGE = /* GraphQL */ `
  mutation Change($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on ValidationError {
        issues {
          path
          code
        }
      }
      ... on Error {
        code
      }
    }
  }
`;

for (const engine of ENGINES) {
  describe(`accounts on ${engine}`, () => {
    const t = useTestApp(engine);

    it('an administrator opens an account for a colleague, who can then sign in with the role given', async () => {
      const admin = await signIn(t.app, 'admin@chefchaouen.demo');
      const created = await gql(
        t.app,
        CREATE,
        {
          input: {
            email: 'Relations.Internationales@Chefchaouen.demo',
            displayName: 'Service des relations internationales',
            role: 'EDITOR',
            password: 'une-phrase-de-passe',
          },
        },
        { cookie: admin },
      );
      expect(created.data.createAccount).toMatchObject({
        __typename: 'CreateAccountSuccess',
        account: {
          email: 'relations.internationales@chefchaouen.demo',
          role: 'EDITOR',
          active: true,
          collectivity: { name: 'Chefchaouen' },
        },
      });
      const colleague = await signIn(
        t.app,
        'relations.internationales@chefchaouen.demo',
        'une-phrase-de-passe',
      );
      const viewer = await gql(
        t.app,
        '{ viewer { role accounts { email } apiTokens { name } } }',
        {},
        { cookie: colleague },
      );
      expect(viewer.data.viewer).toEqual({ role: 'EDITOR', accounts: [], apiTokens: [] });
      const listed = await gql(
        t.app,
        '{ viewer { accounts { email isViewer } } }',
        {},
        { cookie: admin },
      );
      expect(listed.data.viewer.accounts).toEqual(
        expect.arrayContaining([
          { email: 'admin@chefchaouen.demo', isViewer: true },
          { email: 'relations.internationales@chefchaouen.demo', isViewer: false },
        ]),
      );
    });

    it('names what is wrong: a taken email, a short password, a role only the platform gives', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const response = await gql(
        t.app,
        CREATE,
        {
          input: {
            email: 'ADMIN@dijon.demo',
            displayName: 'x',
            role: 'PLATFORM_ADMIN',
            password: 'court',
          },
        },
        { cookie: admin },
      );
      expect(response.data.createAccount.issues).toEqual([
        { path: ['input', 'email'], code: 'DUPLICATE_EMAIL' },
        { path: ['input', 'role'], code: 'ROLE_NOT_ASSIGNABLE' },
        { path: ['input', 'password'], code: 'PASSWORD_TOO_SHORT' },
      ]);
    });

    it('lets only administrators manage accounts, and only those of their collectivity', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const created = await gql(
        t.app,
        CREATE,
        {
          input: {
            email: 'lecteur@dijon.demo',
            displayName: 'Lecteur',
            role: 'VIEWER',
            password: 'lecteur-dijon-2026',
          },
        },
        { cookie: admin },
      );
      const id = created.data.createAccount.account.id;
      const viewerCookie = await signIn(t.app, 'lecteur@dijon.demo', 'lecteur-dijon-2026');
      const byViewer = await gql(
        t.app,
        CREATE,
        {
          input: {
            email: 'x@dijon.demo',
            displayName: 'x',
            role: 'ADMIN',
            password: 'xxxxxxxxxxxx',
          },
        },
        { cookie: viewerCookie },
      );
      expect(byViewer.data.createAccount).toMatchObject({ __typename: 'ForbiddenError' });
      const mainz = await signIn(t.app, 'admin@mainz.demo');
      const foreign = await gql(t.app, UPDATE, { input: { id, role: 'ADMIN' } }, { cookie: mainz });
      expect(foreign.data.updateAccount).toEqual({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
      });
      const node = await gql(
        t.app,
        'query($id: ID!) { node(id: $id) { id } }',
        { id },
        { cookie: mainz },
      );
      expect(node.data.node).toBeNull();
    });

    it('disabling an account ends its sessions at once; an administrator cannot disable itself', async () => {
      const admin = await signIn(t.app, 'admin@dijon.demo');
      const created = await gql(
        t.app,
        CREATE,
        {
          input: {
            email: 'stagiaire@dijon.demo',
            displayName: 'Stagiaire',
            role: 'EDITOR',
            password: 'stagiaire-2026!',
          },
        },
        { cookie: admin },
      );
      const intern = await signIn(t.app, 'stagiaire@dijon.demo', 'stagiaire-2026!');
      const disabled = await gql(
        t.app,
        UPDATE,
        { input: { id: created.data.createAccount.account.id, active: false } },
        { cookie: admin },
      );
      expect(disabled.data.updateAccount.account).toEqual({ role: 'EDITOR', active: false });
      expect(
        (await gql(t.app, '{ viewer { email } }', {}, { cookie: intern })).data.viewer,
      ).toBeNull();
      const login = await gql(
        t.app,
        'mutation { login(input: { email: "stagiaire@dijon.demo", password: "stagiaire-2026!" }) { __typename } }',
      );
      expect(login.data.login.__typename).toBe('InvalidCredentialsError');

      const me = (
        await gql(t.app, '{ viewer { accounts { id email } } }', {}, { cookie: admin })
      ).data.viewer.accounts.find((a: { email: string }) => a.email === 'admin@dijon.demo');
      const self = await gql(
        t.app,
        UPDATE,
        { input: { id: me.id, active: false, role: 'VIEWER' } },
        { cookie: admin },
      );
      expect(self.data.updateAccount.issues.map((issue: { code: string }) => issue.code)).toEqual([
        'OWN_ACCOUNT',
        'OWN_ACCOUNT',
      ]);
    });

    it('changes one’s own password: the old one stops working, other sessions end, this one stays', async () => {
      const admin = await signIn(t.app, 'admin@mainz.demo');
      const created = await gql(
        t.app,
        CREATE,
        {
          input: {
            email: 'partner@mainz.demo',
            displayName: 'Partnerschaften',
            role: 'EDITOR',
            password: 'erstes-passwort',
          },
        },
        { cookie: admin },
      );
      expect(created.data.createAccount.__typename).toBe('CreateAccountSuccess');
      const here = await signIn(t.app, 'partner@mainz.demo', 'erstes-passwort');
      const elsewhere = await signIn(t.app, 'partner@mainz.demo', 'erstes-passwort');
      const wrong = await gql(
        t.app,
        CHANGE,
        { input: { currentPassword: 'falsch', newPassword: 'kurz' } },
        { cookie: here },
      );
      expect(wrong.data.changePassword.issues).toEqual([
        { path: ['input', 'currentPassword'], code: 'WRONG_PASSWORD' },
        { path: ['input', 'newPassword'], code: 'PASSWORD_TOO_SHORT' },
      ]);
      const changed = await gql(
        t.app,
        CHANGE,
        { input: { currentPassword: 'erstes-passwort', newPassword: 'zweites-passwort' } },
        { cookie: here },
      );
      expect(changed.data.changePassword).toEqual({ __typename: 'ChangePasswordSuccess' });
      expect(
        (await gql(t.app, '{ viewer { email } }', {}, { cookie: here })).data.viewer,
      ).not.toBeNull();
      expect(
        (await gql(t.app, '{ viewer { email } }', {}, { cookie: elsewhere })).data.viewer,
      ).toBeNull();
      await expect(signIn(t.app, 'partner@mainz.demo', 'erstes-passwort')).rejects.toThrow();
      await expect(signIn(t.app, 'partner@mainz.demo', 'zweites-passwort')).resolves.toMatch(
        /^coop_session=/,
      );
    });
  });
}
