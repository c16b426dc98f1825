import type { Executor } from '../db/database.js';
import type {
  ActionRow,
  OrganizationRow,
  ParticipatoryActivityRow,
  SpecificConventionRow,
} from '../db/tables/action.js';
import type { ConventionRow } from '../db/tables/convention.js';
import type { IndicatorRow, IndicatorTargetRow, MeasurementRow } from '../db/tables/evaluation.js';
import type { DelegateRow, MissionRow } from '../db/tables/mission.js';
import { visibleConventionIds } from '../access/visibility.js';

/**
 * What the exports read (IATI, budget CSV, APD declaration): a few statements per export,
 * whatever the number of actions. They are asked only about conventions already found visible
 * to the viewer (access/policy.ts), or, for the APD declaration and the calendar feed, those of
 * the collectivity itself (access/visibility.ts).
 */

/** Every convention the collectivity is party to, by ID. */
export async function conventionsOfCollectivity(
  db: Executor,
  collectivityId: number,
): Promise<ConventionRow[]> {
  return db
    .selectFrom('convention')
    .selectAll()
    .where('id', 'in', visibleConventionIds(db, { collectivityId }))
    .orderBy('id')
    .execute();
}

export async function actionsOfConventions(
  db: Executor,
  conventionIds: readonly number[],
): Promise<ActionRow[]> {
  if (conventionIds.length === 0) return [];
  return db
    .selectFrom('action')
    .selectAll()
    .where('convention_id', 'in', conventionIds)
    .orderBy('convention_id')
    .orderBy('id')
    .execute();
}

export async function specificConventionsOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<SpecificConventionRow[]> {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('specific_convention')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .execute();
}

export interface ActionOrganizationWithName {
  readonly action_id: number;
  readonly role: string;
  readonly organization: Pick<OrganizationRow, 'id' | 'name' | 'kind' | 'iati_identifier'>;
}

/** The organisations associated to the actions (A3), with their role. */
export async function organizationsOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<ActionOrganizationWithName[]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .selectFrom('action_organization')
    .innerJoin('organization', 'organization.id', 'action_organization.organization_id')
    .select([
      'action_organization.action_id',
      'action_organization.role',
      'organization.id',
      'organization.name',
      'organization.kind',
      'organization.iati_identifier',
    ])
    .where('action_organization.action_id', 'in', actionIds)
    .orderBy('action_organization.id')
    .execute();
  return rows.map((row) => ({
    action_id: row.action_id,
    role: row.role,
    organization: {
      id: row.id,
      name: row.name,
      kind: row.kind,
      iati_identifier: row.iati_identifier,
    },
  }));
}

/** The co-funders of the actions, by ID: their kind and IATI identifier. */
export async function organizationsByIds(
  db: Executor,
  ids: readonly number[],
): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organization').selectAll().where('id', 'in', ids).execute();
}

export async function participatoryActivitiesOfActions(
  db: Executor,
  actionIds: readonly number[],
): Promise<ParticipatoryActivityRow[]> {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('participatory_activity')
    .selectAll()
    .where('action_id', 'in', actionIds)
    .orderBy('date')
    .execute();
}

export async function missionsOfConventions(
  db: Executor,
  conventionIds: readonly number[],
): Promise<MissionRow[]> {
  if (conventionIds.length === 0) return [];
  return db
    .selectFrom('mission')
    .selectAll()
    .where('convention_id', 'in', conventionIds)
    .orderBy('departure_date')
    .orderBy('id')
    .execute();
}

export async function delegatesOfMissions(
  db: Executor,
  missionIds: readonly number[],
): Promise<DelegateRow[]> {
  if (missionIds.length === 0) return [];
  return db
    .selectFrom('delegate')
    .selectAll()
    .where('mission_id', 'in', missionIds)
    .orderBy('id')
    .execute();
}

export interface IndicatorRows {
  readonly indicators: IndicatorRow[];
  readonly targets: IndicatorTargetRow[];
  readonly measurements: MeasurementRow[];
}

/** The convention's indicators with their targets and measurements, in three statements. */
export async function indicatorsOfConvention(
  db: Executor,
  conventionId: number,
): Promise<IndicatorRows> {
  const indicators = await db
    .selectFrom('indicator')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('code')
    .execute();
  const ids = indicators.map((indicator) => indicator.id);
  if (ids.length === 0) return { indicators, targets: [], measurements: [] };
  const [targets, measurements] = await Promise.all([
    db
      .selectFrom('indicator_target')
      .selectAll()
      .where('indicator_id', 'in', ids)
      .orderBy('year')
      .execute(),
    db
      .selectFrom('measurement')
      .selectAll()
      .where('indicator_id', 'in', ids)
      .orderBy('year')
      .orderBy('collectivity_id')
      .execute(),
  ]);
  return { indicators, targets, measurements };
}
