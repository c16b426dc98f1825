import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../format/use-format.js';

export const PROGRAMME_PARTS = ['actions', 'missions', 'indicators', 'evaluations'] as const;
export type ProgrammePart = (typeof PROGRAMME_PARTS)[number];

/**
 * The ways into a convention's programme: its actions and budgets, missions, indicators and
 * evaluations, from the convention's page and from each of them.
 */
export function ProgrammeNav({
  conventionId,
  current,
  counts,
}: {
  conventionId: string;
  current: ProgrammePart | null;
  counts?: Partial<Record<ProgrammePart, number>>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const path = `/conventions/${encodeURIComponent(conventionId)}`;
  return (
    <nav aria-label={t('programme.label')} className="programme-nav">
      <ul>
        {PROGRAMME_PARTS.map((part) => (
          <li key={part}>
            <Link href={`${path}/${part}`} aria-current={current === part ? 'page' : undefined}>
              {t(`programme.${part}`)}
              {counts?.[part] !== undefined && (
                <span className="count-badge"> ({format.number(counts[part])})</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The top of every page of a convention's programme: where it is, and the ways across. */
export function ProgrammeHeader({
  convention,
  current,
  title,
}: {
  convention: { id: string; title: string };
  current: ProgrammePart;
  title: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={`/conventions/${encodeURIComponent(convention.id)}`}>
          <bdi>{convention.title}</bdi>
        </Link>
      </nav>
      <h1>{title}</h1>
      <ProgrammeNav conventionId={convention.id} current={current} />
    </>
  );
}
