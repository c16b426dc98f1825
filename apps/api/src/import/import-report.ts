/**
 * What an import did, or would do, row by row: the same report for a dry run and for the real
 * import, since both run the same code (import/run-import.ts).
 */

/** One field of a row that changes: its column, and the values as the API writes them. */
export interface FieldChange {
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

export interface ImportedRow {
  readonly line: number;
  /** LINE, CONTRIBUTION, STAFF or MEASUREMENT. */
  readonly rowType: string;
  /** "Espace de formation… — TRAINING « Coaching » 12000.00 EUR". */
  readonly description: string;
  /** Empty for an added row. */
  readonly changes: readonly FieldChange[];
  /**
   * The object's database ID: the stored one a row changes; an added one's once written (set by
   * the writer; null in a dry run, where nothing is kept).
   */
  id: number | null;
  /** Its GraphQL type: ExpenseLine, Contribution, StaffAssignment, Measurement. */
  readonly typename: string;
}

/** Why a row is refused: the column concerned (null for the row as a whole) and a stable code. */
export interface RowIssue {
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

export interface RefusedRow {
  readonly line: number;
  readonly rowType: string | null;
  readonly issues: readonly RowIssue[];
}

export interface ImportReport {
  readonly dryRun: boolean;
  /** True only when the file was written: a real import with no refused row. */
  readonly applied: boolean;
  readonly rows: number;
  readonly added: readonly ImportedRow[];
  readonly changed: readonly ImportedRow[];
  readonly unchanged: number;
  readonly refused: readonly RefusedRow[];
}

/** The outcome of reading one row against what is stored. */
export type RowOutcome<Write> =
  | { readonly kind: 'refused'; readonly refused: RefusedRow }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'added' | 'changed'; readonly row: ImportedRow; readonly write: Write };

/** Collects every issue of one row, like InputCheck does for a mutation's input. */
export class RowCheck {
  readonly #issues: RowIssue[] = [];

  /** Once per column and code: an unknown currency spoils the amount and what was executed alike. */
  add(column: string | null, message: string, code: string): void {
    if (this.#issues.some((issue) => issue.column === column && issue.code === code)) return;
    this.#issues.push({ column, code, message });
  }

  get ok(): boolean {
    return this.#issues.length === 0;
  }

  get issues(): readonly RowIssue[] {
    return this.#issues;
  }

  refused(line: number, rowType: string | null): RowOutcome<never> {
    return { kind: 'refused', refused: { line, rowType, issues: this.#issues } };
  }
}

/** The changes between what is stored and what the file says, for the columns the file has. */
export function fieldChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FieldChange[] {
  return Object.keys(after).flatMap((column) => {
    const was = before[column] ?? '';
    const now = after[column] ?? '';
    return was === now ? [] : [{ column, before: was, after: now }];
  });
}
