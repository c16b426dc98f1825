import { describe, expect, it } from 'vitest';
import { medianRun, type Measure } from '../bench/load.js';

const run = (p99: number, requestsPerSecond: number): Measure => ({
  scenario: 'convention page',
  connections: 50,
  requestsPerSecond,
  p50: 100,
  p99,
  errors: 0,
  requests: requestsPerSecond * 10,
  bytesPerRequest: 7452,
});

describe('the benchmark’s repeated runs (--repeat)', () => {
  it('reports the run with the median p99, beside every run’s p99 in the order measured', () => {
    const reported = medianRun([run(324, 359), run(288, 381), run(410, 300)]);
    expect(reported.p99).toBe(324);
    // The figures of that same run, not a mix of runs.
    expect(reported.requestsPerSecond).toBe(359);
    expect(reported.p99Runs).toEqual([324, 288, 410]);
  });

  it('takes the upper of the two middle runs of an even count: a p99 is not made better by averaging', () => {
    expect(medianRun([run(100, 1), run(300, 3), run(200, 2), run(400, 4)]).p99).toBe(300);
  });

  it('reports a single run as it was, without a list of runs', () => {
    expect(medianRun([run(288, 381)])).toEqual(run(288, 381));
  });

  it('refuses to report when nothing ran', () => {
    expect(() => medianRun([])).toThrow('no run to report');
  });
});
