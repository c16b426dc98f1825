import { describe, expect, it } from 'vitest';
import { auditDiff } from './diff.js';

describe('auditDiff', () => {
  it('shows only what a signature changed', () => {
    const before = {
      id: 1,
      title: 'Convention Dijon – Chefchaouen',
      signature_date: null,
      signature_place: null,
      signature_originals: null,
      version: 3,
      updated_at: '2016-05-30T10:00:00Z',
    };
    const after = {
      ...before,
      signature_date: '2016-06-01',
      signature_originals: 6,
      version: 4,
      updated_at: '2016-06-01T10:00:00Z',
    };
    expect(auditDiff(before, after)).toEqual([
      { field: 'signature_date', change: 'added', before: null, after: '2016-06-01' },
      { field: 'signature_originals', change: 'added', before: null, after: '6' },
      { field: 'version', change: 'changed', before: '3', after: '4' },
    ]);
  });

  it('lists every filled field of something created', () => {
    expect(
      auditDiff(null, { body: 'Conseil municipal', date: '2016-03-21', reference: null }),
    ).toEqual([
      { field: 'body', change: 'added', before: null, after: 'Conseil municipal' },
      { field: 'date', change: 'added', before: null, after: '2016-03-21' },
    ]);
  });

  it('says what was removed, and writes nested values as JSON', () => {
    expect(auditDiff({ tags: ['a', 'b'], name: 'x' }, { name: 'x' })).toEqual([
      { field: 'tags', change: 'removed', before: '["a","b"]', after: null },
    ]);
  });

  it('compares plain values too', () => {
    expect(auditDiff('READ', 'READ_WRITE')).toEqual([
      { field: '', change: 'changed', before: 'READ', after: 'READ_WRITE' },
    ]);
    expect(auditDiff(true, true)).toEqual([]);
  });
});
