import type { Executor } from '../db/database.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { visibleConventionIds } from './visibility.js';
import type { Viewer } from './viewer.js';

/**
 * What a viewer may do, decided in one place. GraphQL scopes (builder.ts), mutations, exports and
 * the calendar feed all ask this object; no resolver decides access on its own.
 */
export class Access {
  /** The request's current executor: inside a mutation, its transaction. */
  readonly #db: () => Executor;
  readonly viewer: Viewer | null;
  #visible: Promise<ReadonlySet<number>> | undefined;
  /** The same set once known: checks answer at once, without a promise per object checked. */
  #visibleNow: ReadonlySet<number> | undefined;
  #refreshed = false;

  constructor(db: () => Executor, viewer: Viewer | null) {
    this.#db = db;
    this.viewer = viewer;
  }

  get signedIn(): boolean {
    return this.viewer !== null;
  }

  /**
   * The conventions the viewer's collectivity is party to: as read with the viewer's token or
   * session, then read again once per change of membership.
   */
  visibleConventions(): Promise<ReadonlySet<number>> {
    const known = this.#known();
    const viewer = this.viewer;
    if (known || !viewer) return Promise.resolve(known ?? new Set());
    if (this.#visible) return this.#visible;
    const reading: Promise<ReadonlySet<number>> = visibleConventionIds(this.#db(), viewer)
      .execute()
      .then((rows) => {
        const visible = new Set(rows.map((row) => row.convention_id));
        // A refresh meanwhile makes this read stale: it must not become the known set.
        if (this.#visible === reading) this.#visibleNow = visible;
        return visible;
      });
    this.#visible = reading;
    return reading;
  }

  /** The set when it is known without reading: from the token or session, until a refresh. */
  #known(): ReadonlySet<number> | undefined {
    if (!this.#visibleNow) {
      const viewer = this.viewer;
      if (!viewer) this.#visibleNow = new Set();
      else if (!this.#refreshed && viewer.partyTo) this.#visibleNow = new Set(viewer.partyTo);
    }
    return this.#visibleNow;
  }

  /** After a change of membership (a new convention, a new party), read it again. */
  refresh(): void {
    this.#visible = undefined;
    this.#visibleNow = undefined;
    this.#refreshed = true;
  }

  /**
   * Answers at once when the set is known (nearly always): a page's objects are each checked, and
   * a promise for each would cost the page more than the check.
   */
  canRead(conventionId: number): boolean | Promise<boolean> {
    const known = this.#known();
    return known
      ? known.has(conventionId)
      : this.visibleConventions().then((visible) => visible.has(conventionId));
  }

  /** EDITOR and above edit what belongs to their collectivity's conventions, never through a read-only token. */
  async canEdit(conventionId: number): Promise<boolean> {
    return this.#mayWrite() && (await this.canRead(conventionId));
  }

  /** A party approves, contributes and measures only in its own name. */
  canActFor(collectivityId: number): boolean {
    return this.#mayWrite() && this.viewer?.collectivityId === collectivityId;
  }

  /** Manages its own collectivity's accounts, API tokens and calendar feeds. */
  canAdminister(collectivityId: number): boolean {
    const viewer = this.viewer;
    if (!viewer?.canWrite) return false;
    return (
      viewer.role === 'PLATFORM_ADMIN' ||
      (viewer.role === 'ADMIN' && viewer.collectivityId === collectivityId)
    );
  }

  get isPlatformAdmin(): boolean {
    return !!this.viewer?.canWrite && this.viewer.role === 'PLATFORM_ADMIN';
  }

  /** Reading something under a convention: what the viewer may not see does not exist. */
  async requireRead(conventionId: number): Promise<void> {
    if (!(await this.canRead(conventionId))) throw new NotFoundError();
  }

  /**
   * Changing something under a convention: NotFoundError when the viewer may not even see it (the
   * same answer as for a missing object), ForbiddenError when it may see but not change it.
   */
  async requireEdit(conventionId: number): Promise<void> {
    await this.requireRead(conventionId);
    if (!this.#mayWrite()) throw new ForbiddenError(this.#whyReadOnly());
  }

  /** Any change at all: an EDITOR or above, through a session or a read-write token. */
  requireWrite(): void {
    if (!this.#mayWrite()) throw new ForbiddenError(this.#whyReadOnly());
  }

  requireActFor(collectivityId: number, what: string): void {
    if (!this.#mayWrite()) throw new ForbiddenError(this.#whyReadOnly());
    if (this.viewer?.collectivityId !== collectivityId) {
      throw new ForbiddenError(`A party ${what} only in its own name`);
    }
  }

  requireAdminister(collectivityId: number): void {
    if (!this.canAdminister(collectivityId)) {
      throw new ForbiddenError(
        'Only an administrator of the collectivity manages its accounts, tokens and feeds',
      );
    }
  }

  #mayWrite(): boolean {
    const viewer = this.viewer;
    return !!viewer?.canWrite && viewer.role !== 'VIEWER';
  }

  #whyReadOnly(): string {
    return this.viewer?.canWrite === false
      ? 'This API token is read-only'
      : 'Your role (VIEWER) does not allow changes';
  }
}
