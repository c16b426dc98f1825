import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeFailure, type Failure, type FailureMessages } from './errors/outcome.js';

/**
 * The state of one form's refusal: which fields carry a message, what the summary says, and
 * whether the refusal was a stale version (ConflictError). The form's own values are never
 * touched here: what the user typed stays typed whatever the server answered.
 */
export function useFormFailure(fields: readonly string[]) {
  const { t } = useTranslation();
  const prefix = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const messages: FailureMessages | null = failure ? describeFailure(failure, fields, t) : null;
  const idOf = (field: string) => `${prefix}-${field.replace(/\W/g, '-')}`;

  return {
    failure,
    messages,
    reloaded,
    idOf,
    alertId: `${prefix}-alert`,
    /** Shows a refusal and moves the focus to the first field to fix, else to the summary. */
    report(next: Failure) {
      setFailure(next);
      setReloaded(false);
      const first = describeFailure(next, fields, t).invalid[0];
      setTimeout(() => {
        const target = document.getElementById(first ? idOf(first) : `${prefix}-alert`);
        target?.focus();
      }, 0);
    },
    clear() {
      setFailure(null);
      setReloaded(false);
    },
    /** After "reload the latest version": the typed values are kept, the refusal is gone. */
    markReloaded() {
      setFailure(null);
      setReloaded(true);
    },
    errorOf(field: string): string | undefined {
      return messages?.fields[field];
    },
  };
}

export type FormFailure = ReturnType<typeof useFormFailure>;

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled control with its hint and, when the server refused it, its message. */
export function Field({
  form,
  name,
  label,
  hint,
  children,
}: {
  form: FormFailure;
  name: string;
  label: string;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = form.idOf(name);
  const error = form.errorOf(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The form's summary of a refusal. For a stale version it offers to load the latest one: the
 * form keeps what was typed, so the change can be checked and applied again.
 */
export function FormAlert({
  form,
  onReload,
}: {
  form: FormFailure;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);
  if (form.reloaded) {
    return (
      <p className="form-notice" role="status">
        {t('errors.reloaded')}
      </p>
    );
  }
  if (!form.messages?.summary) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} id={form.alertId}>
      <p>{form.messages.summary}</p>
      {form.failure?.kind === 'conflict' && onReload && (
        <button
          type="button"
          disabled={reloading}
          onClick={() => {
            setReloading(true);
            void onReload().finally(() => {
              setReloading(false);
              form.markReloaded();
            });
          }}
        >
          {t('errors.reload')}
        </button>
      )}
    </div>
  );
}

/** The submit button, saying that it is working while the request runs. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
}: {
  busy: boolean;
  label: string;
  busyLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
      {busy ? (busyLabel ?? t('common.saving')) : label}
    </button>
  );
}
