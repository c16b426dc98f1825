import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { createClient } from './client.js';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import type { Convention } from './pages/convention/convention-query.js';
import { ViewerContext, type Viewer } from './viewer.js';

/** For component tests: the app's real client and catalogues; only the server is played. */
export async function testI18n(language = 'fr') {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en }, ar: { translation: ar } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance;
}

export const DIJON_ADMIN: Viewer = {
  email: 'admin@dijon.demo',
  displayName: 'Admin Dijon',
  role: 'ADMIN',
  canWrite: true,
  collectivity: { id: 'Q29sbGVjdGl2aXR5OjE=', name: 'Dijon', countryCode: 'FR', currency: 'EUR' },
};

interface Exchange {
  operationName: string;
  variables: Record<string, unknown>;
}

/**
 * Plays the server: each request's operation name picks the next answer queued for it, and every
 * request is kept so that a test can read what the app sent.
 */
export function playServer(answers: Record<string, unknown[]>) {
  const sent: Exchange[] = [];
  const fetch = vi.fn((_url: string, init: { body: string }) => {
    const request = JSON.parse(init.body) as {
      operationName: string;
      variables: Record<string, unknown>;
    };
    sent.push({ operationName: request.operationName, variables: request.variables });
    const queue = answers[request.operationName];
    const data = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (data === undefined) throw new TypeError(`no answer for ${request.operationName}`);
    return Promise.resolve(
      new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return { sent };
}

export async function renderScreen(ui: ReactElement, options: { language?: string } = {}) {
  const i18n = await testI18n(options.language);
  return render(
    <I18nextProvider i18n={i18n}>
      <Provider value={createClient('http://localhost/graphql')}>
        <ViewerContext value={DIJON_ADMIN}>{ui}</ViewerContext>
      </Provider>
    </I18nextProvider>,
  );
}

export const DIJON = { id: 'Q29sbGVjdGl2aXR5OjE=', name: 'Dijon', countryCode: 'FR' };
export const CHEFCHAOUEN = { id: 'Q29sbGVjdGl2aXR5OjI=', name: 'Chefchaouen', countryCode: 'MA' };

/** A convention of Dijon with Chefchaouen, not signed yet. */
export const DRAFT: Convention = {
  __typename: 'Convention',
  id: 'Q29udmVudGlvbjox',
  title: 'Convention de partenariat entre la Ville de Dijon et la Ville de Chefchaouen',
  object: 'Une nouvelle génération de partenariat',
  preamble: '',
  status: 'DRAFT',
  version: 3,
  durationYears: 5,
  reportingCurrency: 'EUR',
  funderCapPercent: 50,
  minimumPartySharePercent: 0,
  startDate: null,
  endDate: null,
  signature: null,
  parties: [
    { collectivity: DIJON, signatory: null, deliberation: null },
    { collectivity: CHEFCHAOUEN, signatory: null, deliberation: null },
  ],
  deliberations: [],
  axes: [],
  terms: [],
  actions: { totalCount: 0, edges: [] },
  missions: { totalCount: 0 },
  indicators: [],
  evaluations: [],
  renewal: {
    eligible: false,
    issues: [{ code: 'NOT_SIGNED', message: 'The convention is not signed', collectivity: null }],
    nextTerm: null,
  },
};
