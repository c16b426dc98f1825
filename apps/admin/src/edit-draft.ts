import { useState } from 'react';

/**
 * A form's edit as the changes the person made, kept apart from the server's values (as the
 * convention's own form does, conventions/edit-draft.ts): after a ConflictError and "load the
 * latest version", the untouched fields show the others' changes, the edited ones keep what was
 * typed, and only those are sent again on the new version.
 */
export type Values<F extends string> = Readonly<Record<F, string>>;
export type Edits<F extends string> = Partial<Record<F, string>>;

/** The form shows the person's edit where there is one, else the latest value. */
export function shownValues<F extends string>(latest: Values<F>, edits: Edits<F>): Values<F> {
  return { ...latest, ...edits };
}

/** The fields to send: edited, and different from the latest value. */
export function pendingFields<F extends string>(latest: Values<F>, edits: Edits<F>): F[] {
  return (Object.keys(edits) as F[]).filter(
    (field) => edits[field] !== undefined && edits[field] !== latest[field],
  );
}

/** Fields the person edited that someone else changed too since the form opened. */
export function changedMeanwhile<F extends string>(
  base: Values<F>,
  latest: Values<F>,
  edits: Edits<F>,
): F[] {
  return (Object.keys(edits) as F[]).filter(
    (field) => edits[field] !== undefined && base[field] !== latest[field],
  );
}

/** The edit state of one form over the latest values the server sent. */
export function useEditDraft<F extends string>(latest: Values<F>) {
  const [base] = useState(latest);
  const [edits, setEdits] = useState<Edits<F>>({});
  return {
    shown: shownValues(latest, edits),
    pending: pendingFields(latest, edits),
    meanwhile: new Set(changedMeanwhile(base, latest, edits)),
    edit: (field: F, value: string) => setEdits((current) => ({ ...current, [field]: value })),
  };
}
