import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server shows once (an API token, a calendar address): selected on focus, copied in
 * one click, gone when the user says it is kept.
 */
export function SecretOnce({
  id,
  title,
  warning,
  label,
  value,
  doneLabel,
  onDone,
}: {
  /** Unique on the page: names the heading and the field. */
  id: string;
  title: string;
  warning: string;
  label: string;
  value: string;
  doneLabel: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="secret" role="alert" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <p className="warning">{warning}</p>
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
          dir="ltr"
        />
        <button
          type="button"
          onClick={() => {
            navigator.clipboard.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t('tokens.copy')}
        </button>
      </div>
      <p role="status" className="saved">
        {copied === true && t('tokens.copied')}
        {copied === false && t('tokens.copyFailed')}
      </p>
      <button type="button" className="primary" onClick={onDone}>
        {doneLabel}
      </button>
    </div>
  );
}
