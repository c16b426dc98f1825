import type { Executor } from '../db/database.js';
import type { DemoIds } from './demo-ids.js';

/** Missions between the demo cities, with delegates and cost lines. */
export async function seedMissions(_db: Executor, _demo: DemoIds): Promise<void> {
  // Filled in with the missions part of the API.
}
