/**
 * An edit of a convention's text as the changes the user made, not as a copy of the whole form:
 * after a ConflictError and a reload, the fields the user did not touch show the latest values,
 * those the user changed keep what was typed, and only those are sent again. Nobody's change is
 * overwritten by a stale copy of a field the user never edited.
 */
export const EDITABLE_FIELDS = [
  'title',
  'object',
  'preamble',
  'durationYears',
  'reportingCurrency',
  'funderCapPercent',
  'minimumPartySharePercent',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type FormValues = Record<EditableField, string>;
export type Edits = Partial<FormValues>;

export interface ConventionText {
  title: string;
  object: string;
  preamble: string;
  durationYears: number;
  reportingCurrency: string;
  funderCapPercent: number | null;
  minimumPartySharePercent: number;
}

export function formValuesOf(convention: ConventionText): FormValues {
  return {
    title: convention.title,
    object: convention.object,
    preamble: convention.preamble,
    durationYears: String(convention.durationYears),
    reportingCurrency: convention.reportingCurrency,
    funderCapPercent:
      convention.funderCapPercent === null ? '' : String(convention.funderCapPercent),
    minimumPartySharePercent: String(convention.minimumPartySharePercent),
  };
}

/** What the form shows: the user's edit where there is one, else the latest value. */
export function shownValues(latest: FormValues, edits: Edits): FormValues {
  return { ...latest, ...edits };
}

/** The fields to send: edited, and different from the latest value. */
export function pendingFields(latest: FormValues, edits: Edits): EditableField[] {
  return EDITABLE_FIELDS.filter(
    (field) => edits[field] !== undefined && edits[field] !== latest[field],
  );
}

/** Fields the user edited that someone else also changed since the user started. */
export function changedMeanwhile(
  base: FormValues,
  latest: FormValues,
  edits: Edits,
): EditableField[] {
  return EDITABLE_FIELDS.filter(
    (field) => edits[field] !== undefined && base[field] !== latest[field],
  );
}

const WHOLE = /^-?\d+$/;

export type UpdateValues = {
  title?: string;
  object?: string;
  preamble?: string;
  durationYears?: number;
  reportingCurrency?: string;
  funderCapPercent?: number | null;
  minimumPartySharePercent?: number;
};

/**
 * The update's input for the pending fields, or the fields whose text is not a whole number
 * (these the server could not even read).
 */
export function updateInputOf(
  latest: FormValues,
  edits: Edits,
): { ok: true; values: UpdateValues } | { ok: false; notWhole: EditableField[] } {
  const values: UpdateValues = {};
  const notWhole: EditableField[] = [];
  for (const field of pendingFields(latest, edits)) {
    const text = (edits[field] ?? '').trim();
    switch (field) {
      case 'durationYears':
      case 'minimumPartySharePercent':
        if (WHOLE.test(text)) values[field] = Number(text);
        else notWhole.push(field);
        break;
      case 'funderCapPercent':
        if (text === '') values.funderCapPercent = null;
        else if (WHOLE.test(text)) values.funderCapPercent = Number(text);
        else notWhole.push(field);
        break;
      default:
        values[field] = edits[field] ?? '';
    }
  }
  return notWhole.length ? { ok: false, notWhole } : { ok: true, values };
}
