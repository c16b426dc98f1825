import { useTranslation } from 'react-i18next';
import { budgetCsvPath, iatiXmlPath, measurementsCsvPath } from '../../exports/export-paths.js';

/**
 * The convention's standard files, one click away: plain links to the API on the same origin,
 * signed in by the session cookie (docs/exports.md). The server answers each with a file to save.
 */
export function DownloadsSection({ conventionId }: { conventionId: string }) {
  const { t } = useTranslation();
  const files = [
    { href: iatiXmlPath(conventionId), label: t('exports.iati'), hint: t('exports.iatiHint') },
    {
      href: budgetCsvPath(conventionId),
      label: t('exports.budget'),
      hint: t('exports.budgetHint'),
    },
    {
      href: measurementsCsvPath(conventionId),
      label: t('exports.measurements'),
      hint: t('exports.measurementsHint'),
    },
  ];
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{t('exports.title')}</h2>
      <ul className="downloads">
        {files.map((file) => (
          <li key={file.href}>
            <a href={file.href} download>
              {file.label}
            </a>{' '}
            <span className="muted">{file.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
