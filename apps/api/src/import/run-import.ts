import type { Context } from '../context.js';
import type { MutationScope } from '../mutation.js';
import { planBudgetImport } from './budget-import.js';
import { BUDGET_LAYOUT } from './budget-rows.js';
import { readCsvFile, type CsvFile, type CsvLayout } from './csv-file.js';
import type { ImportPlan, ImportScope } from './import-plan.js';
import type { ImportReport } from './import-report.js';
import { planMeasurementImport } from './measurement-import.js';
import { MEASUREMENTS_LAYOUT } from './measurement-rows.js';

/**
 * What a file holds: the whole budget.csv (expense lines, contributions, staff time), only its
 * expense lines, only its contributions (staff time being the employer's in-kind contribution,
 * A5), or measurements.csv.
 */
export type ImportKind = 'BUDGET' | 'BUDGET_LINES' | 'CONTRIBUTIONS' | 'MEASUREMENTS';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'BUDGET',
  'BUDGET_LINES',
  'CONTRIBUTIONS',
  'MEASUREMENTS',
];

interface KindOfImport {
  readonly layout: CsvLayout;
  /** The budget.csv row types this kind reads; rows of the file's other known types are skipped. */
  readonly rowTypes: readonly string[] | null;
  readonly plan: (scope: ImportScope, file: CsvFile) => Promise<ImportPlan>;
}

const BUDGET_ROW_TYPES = ['LINE', 'CONTRIBUTION', 'STAFF'];

const KINDS: Record<ImportKind, KindOfImport> = {
  BUDGET: { layout: BUDGET_LAYOUT, rowTypes: BUDGET_ROW_TYPES, plan: planBudgetImport },
  BUDGET_LINES: { layout: BUDGET_LAYOUT, rowTypes: ['LINE'], plan: planBudgetImport },
  CONTRIBUTIONS: {
    layout: BUDGET_LAYOUT,
    rowTypes: ['CONTRIBUTION', 'STAFF'],
    plan: planBudgetImport,
  },
  MEASUREMENTS: { layout: MEASUREMENTS_LAYOUT, rowTypes: null, plan: planMeasurementImport },
};

export interface ImportRequest {
  readonly conventionId: number;
  readonly kind: ImportKind;
  readonly csv: string;
  readonly dryRun: boolean;
}

export interface RunImportReport extends ImportReport {
  readonly kind: ImportKind;
  /** Rows of budget.csv of a type this kind does not read (BUDGET_LINES, CONTRIBUTIONS). */
  readonly skipped: number;
}

/**
 * Reads the file against the convention as it stands, inside the mutation's transaction, and
 * writes it only when this is no dry run and **no row is refused**: a city office corrects the
 * file and imports it again, rather than sorting out which half of it went in. A dry run and the
 * real import run the same code, so the dry run's report is what the import would do.
 */
export async function runImport(
  scope: MutationScope & { readonly context: Context },
  request: ImportRequest,
): Promise<RunImportReport> {
  // NotFoundError for a convention the viewer's collectivity is not party to (as for a missing
  // one), ForbiddenError for a VIEWER or a read-only token (access/policy.ts).
  await scope.context.access.requireEdit(request.conventionId);
  const kind = KINDS[request.kind];
  const file = readCsvFile(request.csv, kind.layout);
  const { rowTypes } = kind;
  const read =
    rowTypes === null
      ? file
      : {
          ...file,
          records: file.records.filter((record) => {
            const rowType = record.cells.get('row_type')?.trim() ?? '';
            return rowTypes.includes(rowType) || !BUDGET_ROW_TYPES.includes(rowType);
          }),
        };
  const plan = await kind.plan({ ...scope, conventionId: request.conventionId }, read);
  const applied = !request.dryRun && plan.refused.length === 0;
  if (applied) await plan.write();
  return {
    kind: request.kind,
    dryRun: request.dryRun,
    applied,
    rows: file.records.length,
    added: plan.added,
    changed: plan.changed,
    unchanged: plan.unchanged,
    skipped: file.records.length - read.records.length,
    refused: plan.refused,
  };
}
