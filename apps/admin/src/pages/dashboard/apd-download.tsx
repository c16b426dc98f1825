import { today, yearOf } from '@coop/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apdCsvPath, apdYears } from '../../exports/export-paths.js';

/**
 * The collectivity's development-assistance (APD) declaration of a year, as the CSV the API
 * serves (docs/exports.md): the year just closed by default, one click to download.
 */
export function ApdDownload({ collectivityId }: { collectivityId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const years = apdYears(yearOf(today(Intl.DateTimeFormat().resolvedOptions().timeZone)));
  const [year, setYear] = useState(years[0] ?? 0);
  return (
    <div className="apd-download">
      <label htmlFor={`${id}-year`}>{t('exports.apdYear')}</label>{' '}
      <select
        id={`${id}-year`}
        value={year}
        onChange={(event) => setYear(Number(event.target.value))}
      >
        {years.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </select>{' '}
      <a href={apdCsvPath(collectivityId, year)} download>
        {t('exports.apd', { year })}
      </a>
    </div>
  );
}
