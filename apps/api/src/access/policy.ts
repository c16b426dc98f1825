import type { Db } from '../db/database.js';
import { visibleConventionIds } from './visibility.js';
import type { Viewer } from './viewer.js';

/**
 * What a viewer may do, decided in one place. GraphQL scopes (schema/builder.ts), exports and the
 * calendar feed all ask this object; no resolver decides access on its own.
 */
export class Access {
  readonly #db: Db;
  readonly viewer: Viewer | null;
  #visible: Promise<ReadonlySet<number>> | undefined;

  constructor(db: Db, viewer: Viewer | null) {
    this.#db = db;
    this.viewer = viewer;
  }

  get signedIn(): boolean {
    return this.viewer !== null;
  }

  /** The conventions the viewer's collectivity is party to, read once per request. */
  visibleConventions(): Promise<ReadonlySet<number>> {
    const viewer = this.viewer;
    if (!viewer) return Promise.resolve(new Set());
    this.#visible ??= visibleConventionIds(this.#db, viewer)
      .execute()
      .then((rows) => new Set(rows.map((row) => row.convention_id)));
    return this.#visible;
  }

  async canRead(conventionId: number): Promise<boolean> {
    return (await this.visibleConventions()).has(conventionId);
  }

  /** EDITOR and above edit what belongs to their collectivity's conventions, never through a read-only token. */
  async canEdit(conventionId: number): Promise<boolean> {
    const viewer = this.viewer;
    if (!viewer?.canWrite || viewer.role === 'VIEWER') return false;
    return this.canRead(conventionId);
  }

  /** A party approves, contributes and measures only in its own name. */
  canActFor(collectivityId: number): boolean {
    const viewer = this.viewer;
    return (
      !!viewer?.canWrite && viewer.role !== 'VIEWER' && viewer.collectivityId === collectivityId
    );
  }

  /** Manages its own collectivity's accounts and API tokens. */
  canAdminister(collectivityId: number): boolean {
    const viewer = this.viewer;
    return (
      !!viewer?.canWrite &&
      (viewer.role === 'PLATFORM_ADMIN' ||
        (viewer.role === 'ADMIN' && viewer.collectivityId === collectivityId))
    );
  }
}
