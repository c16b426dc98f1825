import { describe, expect, it } from 'vitest';
import { cellValueOf } from './cell-value.js';

describe('a value of the import’s report', () => {
  it('an amount keeps every decimal the API wrote', () => {
    expect(cellValueOf('amount', '12000.00')).toEqual({
      kind: 'decimal',
      value: '12000.00',
      fractionDigits: 2,
    });
    expect(cellValueOf('days', '2.5')).toEqual({
      kind: 'decimal',
      value: '2.5',
      fractionDigits: 1,
    });
    expect(cellValueOf('value', '24')).toEqual({ kind: 'decimal', value: '24', fractionDigits: 0 });
  });

  it('a year, a category or a code stays as written: 2018 is no 2 018', () => {
    expect(cellValueOf('year', '2018')).toEqual({ kind: 'text', value: '2018' });
    expect(cellValueOf('category', 'TRAVEL')).toEqual({ kind: 'text', value: 'TRAVEL' });
  });

  it('a date of execution is a calendar date', () => {
    expect(cellValueOf('executed_on', '2018-05-14')).toEqual({ kind: 'date', value: '2018-05-14' });
    expect(cellValueOf('executed_on', 'mai 2018')).toEqual({ kind: 'text', value: 'mai 2018' });
  });

  it('an empty cell is said to be empty', () => {
    expect(cellValueOf('executed', '')).toEqual({ kind: 'empty' });
  });

  it('a quantity column holding no number is shown as it is', () => {
    expect(cellValueOf('amount', '12,3x')).toEqual({ kind: 'text', value: '12,3x' });
  });
});
