import type { Generated, Insertable, Selectable } from 'kysely';

/** A local government: city, region… with the currency it budgets in. */
export interface CollectivityTable {
  id: Generated<number>;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
  /** ISO 4217: the currency its own budget lines are written in. */
  currency: string;
  /** BCP 47: the language its staff work in. */
  locale: string;
  /** IANA zone: what "today" means for its deadlines. */
  time_zone: string;
  created_at: Generated<Date>;
}

export type CollectivityRow = Selectable<CollectivityTable>;
export type NewCollectivity = Insertable<CollectivityTable>;
