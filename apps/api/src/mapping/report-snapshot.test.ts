import { describe, expect, it } from 'vitest';
import { reportOfSnapshot, snapshotOfReport, type EvaluationReport } from './report-snapshot.js';

// Shaped like the domain's report where it matters here: exact amounts nested in arrays and objects.
const REPORT = {
  scope: 'ANNUAL',
  year: 2025,
  reportingCurrency: 'EUR',
  date: '2025-12-31',
  actions: [
    {
      id: 7,
      title: 'Chantier-école',
      flags: [],
      planned: {
        byCurrency: [
          { amount: 123_456_789_012_345_678n, currency: 'MAD' },
          { amount: -5n, currency: 'EUR' },
        ],
        reporting: null,
      },
      executionRatePercent: null,
    },
  ],
  totals: { actionsByStatus: { IN_PROGRESS: 1 }, missionsHeld: 0, planned: { byCurrency: [] } },
  indicators: [{ code: 'JEUNES', progress: { ratio: 0.5, target: '4' }, breakdown: null }],
} as unknown as EvaluationReport;

describe('a report frozen at submission', () => {
  it('comes back exactly as it was frozen, amounts beyond 2^53 included', () => {
    const json = snapshotOfReport(REPORT);
    expect(reportOfSnapshot(json)).toEqual(REPORT);
    // As the database driver hands a json column back: already parsed.
    expect(reportOfSnapshot(JSON.parse(json))).toEqual(REPORT);
    expect(json).toContain('{"$bigint":"123456789012345678"}');
  });

  it('reads the same stored value twice alike (a request may ask for a report twice)', () => {
    const stored: unknown = JSON.parse(snapshotOfReport(REPORT));
    expect(reportOfSnapshot(stored)).toEqual(REPORT);
    expect(reportOfSnapshot(stored)).toEqual(REPORT);
  });

  it('takes only a lone "$bigint" key for an amount', () => {
    const stored = {
      format: 1,
      report: { note: { $bigint: '12', label: 'kept' }, list: [{ $bigint: '-3' }] },
    };
    expect(reportOfSnapshot(stored)).toEqual({
      note: { $bigint: '12', label: 'kept' },
      list: [-3n],
    });
  });

  it('refuses what it cannot read rather than showing wrong figures', () => {
    expect(() => reportOfSnapshot({ format: 2, report: {} })).toThrow(TypeError);
    expect(() => reportOfSnapshot(null)).toThrow(TypeError);
    expect(() => reportOfSnapshot('{"report":{}}')).toThrow(TypeError);
  });
});
