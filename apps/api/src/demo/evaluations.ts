import type { Executor } from '../db/database.js';
import type { DemoIds } from './demo-ids.js';

/** Indicators with targets and measurements, and the evaluations of the founding convention. */
export async function seedIndicatorsAndEvaluations(_db: Executor, _demo: DemoIds): Promise<void> {
  // Filled in with the indicators and evaluations part of the API.
}
