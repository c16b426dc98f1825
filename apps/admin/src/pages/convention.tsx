import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { AxesSection } from './convention/axes.js';
import { ConventionQuery } from './convention/convention-query.js';
import { DeliberationsSection } from './convention/deliberations.js';
import { DownloadsSection } from './convention/downloads.js';
import { PartiesSection } from './convention/parties.js';
import { ProgrammeNav } from './convention/programme-nav.js';
import { RenewalSection } from './convention/renewal.js';
import { TermSection } from './convention/signature.js';
import { StatusBadge } from './convention/status-badge.js';

/** One convention: its parties, signature and terms, renewal, deliberations, object and axes. */
export default function ConventionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  // Its axes list the actions: a first action added must refresh the page too.
  const context = useMemo(() => ({ additionalTypenames: ['Action'] }), []);
  const [result, refetch] = useQuery({ query: ConventionQuery, variables: { id }, context });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(convention?.title ?? t('convention.loading'));

  if (result.fetching && !result.data) {
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  }
  if (result.error && !result.data) {
    return (
      <main id="main" className="page">
        <Failure error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      </main>
    );
  }
  if (!convention) return <NotFound />;

  const editable = canEdit(viewer);
  const path = `/conventions/${encodeURIComponent(convention.id)}`;
  return (
    <main id="main" className="page convention" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
      </nav>
      <div className="page-header">
        <h1>
          <bdi>{convention.title}</bdi>
        </h1>
        <div className="actions">
          {editable && (
            <Link href={`${path}/edit`} className="button">
              {t('convention.edit')}
            </Link>
          )}
          {editable && (
            <Link href={`${path}/import`} className="button">
              {t('import.link')}
            </Link>
          )}
          <Link href={`${path}/audit`} className="button">
            {t('convention.auditTrail')}
          </Link>
        </div>
      </div>
      <p>
        <StatusBadge status={convention.status} />
      </p>
      <ProgrammeNav
        conventionId={convention.id}
        current={null}
        counts={{
          actions: convention.actions.totalCount,
          missions: convention.missions.totalCount,
          indicators: convention.indicators.length,
          evaluations: convention.evaluations.length,
        }}
      />

      <PartiesSection convention={convention} editable={editable} />
      <TermSection convention={convention} editable={editable} />
      <RenewalSection convention={convention} editable={editable} />
      <DeliberationsSection
        convention={convention}
        editable={editable}
        ownCollectivityId={viewer.collectivity.id}
      />

      <section aria-labelledby="object-heading">
        <h2 id="object-heading">{t('convention.object')}</h2>
        {convention.object ? (
          <p className="prose">{convention.object}</p>
        ) : (
          <p className="empty">{t('convention.noObject')}</p>
        )}
      </section>

      <AxesSection convention={convention} editable={editable} />
      <DownloadsSection conventionId={convention.id} />

      <section aria-labelledby="preamble-heading">
        <h2 id="preamble-heading">{t('convention.preamble')}</h2>
        {convention.preamble ? (
          convention.preamble
            .split('\n')
            .filter((paragraph) => paragraph.trim())
            .map((paragraph, index) => (
              <p key={index} className="prose">
                {paragraph}
              </p>
            ))
        ) : (
          <p className="empty">{t('convention.noPreamble')}</p>
        )}
      </section>
    </main>
  );
}
