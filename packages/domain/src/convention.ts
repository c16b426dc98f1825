import type { AxisId, CollectivityId, ConventionId } from './ids.js';
import type { IsoDate } from './iso-date.js';

/** Who signs for a party: "Monsieur François Rebsamen, Maire en exercice". */
export interface Signatory {
  readonly name: string;
  readonly office: string;
}

/**
 * What a council decision is about. AUTHORISATION empowers the signatory to sign (Dijon's of
 * 21 March 2016); RENEWAL approves a new term (A7: "renouvelable par délibération des parties").
 */
export type DeliberationKind = 'AUTHORISATION' | 'RENEWAL' | 'OTHER';

export interface Deliberation {
  readonly collectivityId: CollectivityId;
  readonly kind: DeliberationKind;
  /** The deliberative body: "Conseil municipal". */
  readonly body: string;
  readonly date: IsoDate;
  readonly reference: string | null;
  readonly subject: string;
}

/** A collectivity bound by the convention and who signs for it (the preamble). */
export interface ConventionParty {
  readonly collectivityId: CollectivityId;
  readonly signatory: Signatory | null;
}

/** A thematic line of the convention with its own period (A2: "Axes d'orientations 2016 – 2020"). */
export interface Axis {
  readonly id: AxisId;
  readonly title: string;
  readonly description: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
}

/** "Fait à ____, le ____, en six exemplaires": the place may be left blank, the date may not. */
export interface Signature {
  readonly place: string | null;
  readonly date: IsoDate;
  readonly originals: number;
}

/** The convention's duration and its renewals: all that its terms are computed from (A7). */
export interface ConventionDuration {
  /** null while unsigned: a convention can exist before it is signed. */
  readonly signature: Signature | null;
  /** A7: "une durée de cinq ans à compter de sa signature". */
  readonly durationYears: number;
  /** The renewals the parties have decided, in order: each opens one more term. */
  readonly renewals: readonly Renewal[];
}

/** A7: "renouvelable par délibération des parties concernées". */
export interface Renewal {
  /** The day the last party's deliberation made it decided. */
  readonly decidedOn: IsoDate;
}

export interface Convention extends ConventionDuration {
  readonly id: ConventionId;
  readonly title: string;
  /** A1, free text. */
  readonly object: string;
  /** The framework the partnership belongs to (the preamble). */
  readonly preamble: string;
  readonly parties: readonly ConventionParty[];
  readonly axes: readonly Axis[];
  readonly deliberations: readonly Deliberation[];
}

/** A7: the convention's defaults, as signed by Dijon and Chefchaouen. */
export const DEFAULT_DURATION_YEARS = 5;
