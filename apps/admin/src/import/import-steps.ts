/**
 * Where an import stands, as the steps it really goes through: the browser reads the file, the
 * server checks it (the dry run), the server writes it (the real import). Each request is one
 * round trip with no progress of its own, so the bar counts finished steps — never a guessed
 * percentage of a request under way.
 */
export const IMPORT_STEPS = ['reading', 'checking', 'writing'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export type ImportProgress =
  | { readonly state: 'idle' }
  /** A step under way: those before it are done. */
  | { readonly state: 'running'; readonly step: ImportStep }
  /** The dry run answered: reading and checking are done, writing waits for "Apply". */
  | { readonly state: 'checked' }
  /** The file is written. */
  | { readonly state: 'done' }
  /** A step stopped: the file could not be read, the server refused it, or the request failed. */
  | { readonly state: 'stopped'; readonly step: ImportStep };

export interface ProgressBar {
  /** Finished steps. */
  readonly value: number;
  readonly max: number;
  /** The step the bar speaks of: the one under way, stopped, or the last one done. */
  readonly step: ImportStep | null;
  /** Its position, from 1, for "step 2 of 3". */
  readonly position: number;
}

const MAX = IMPORT_STEPS.length;
const indexOf = (step: ImportStep) => IMPORT_STEPS.indexOf(step);

export function progressBarOf(progress: ImportProgress): ProgressBar {
  switch (progress.state) {
    case 'idle':
      return { value: 0, max: MAX, step: null, position: 0 };
    case 'running':
    case 'stopped':
      return {
        value: indexOf(progress.step),
        max: MAX,
        step: progress.step,
        position: indexOf(progress.step) + 1,
      };
    case 'checked':
      return { value: indexOf('checking') + 1, max: MAX, step: 'checking', position: 2 };
    case 'done':
      return { value: MAX, max: MAX, step: 'writing', position: MAX };
  }
}

/** Whether a request or a read is under way: the controls wait for it. */
export function isBusy(progress: ImportProgress): boolean {
  return progress.state === 'running';
}
