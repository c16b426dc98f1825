import { describe, expect, it } from 'vitest';
import { isBusy, progressBarOf } from './import-steps.js';

describe('the import’s progress, in steps really taken', () => {
  it('starts at nothing done, out of three steps', () => {
    expect(progressBarOf({ state: 'idle' })).toEqual({ value: 0, max: 3, step: null, position: 0 });
  });

  it('counts the steps finished before the one under way', () => {
    expect(progressBarOf({ state: 'running', step: 'reading' })).toMatchObject({
      value: 0,
      position: 1,
    });
    expect(progressBarOf({ state: 'running', step: 'checking' })).toMatchObject({
      value: 1,
      position: 2,
    });
    expect(progressBarOf({ state: 'running', step: 'writing' })).toMatchObject({
      value: 2,
      position: 3,
    });
  });

  it('stops after the dry run with two steps of three done: nothing is written yet', () => {
    expect(progressBarOf({ state: 'checked' })).toEqual({
      value: 2,
      max: 3,
      step: 'checking',
      position: 2,
    });
  });

  it('is full only once the file is written', () => {
    expect(progressBarOf({ state: 'done' })).toEqual({
      value: 3,
      max: 3,
      step: 'writing',
      position: 3,
    });
  });

  it('a stopped step is not counted as done', () => {
    expect(progressBarOf({ state: 'stopped', step: 'checking' })).toMatchObject({
      value: 1,
      step: 'checking',
    });
    expect(progressBarOf({ state: 'stopped', step: 'writing' })).toMatchObject({ value: 2 });
  });

  it('is busy only while a step runs', () => {
    expect(isBusy({ state: 'running', step: 'checking' })).toBe(true);
    expect(isBusy({ state: 'checked' })).toBe(false);
    expect(isBusy({ state: 'stopped', step: 'reading' })).toBe(false);
  });
});
