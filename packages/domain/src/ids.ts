/**
 * Branded identifiers: a convention's ID is not a collectivity's, and the compiler says so.
 * They are opaque strings; whoever stores the data chooses their form.
 */
declare const brand: unique symbol;
export type Id<Kind extends string> = string & { readonly [brand]: Kind };

export type CollectivityId = Id<'Collectivity'>;
export type ConventionId = Id<'Convention'>;
export type AxisId = Id<'Axis'>;
export type ActionId = Id<'Action'>;
export type MissionId = Id<'Mission'>;
export type IndicatorId = Id<'Indicator'>;
export type OrganizationId = Id<'Organization'>;
export type EvaluationId = Id<'Evaluation'>;

/** Brands a string read from storage or input as the ID of a given kind. */
export function asId<Kind extends string>(value: string | number): Id<Kind> {
  return String(value) as Id<Kind>;
}
