import { describe, expect, it } from 'vitest';
import { chartYears, progressChart } from './progress-chart.js';

/** "Jeunes ayant participé à un échange", targets 2017–2020 of the founding convention. */
const JEUNES = {
  targets: [
    { year: 2017, value: '4' },
    { year: 2018, value: '8' },
    { year: 2020, value: '10' },
  ],
  measurements: [{ year: 2018 }, { year: 2018 }, { year: 2019 }],
  computedKind: null,
};

describe('the progress chart of an indicator', () => {
  it('asks for the years with a target or a measurement, each once, in order', () => {
    expect(chartYears(JEUNES, { first: 2016, last: 2031 }, 2026)).toEqual([2017, 2018, 2019, 2020]);
  });

  it('asks for every year up to this one for an indicator computed from the data', () => {
    const missions = { targets: [{ year: 2016 }], measurements: [], computedKind: 'MISSIONS_HELD' };
    expect(chartYears(missions, { first: 2016, last: 2031 }, 2019)).toEqual([
      2016, 2017, 2018, 2019,
    ]);
  });

  it('asks for nothing while the convention has no term, and nothing outside its years', () => {
    expect(chartYears(JEUNES, null, 2026)).toEqual([]);
    expect(chartYears(JEUNES, { first: 2018, last: 2019 }, 2026)).toEqual([2018, 2019]);
  });

  it('keeps the exact values to write and sizes the bars against the largest', () => {
    const chart = progressChart(
      [
        { year: 2020, target: '10', actual: '9', ratio: 0.9, status: 'ON_TRACK' },
        { year: 2018, target: '8', actual: '12.5', ratio: 1.5625, status: 'MET' },
        { year: 2019, target: null, actual: '3', ratio: null, status: 'NO_TARGET' },
      ],
      '0',
    );
    expect(chart.years.map((year) => year.year)).toEqual([2018, 2019, 2020]);
    expect(chart.years[0]).toMatchObject({ actual: '12.5', actualLength: 12.5, targetLength: 8 });
    expect(chart.years[1]).toMatchObject({ targetLength: null, actualLength: 3 });
    expect(chart.top).toBe(12.5);
  });

  it('draws an empty year and a baseline above every value', () => {
    const chart = progressChart(
      [{ year: 2017, target: null, actual: null, ratio: null, status: 'NO_TARGET' }],
      '30',
    );
    expect(chart.years[0]).toMatchObject({ targetLength: null, actualLength: null });
    expect(chart.top).toBe(30);
    expect(chart.baseline).toBe(30);
  });
});
