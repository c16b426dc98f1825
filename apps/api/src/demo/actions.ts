import type { Executor } from '../db/database.js';
import type { DemoIds } from './demo-ids.js';

/** Actions of the demo conventions with their budgets, specific conventions, organisations and activities. */
export async function seedActions(_db: Executor, _demo: DemoIds): Promise<void> {
  // Filled in with the actions and budgets part of the API.
}
