import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useFormat } from '../format/use-format.js';
import { ApprovalPanel } from '../joint-approval.js';
import { Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { Disclosure } from './convention/disclosure.js';
import { EditIndicatorForm } from './indicator/indicator-form.js';
import { IndicatorQuery, useReloadIndicator } from './indicator/indicator-query.js';
import { ProgressSection } from './indicator/progress.js';
import { MeasurementsSection, TargetsSection } from './indicator/values.js';

/**
 * One indicator of the evaluation (A6): its definition agreed jointly, its yearly targets, the
 * parties' measurements (each its own) or the value computed from the data, and its progress.
 */
export default function IndicatorPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [result, refetch] = useQuery({ query: IndicatorQuery, variables: { id } });
  const reload = useReloadIndicator(id);
  const indicator = result.data?.node?.__typename === 'Indicator' ? result.data.node : null;
  useDocumentTitle(indicator?.name ?? t('indicators.loading'));

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
  if (!indicator) return <NotFound />;

  const editable = canEdit(viewer);
  const conventionPath = `/conventions/${encodeURIComponent(indicator.convention.id)}`;
  return (
    <main id="main" className="page indicator" tabIndex={-1}>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link href="/conventions">{t('nav.conventions')}</Link>
        {' › '}
        <Link href={conventionPath}>
          <bdi>{indicator.convention.title}</bdi>
        </Link>
        {' › '}
        <Link href={`${conventionPath}/indicators`}>{t('programme.indicators')}</Link>
      </nav>
      <h1>
        <bdi>{indicator.name}</bdi> <span className="muted">({indicator.code})</span>
      </h1>

      <section aria-labelledby="definition-heading">
        <h2 id="definition-heading">{t('indicators.definition')}</h2>
        <dl className="facts">
          <dt>{t('indicators.fields.unit')}</dt>
          <dd>{indicator.unit}</dd>
          <dt>{t('indicators.fields.baseline')}</dt>
          <dd>{format.decimal(indicator.baseline)}</dd>
          <dt>{t('indicators.fields.direction')}</dt>
          <dd>{t(`indicators.directions.${indicator.direction}`)}</dd>
          <dt>{t('indicators.fields.aggregation')}</dt>
          <dd>{t(`indicators.aggregations.${indicator.aggregation}`)}</dd>
          <dt>{t('indicators.fields.axisId')}</dt>
          <dd>{indicator.axis?.title ?? t('indicators.noAxis')}</dd>
          <dt>{t('indicators.fields.computedKind')}</dt>
          <dd>
            {indicator.computedKind
              ? t(`indicators.computedKinds.${indicator.computedKind}`)
              : t('indicators.measured')}
          </dd>
          <dt>{t('indicators.version')}</dt>
          <dd>{indicator.version}</dd>
        </dl>
        {editable && (
          <Disclosure label={t('indicators.edit')}>
            {(close) => (
              <EditIndicatorForm
                indicator={indicator}
                axes={indicator.convention.axes}
                onReload={reload}
                onDone={close}
              />
            )}
          </Disclosure>
        )}
        <ApprovalPanel
          subjectId={indicator.id}
          approval={indicator.approval}
          ownCollectivityId={viewer.collectivity.id}
          editable={editable}
          blockers={[]}
          onReload={reload}
        />
        {indicator.approval.state !== 'AGREED' && (
          <p className="hint">{t('indicators.onlyAgreedCount')}</p>
        )}
      </section>

      <ProgressSection indicator={indicator} />
      <TargetsSection indicator={indicator} editable={editable} onReload={reload} />
      <MeasurementsSection
        indicator={indicator}
        editable={editable}
        ownCollectivityId={viewer.collectivity.id}
        onReload={reload}
      />
    </main>
  );
}
