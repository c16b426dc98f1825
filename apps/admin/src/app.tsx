import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch } from 'wouter';
import { Layout } from './layout.js';
import { SignInPage } from './pages/sign-in.js';
import { Loading } from './status.js';
import { useViewer } from './viewer.js';

// Each page is its own chunk: the sign-in screen does not load the convention pages.
const ConventionsPage = lazy(() => import('./pages/conventions.js'));
const ConventionPage = lazy(() => import('./pages/convention.js'));

export function App() {
  const { viewer, fetching, error, refetch } = useViewer();
  const { t } = useTranslation();
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
          <SignInPage onSignedIn={() => refetch({ requestPolicy: 'network-only' })} />
        </Route>
        <Route>
          <Redirect to="/sign-in" replace />
        </Route>
      </Switch>
    );
  }
  return (
    <Layout viewer={viewer} onSignedOut={() => refetch({ requestPolicy: 'network-only' })}>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={ConventionsPage} />
          <Route path="/sign-in">
            <Redirect to="/" replace />
          </Route>
          <Route path="/conventions/:id">{(params) => <ConventionPage id={params.id} />}</Route>
          <Route>
            <main className="page">
              <p>{t('common.notFound')}</p>
            </main>
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}
