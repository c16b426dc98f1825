import { describe, expect, it } from 'vitest';
import { ENGINES, useTestApp } from '../../test/engines.js';
import { StatementCounter } from '../db/statement-counter.js';
import { Access } from './policy.js';
import type { Viewer } from './viewer.js';

describe.each(ENGINES)('Access.canRead (%s)', (engine) => {
  const test = useTestApp(engine);

  /** A collectivity of the demo, a convention it is party to and one it is not. */
  async function partyAndStranger() {
    const parties = await test.db
      .selectFrom('convention_party')
      .select(['convention_id', 'collectivity_id'])
      .orderBy('convention_id')
      .execute();
    for (const party of parties) {
      const theirs = new Set(
        parties
          .filter((p) => p.collectivity_id === party.collectivity_id)
          .map((p) => p.convention_id),
      );
      const stranger = parties.find((p) => !theirs.has(p.convention_id));
      if (stranger)
        return {
          collectivityId: party.collectivity_id,
          own: party.convention_id,
          other: stranger.convention_id,
        };
    }
    throw new TypeError('the demo has no collectivity outside one of its conventions');
  }

  function viewerOf(collectivityId: number, partyTo?: number[]): Viewer {
    return {
      kind: 'token',
      accountId: null,
      email: null,
      displayName: 'test',
      role: 'VIEWER',
      collectivityId,
      timeZone: 'UTC',
      canWrite: false,
      ...(partyTo ? { partyTo } : {}),
    };
  }

  it('answers at once, without a statement, from the conventions read with the token', async () => {
    const { collectivityId, own, other } = await partyAndStranger();
    const statements = new StatementCounter();
    const access = new Access(
      () => test.db.withPlugin(statements),
      viewerOf(collectivityId, [own]),
    );
    expect(access.canRead(own)).toBe(true);
    expect(access.canRead(other)).toBe(false);
    expect(statements.count).toBe(0);
  });

  it('lets nobody read anything, at once', () => {
    const access = new Access(() => test.db, null);
    expect(access.canRead(1)).toBe(false);
  });

  it('reads the membership again after a refresh, once, then answers at once', async () => {
    const { collectivityId, own, other } = await partyAndStranger();
    const statements = new StatementCounter();
    // Read with the token before it became party to `own`.
    const access = new Access(() => test.db.withPlugin(statements), viewerOf(collectivityId, []));
    expect(access.canRead(own)).toBe(false);
    access.refresh();
    const reading = access.canRead(own);
    expect(reading).toBeInstanceOf(Promise);
    expect(await reading).toBe(true);
    expect(statements.count).toBe(1);
    expect(access.canRead(own)).toBe(true);
    expect(access.canRead(other)).toBe(false);
    expect(statements.count).toBe(1);
  });

  it('does not keep a read that a second refresh made stale', async () => {
    const { collectivityId, own } = await partyAndStranger();
    const statements = new StatementCounter();
    const access = new Access(() => test.db.withPlugin(statements), viewerOf(collectivityId, []));
    access.refresh();
    const stale = access.canRead(own);
    access.refresh();
    expect(await stale).toBe(true);
    // The membership may have changed after the first read began: it is read again.
    const again = access.canRead(own);
    expect(again).toBeInstanceOf(Promise);
    expect(await again).toBe(true);
    expect(statements.count).toBe(2);
  });

  it('reads the membership when the viewer came without it', async () => {
    const { collectivityId, own, other } = await partyAndStranger();
    const access = new Access(() => test.db, viewerOf(collectivityId));
    expect(await access.canRead(own)).toBe(true);
    expect(access.canRead(other)).toBe(false);
  });
});
