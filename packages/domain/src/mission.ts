import type { ActionId, CollectivityId, MissionId } from './ids.js';
import { compareDates, type IsoDate } from './iso-date.js';
import { sumByCurrency, type Money } from './money.js';
import { err, ok, type Result } from './result.js';

/** A5: "déplacements d'élus et de techniciens", plus the young people and artists of A2. */
export type DelegateCategory = 'ELECTED' | 'TECHNICIAN' | 'YOUTH' | 'ARTIST' | 'OTHER';

export const DELEGATE_CATEGORIES: readonly DelegateCategory[] = [
  'ELECTED',
  'TECHNICIAN',
  'YOUTH',
  'ARTIST',
  'OTHER',
];

export interface Delegate {
  readonly name?: string | null;
  readonly category: DelegateCategory;
}

/**
 * A4.5, "le principe des coûts partagés": the cost categories of a trip and who pays each.
 * Travelling party (origin): INTERNATIONAL_TRANSPORT ("frais de transport international
 * assurés par le partenaire se déplaçant") and VISA_INSURANCE — visas and travel insurance are
 * bought before departure, per traveller, like the ticket, so they follow the traveller.
 * Host: every stay cost ("frais de séjour pris en charge par le partenaire accueillant"):
 * ACCOMMODATION, MEALS, LOCAL_TRANSPORT, INTERPRETING, and OTHER_STAY for any other cost of the
 * stay (visits, venue, gifts).
 */
export type MissionCostCategory =
  | 'INTERNATIONAL_TRANSPORT'
  | 'VISA_INSURANCE'
  | 'ACCOMMODATION'
  | 'MEALS'
  | 'LOCAL_TRANSPORT'
  | 'INTERPRETING'
  | 'OTHER_STAY';

export type PayerRole = 'TRAVELLING_PARTY' | 'HOST';

export const MISSION_COST_PAYER_ROLE: Readonly<Record<MissionCostCategory, PayerRole>> = {
  INTERNATIONAL_TRANSPORT: 'TRAVELLING_PARTY',
  VISA_INSURANCE: 'TRAVELLING_PARTY',
  ACCOMMODATION: 'HOST',
  MEALS: 'HOST',
  LOCAL_TRANSPORT: 'HOST',
  INTERPRETING: 'HOST',
  OTHER_STAY: 'HOST',
};

export const MISSION_COST_CATEGORIES = Object.keys(
  MISSION_COST_PAYER_ROLE,
) as readonly MissionCostCategory[];

/** A payer other than the rule's, which the parties agreed to and wrote down why. */
export interface PayerOverride {
  readonly payer: CollectivityId;
  readonly reason: string;
}

export interface MissionCost {
  readonly category: MissionCostCategory;
  readonly label?: string | null;
  readonly amount: Money;
  readonly payerOverride?: PayerOverride | null;
}

/** A trip from one party's city to another's (A5). */
export interface Mission {
  readonly id?: MissionId;
  /** The travelling party. */
  readonly origin: CollectivityId;
  /** The receiving party. */
  readonly host: CollectivityId;
  readonly departureDate: IsoDate;
  readonly returnDate: IsoDate;
  readonly purpose?: string | null;
  readonly actionId?: ActionId | null;
  readonly delegates: readonly Delegate[];
  readonly costs: readonly MissionCost[];
}

type MissionParties = Pick<Mission, 'origin' | 'host'>;

/** A4.5: the travelling party pays international transport, the host pays the stay. */
export function payerByRule(
  category: MissionCostCategory,
  mission: MissionParties,
): CollectivityId {
  return MISSION_COST_PAYER_ROLE[category] === 'TRAVELLING_PARTY' ? mission.origin : mission.host;
}

export interface AssignedMissionCost {
  readonly cost: MissionCost;
  readonly payer: CollectivityId;
  readonly payerByRule: CollectivityId;
  /** Set when the payer differs from the rule: it stays visible as an exception (A4.5). */
  readonly exception: { readonly reason: string } | null;
}

export type PayerOverrideError =
  | {
      readonly code: 'OVERRIDE_WITHOUT_REASON';
      readonly index: number;
      readonly message: string;
    }
  | {
      readonly code: 'PAYER_NOT_IN_MISSION';
      readonly index: number;
      readonly payer: CollectivityId;
      readonly message: string;
    };

/** One cost line's payer: by the rule, or the override when it is written and plausible. */
export function assignPayer(
  cost: MissionCost,
  mission: MissionParties,
  index = 0,
): Result<AssignedMissionCost, PayerOverrideError> {
  const byRule = payerByRule(cost.category, mission);
  const override = cost.payerOverride;
  if (!override || override.payer === byRule) {
    return ok({ cost, payer: byRule, payerByRule: byRule, exception: null });
  }
  if (override.payer !== mission.origin && override.payer !== mission.host) {
    return err({
      code: 'PAYER_NOT_IN_MISSION',
      index,
      payer: override.payer,
      message: `${override.payer} neither sends nor hosts this mission and cannot pay its costs`,
    });
  }
  const reason = override.reason.trim();
  if (reason === '') {
    return err({
      code: 'OVERRIDE_WITHOUT_REASON',
      index,
      message: 'a payer other than the shared-cost rule needs a written reason (A4)',
    });
  }
  return ok({ cost, payer: override.payer, payerByRule: byRule, exception: { reason } });
}

/** Every cost line with its payer, in the order of the lines; the first invalid override fails. */
export function assignPayers(
  mission: Pick<Mission, 'origin' | 'host' | 'costs'>,
): Result<AssignedMissionCost[], PayerOverrideError> {
  const assigned: AssignedMissionCost[] = [];
  for (const [index, cost] of mission.costs.entries()) {
    const result = assignPayer(cost, mission, index);
    if (!result.ok) return result;
    assigned.push(result.value);
  }
  return ok(assigned);
}

export interface PartyShare {
  readonly party: CollectivityId;
  /** What the party pays, one amount per currency sorted by code; [] when it pays nothing. */
  readonly amounts: Money[];
}

/**
 * Who pays what for a mission: the origin first, then the host, each listed even when paying
 * nothing. Every line is paid by exactly one of them, so the shares add up to the mission's cost.
 */
export function costSharing(
  mission: Pick<Mission, 'origin' | 'host' | 'costs'>,
): Result<PartyShare[], PayerOverrideError> {
  const assigned = assignPayers(mission);
  if (!assigned.ok) return assigned;
  const parties =
    mission.origin === mission.host ? [mission.origin] : [mission.origin, mission.host];
  return ok(
    parties.map((party) => ({
      party,
      amounts: sumByCurrency(
        assigned.value.filter((line) => line.payer === party).map((line) => line.cost.amount),
      ),
    })),
  );
}

/** How many delegates of each category travelled, over one mission or many. */
export function delegatesByCategory(
  missions: Pick<Mission, 'delegates'> | readonly Pick<Mission, 'delegates'>[],
): Record<DelegateCategory, number> {
  const counts: Record<DelegateCategory, number> = {
    ELECTED: 0,
    TECHNICIAN: 0,
    YOUTH: 0,
    ARTIST: 0,
    OTHER: 0,
  };
  const list = Array.isArray(missions) ? missions : [missions];
  for (const mission of list as readonly Pick<Mission, 'delegates'>[]) {
    for (const delegate of mission.delegates) counts[delegate.category] += 1;
  }
  return counts;
}

export type MissionError =
  | {
      readonly code:
        | 'RETURN_BEFORE_DEPARTURE'
        | 'SAME_ORIGIN_AND_HOST'
        | 'NO_DELEGATES'
        | 'ORIGIN_NOT_A_PARTY'
        | 'HOST_NOT_A_PARTY';
      readonly message: string;
    }
  | { readonly code: 'NEGATIVE_COST'; readonly index: number; readonly message: string }
  | PayerOverrideError;

/**
 * Everything wrong with a mission, at once (a form shows all its errors): dates in order, a trip
 * between two different parties of the convention (when its parties are given), at least one
 * delegate, no negative cost, overrides with a reason and a payer that is origin or host.
 */
export function validateMission(
  mission: Mission,
  conventionParties?: readonly CollectivityId[],
): Result<Mission, MissionError[]> {
  const errors: MissionError[] = [];
  if (compareDates(mission.returnDate, mission.departureDate) < 0) {
    errors.push({
      code: 'RETURN_BEFORE_DEPARTURE',
      message: `the return (${mission.returnDate}) is before the departure (${mission.departureDate})`,
    });
  }
  if (mission.origin === mission.host) {
    errors.push({
      code: 'SAME_ORIGIN_AND_HOST',
      message: 'a mission goes from one party to another: origin and host must differ',
    });
  }
  if (conventionParties && !conventionParties.includes(mission.origin)) {
    errors.push({ code: 'ORIGIN_NOT_A_PARTY', message: `${mission.origin} is not a party` });
  }
  if (conventionParties && !conventionParties.includes(mission.host)) {
    errors.push({ code: 'HOST_NOT_A_PARTY', message: `${mission.host} is not a party` });
  }
  if (mission.delegates.length === 0) {
    errors.push({ code: 'NO_DELEGATES', message: 'a mission has at least one delegate' });
  }
  for (const [index, cost] of mission.costs.entries()) {
    if (cost.amount.amount < 0n) {
      errors.push({ code: 'NEGATIVE_COST', index, message: `cost line ${index + 1} is negative` });
    }
    const assigned = assignPayer(cost, mission, index);
    if (!assigned.ok) errors.push(assigned.error);
  }
  return errors.length === 0 ? ok(mission) : err(errors);
}
