import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_STEPS,
  progressBarOf,
  type ImportProgress,
  type ImportStep,
} from '../../import/import-steps.js';

type StepState = 'done' | 'running' | 'waiting' | 'stopped';

function stateOf(progress: ImportProgress, step: ImportStep, index: number): StepState {
  const bar = progressBarOf(progress);
  if (index < bar.value) return 'done';
  if (progress.state === 'running' && progress.step === step) return 'running';
  if (progress.state === 'stopped' && progress.step === step) return 'stopped';
  return 'waiting';
}

const STATE_LABEL = {
  done: 'import.progress.stateDone',
  running: 'import.progress.stateRunning',
  waiting: 'import.progress.stateWaiting',
  stopped: 'import.progress.stateStopped',
} as const;

/**
 * The import's three real steps — reading, checking, writing — on a determinate <progress>: its
 * value is the number of steps finished, never a guess inside a request.
 */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const id = useId();
  const bar = progressBarOf(progress);
  const stepName = bar.step ? t(`import.progress.steps.${bar.step}`) : '';
  const sentence = (() => {
    switch (progress.state) {
      case 'idle':
        return t('import.progress.idle');
      case 'running':
        return `${t('import.progress.step', { position: bar.position, max: bar.max, step: stepName })}…`;
      case 'checked':
        return t('import.progress.checked');
      case 'done':
        return t('import.progress.done');
      case 'stopped':
        return t('import.progress.stopped', {
          position: bar.position,
          max: bar.max,
          step: stepName,
        });
    }
  })();

  return (
    <section
      className="import-progress"
      aria-labelledby={`${id}-label`}
      data-state={progress.state}
    >
      <h2 id={`${id}-label`} className="visually-hidden">
        {t('import.progress.label')}
      </h2>
      <label htmlFor={`${id}-bar`} className="visually-hidden">
        {t('import.progress.label')}
      </label>
      <progress
        id={`${id}-bar`}
        value={bar.value}
        max={bar.max}
        aria-valuetext={sentence}
        aria-busy={progress.state === 'running' || undefined}
      />
      <p role="status" className="progress-sentence" data-testid="import-progress">
        {sentence}
      </p>
      <ol className="import-steps">
        {IMPORT_STEPS.map((step, index) => {
          const state = stateOf(progress, step, index);
          return (
            <li key={step} className={`step-${state}`} data-step={step} data-state={state}>
              {t(`import.progress.steps.${step}`)}{' '}
              <span className="muted">({t(STATE_LABEL[state])})</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
