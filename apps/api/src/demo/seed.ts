import type { Db, Executor } from '../db/database.js';
import type { Role } from '../db/tables/account.js';
import { hashPassword } from '../auth/password.js';
import { insertAccount } from '../repositories/account.js';
import { countCollectivities, insertCollectivity } from '../repositories/collectivity.js';
import { freezeMissingReports } from '../schema/evaluation-report.js';
import { seedActions } from './actions.js';
import { FOUNDING_CONVENTION, MAINZ_CONVENTION } from './founding-convention.js';
import { seedIndicatorsAndEvaluations } from './evaluations.js';
import { seedMissions } from './missions.js';
import type { DemoIds, SeededConvention } from './demo-ids.js';

export const DEMO_PASSWORD = 'coop-demo';

export interface DemoAccount {
  readonly email: string;
  readonly role: Role;
  readonly collectivity: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@dijon.demo', role: 'ADMIN', collectivity: 'Dijon' },
  { email: 'admin@chefchaouen.demo', role: 'ADMIN', collectivity: 'Chefchaouen' },
  { email: 'admin@mainz.demo', role: 'ADMIN', collectivity: 'Mainz' },
];

/**
 * Loads the demo on an empty database, in one transaction: the founding convention as written, a
 * second convention of Dijon with Mainz, and the demo accounts. Returns false when the database
 * already holds data (nothing is touched).
 */
export async function loadDemo(db: Db): Promise<boolean> {
  if ((await countCollectivities(db)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const dijon = await insertCollectivity(trx, {
      name: 'Dijon',
      country_code: 'FR',
      currency: 'EUR',
      locale: 'fr-FR',
      time_zone: 'Europe/Paris',
    });
    const chefchaouen = await insertCollectivity(trx, {
      name: 'Chefchaouen',
      country_code: 'MA',
      currency: 'MAD',
      locale: 'ar-MA',
      time_zone: 'Africa/Casablanca',
    });
    const mainz = await insertCollectivity(trx, {
      name: 'Mainz',
      country_code: 'DE',
      currency: 'EUR',
      locale: 'de-DE',
      time_zone: 'Europe/Berlin',
    });
    const ids: Record<string, number> = {
      Dijon: dijon.id,
      Chefchaouen: chefchaouen.id,
      Mainz: mainz.id,
    };
    for (const account of DEMO_ACCOUNTS) {
      await insertAccount(trx, {
        collectivity_id: ids[account.collectivity] ?? dijon.id,
        email: account.email,
        display_name: `${account.role === 'ADMIN' ? 'Admin' : account.role} ${account.collectivity}`,
        password_hash: passwordHash,
        role: account.role,
        disabled_at: null,
      });
    }
    const demo: DemoIds = {
      dijon: dijon.id,
      chefchaouen: chefchaouen.id,
      mainz: mainz.id,
      founding: await seedFoundingConvention(trx, dijon.id, chefchaouen.id),
      mainzConvention: await seedMainzConvention(trx, dijon.id, mainz.id),
    };
    // What each part of the product adds to the living example, in the order they build on.
    await seedActions(trx, demo);
    await seedMissions(trx, demo);
    await seedIndicatorsAndEvaluations(trx, demo);
  });
  // The demo's evaluations are approved: their reports are frozen, as a submission would have.
  await freezeMissingReports(db);
  return true;
}

async function seedFoundingConvention(
  db: Executor,
  dijonId: number,
  chefchaouenId: number,
): Promise<SeededConvention> {
  const text = FOUNDING_CONVENTION;
  const convention = await db
    .insertInto('convention')
    .values({
      title: text.title,
      object: text.object,
      preamble: text.preamble,
      duration_years: text.durationYears,
      signature_place: text.signature.place,
      signature_date: text.signature.date,
      signature_originals: text.signature.originals,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('convention_party')
    .values([
      {
        convention_id: convention.id,
        collectivity_id: dijonId,
        position: 1,
        signatory_name: text.parties.dijon.name,
        signatory_office: text.parties.dijon.office,
      },
      {
        convention_id: convention.id,
        collectivity_id: chefchaouenId,
        position: 2,
        signatory_name: text.parties.chefchaouen.name,
        signatory_office: text.parties.chefchaouen.office,
      },
    ])
    .execute();
  await db
    .insertInto('deliberation')
    .values({ convention_id: convention.id, collectivity_id: dijonId, ...text.dijonDeliberation })
    .execute();
  for (const renewal of text.renewals) {
    const subject = `Renouvellement de la convention de partenariat Dijon – Chefchaouen (période ${renewal.termNumber})`;
    await db
      .insertInto('deliberation')
      .values([
        {
          convention_id: convention.id,
          collectivity_id: dijonId,
          kind: 'RENEWAL',
          body: 'Conseil municipal',
          ...renewal.dijon,
          subject,
        },
        {
          convention_id: convention.id,
          collectivity_id: chefchaouenId,
          kind: 'RENEWAL',
          body: 'Conseil communal',
          ...renewal.chefchaouen,
          subject,
        },
      ])
      .execute();
    await db
      .insertInto('renewal')
      .values({
        convention_id: convention.id,
        term_number: renewal.termNumber,
        decided_on: renewal.dijon.date,
      })
      .execute();
  }
  const axes = await db
    .insertInto('axis')
    .values(
      text.axes.map((axis, index) => ({
        convention_id: convention.id,
        position: index + 1,
        title: axis.title,
        description: axis.description,
        period_start: text.axisPeriod.start,
        period_end: text.axisPeriod.end,
      })),
    )
    .returning('id')
    .execute();
  return { id: convention.id, axes: axes.map((axis) => axis.id) };
}

async function seedMainzConvention(
  db: Executor,
  dijonId: number,
  mainzId: number,
): Promise<SeededConvention> {
  const text = MAINZ_CONVENTION;
  const convention = await db
    .insertInto('convention')
    .values({
      title: text.title,
      object: text.object,
      preamble: text.preamble,
      duration_years: text.durationYears,
      signature_place: text.signature.place,
      signature_date: text.signature.date,
      signature_originals: text.signature.originals,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('convention_party')
    .values([
      {
        convention_id: convention.id,
        collectivity_id: dijonId,
        position: 1,
        signatory_name: text.parties.dijon.name,
        signatory_office: text.parties.dijon.office,
      },
      {
        convention_id: convention.id,
        collectivity_id: mainzId,
        position: 2,
        signatory_name: text.parties.mainz.name,
        signatory_office: text.parties.mainz.office,
      },
    ])
    .execute();
  const subject = 'Convention de coopération Dijon – Mainz : autorisation de signature';
  await db
    .insertInto('deliberation')
    .values([
      {
        convention_id: convention.id,
        collectivity_id: dijonId,
        kind: 'AUTHORISATION',
        body: 'Conseil municipal',
        ...text.deliberations.dijon,
        subject,
      },
      {
        convention_id: convention.id,
        collectivity_id: mainzId,
        kind: 'AUTHORISATION',
        body: 'Stadtrat',
        ...text.deliberations.mainz,
        subject,
      },
    ])
    .execute();
  const axes = await db
    .insertInto('axis')
    .values(
      text.axes.map((axis, index) => ({
        convention_id: convention.id,
        position: index + 1,
        title: axis.title,
        description: axis.description,
        period_start: text.axisPeriod.start,
        period_end: text.axisPeriod.end,
      })),
    )
    .returning('id')
    .execute();
  return { id: convention.id, axes: axes.map((axis) => axis.id) };
}
