import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { Layout } from './layout.js';
import { SignInPage } from './pages/sign-in.js';
import { Loading, NotFound } from './status.js';
import { useViewer, ViewerContext } from './viewer.js';

// Each page is its own chunk: the sign-in screen loads none of them.
const DashboardPage = lazy(() => import('./pages/dashboard.js'));
const ConventionsPage = lazy(() => import('./pages/conventions.js'));
const ConventionPage = lazy(() => import('./pages/convention.js'));
const NewConventionPage = lazy(() => import('./pages/new-convention.js'));
const EditConventionPage = lazy(() => import('./pages/edit-convention.js'));
const AuditTrailPage = lazy(() => import('./pages/audit-trail.js'));
const ImportPage = lazy(() => import('./pages/import.js'));
const ActionsPage = lazy(() => import('./pages/actions.js'));
const ActionPage = lazy(() => import('./pages/action.js'));
const MissionsPage = lazy(() => import('./pages/missions.js'));
const MissionPage = lazy(() => import('./pages/mission.js'));
const IndicatorsPage = lazy(() => import('./pages/indicators.js'));
const IndicatorPage = lazy(() => import('./pages/indicator.js'));
const EvaluationsPage = lazy(() => import('./pages/evaluations.js'));
const EvaluationPage = lazy(() => import('./pages/evaluation.js'));
const EvaluationReportPage = lazy(() => import('./pages/evaluation-report.js'));
const AdministrationPage = lazy(() => import('./pages/administration.js'));
const AccountPage = lazy(() => import('./pages/account.js'));

/** A path inside the app to go back to after signing in; anything else goes to the dashboard. */
export function nextPathOf(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where a signed-out visitor is sent: the sign-in screen, remembering the page asked for. */
export function signInPathFor(location: string, search: string): string {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  params.delete('lang');
  const asked = location + (params.size ? `?${params.toString()}` : '');
  const query = new URLSearchParams();
  if (asked !== '/' && asked !== '/sign-in') query.set('next', asked);
  if (lang) query.set('lang', lang);
  return `/sign-in${query.size ? `?${query.toString()}` : ''}`;
}

export function App({ onSessionChange }: { onSessionChange: () => void }) {
  const { viewer, fetching, error, refetch } = useViewer();
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const search = useSearch();
  if (fetching && !viewer) return <Loading />;
  if (error && !viewer) {
    return (
      <main className="page narrow" role="alert">
        <p>{t('common.error')}</p>
        <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  if (!viewer) {
    return (
      <Switch>
        <Route path="/sign-in">
          <SignInPage
            onSignedIn={() => {
              navigate(nextPathOf(search), { replace: true });
              onSessionChange();
            }}
          />
        </Route>
        <Route>
          <Redirect to={signInPathFor(location, search)} replace />
        </Route>
      </Switch>
    );
  }
  return (
    <ViewerContext value={viewer}>
      <Layout
        viewer={viewer}
        onSignedOut={() => {
          navigate('/sign-in', { replace: true });
          onSessionChange();
        }}
      >
        <Suspense
          fallback={
            <main id="main" className="page">
              <Loading />
            </main>
          }
        >
          <Switch>
            <Route path="/" component={DashboardPage} />
            <Route path="/sign-in">
              <Redirect to={nextPathOf(search)} replace />
            </Route>
            <Route path="/conventions" component={ConventionsPage} />
            <Route path="/conventions/new" component={NewConventionPage} />
            <Route path="/conventions/:id/edit">
              {(params) => <EditConventionPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id/audit">
              {(params) => <AuditTrailPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id/import">
              {(params) => <ImportPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id/actions">
              {(params) => <ActionsPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id/missions">
              {(params) => <MissionsPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id/indicators">
              {(params) => <IndicatorsPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id/evaluations">
              {(params) => <EvaluationsPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/conventions/:id">
              {(params) => <ConventionPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/actions/:id">
              {(params) => <ActionPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/missions/:id">
              {(params) => <MissionPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/indicators/:id">
              {(params) => <IndicatorPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/evaluations/:id/report">
              {(params) => <EvaluationReportPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/evaluations/:id">
              {(params) => <EvaluationPage id={decodeURIComponent(params.id)} />}
            </Route>
            <Route path="/administration" component={AdministrationPage} />
            <Route path="/account" component={AccountPage} />
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </Layout>
    </ViewerContext>
  );
}
