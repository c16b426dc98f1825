import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import { IMPORT_KINDS, looksLikeCsv, type ImportKind } from '../../import/import-file.js';

/** What the file holds: the four kinds the API reads, each with the export it comes from. */
export function KindPicker({
  kind,
  disabled,
  onChange,
}: {
  kind: ImportKind;
  disabled: boolean;
  onChange: (kind: ImportKind) => void;
}) {
  const { t } = useTranslation();
  const prefix = useId();
  return (
    <fieldset className="import-kinds" disabled={disabled}>
      <legend>{t('import.form.kind')}</legend>
      {IMPORT_KINDS.map((value) => (
        <div className="import-kind" key={value}>
          <input
            type="radio"
            name="kind"
            id={`${prefix}-${value}`}
            value={value}
            checked={kind === value}
            onChange={() => onChange(value)}
            aria-describedby={`${prefix}-${value}-hint`}
          />
          <label htmlFor={`${prefix}-${value}`}>{t(`import.form.kinds.${value}`)}</label>
          <p id={`${prefix}-${value}-hint`} className="hint">
            {t(`import.form.kindHints.${value}`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A labelled file input, and a box around it that also takes a dropped file. The input stays
 * the control a keyboard or a screen reader uses; dropping is a shortcut to the same choice.
 */
export function FilePicker({
  file,
  disabled,
  inputId,
  onFile,
}: {
  file: File | null;
  disabled: boolean;
  inputId: string;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const size = (bytes: number) =>
    new Intl.NumberFormat(format.locale, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes / 1024);

  return (
    <div
      className={`field drop-zone${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        if (disabled) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (disabled) return;
        const dropped = event.dataTransfer.files[0];
        if (!dropped) return;
        // The input shows the file dropped, as if it had been chosen there.
        if (input.current) input.current.files = event.dataTransfer.files;
        onFile(dropped);
      }}
    >
      <label htmlFor={inputId}>{t('import.form.file')}</label>
      <input
        ref={input}
        type="file"
        id={inputId}
        name="file"
        accept=".csv,text/csv,text/plain"
        disabled={disabled}
        aria-describedby={`${inputId}-hint ${inputId}-chosen`}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          if (chosen) onFile(chosen);
        }}
      />
      <p className="hint drop-hint" aria-hidden="true">
        {dragging ? t('import.form.dropActive') : t('import.form.drop')}
      </p>
      <p id={`${inputId}-hint`} className="hint">
        {t('import.form.fileHint')}
      </p>
      <p id={`${inputId}-chosen`} className="chosen-file">
        {file
          ? t('import.form.chosen', { name: file.name, size: size(file.size) })
          : t('import.form.noFile')}
      </p>
      {file && !looksLikeCsv(file) && <p className="flag">{t('import.form.notCsvName')}</p>}
    </div>
  );
}
