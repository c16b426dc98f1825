/**
 * An audit entry's before and after (JSON snapshots of what changed) as lines a person can read:
 * only what changed, one line per field, with both values written out.
 */
export interface DiffLine {
  /** The field's name in the snapshot ("signature_date"), or "" for a value that is no object. */
  readonly field: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: string | null;
  readonly after: string | null;
}

/** Bookkeeping that every change touches and nobody reads. */
const NOISE = new Set(['updated_at', 'created_at']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A snapshot value as text: strings as they are, anything else as compact JSON. */
export function writeValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [was, now] = [writeValue(before), writeValue(after)];
    if (was === now) return [];
    return [{ field: '', change: changeOf(was, now), before: was, after: now }];
  }
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
    (field) => !NOISE.has(field),
  );
  const lines: DiffLine[] = [];
  for (const field of fields) {
    const [old, current] = [writeValue(was[field]), writeValue(now[field])];
    if (old === current) continue;
    lines.push({ field, change: changeOf(old, current), before: old, after: current });
  }
  return lines;
}

function changeOf(before: string | null, after: string | null): DiffLine['change'] {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'changed';
}
