import { today, yearOf } from '@coop/domain';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { ErrorFields } from '../errors/error-fields.js';
import { outcomeOf } from '../errors/outcome.js';
import { useFormat } from '../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../forms.js';
import { graphql, type ResultOf } from '../graphql.js';
import { Empty, Failure, Loading, NotFound, useDocumentTitle } from '../status.js';
import { canEdit, useSignedInViewer } from '../viewer.js';
import { Disclosure } from './convention/disclosure.js';
import { ProgrammeHeader } from './convention/programme-nav.js';
import { evaluationTitle } from './evaluation/evaluation-query.js';
import { EvaluationStatusBadge } from './evaluation/workflow.js';
import { allowedYearsOfTerms, yearsBetween } from './indicator/indicator-query.js';

const ConventionEvaluationsQuery = graphql(`
  query ConventionEvaluations($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convention {
        id
        title
        terms {
          number
          startDate
          endDate
        }
        evaluations {
          id
          scope
          year
          termNumber
          status
          submittedAt
          communicatedAt
          communicatedTo
          approval {
            state
            parties {
              approved
              collectivity {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

const CreateEvaluationMutation = graphql(
  `
    mutation CreateEvaluation($input: CreateEvaluationInput!) {
      createEvaluation(input: $input) {
        __typename
        ... on CreateEvaluationSuccess {
          evaluation {
            id
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

type Convention = Extract<
  NonNullable<ResultOf<typeof ConventionEvaluationsQuery>['node']>,
  { __typename: 'Convention' }
>;

/** A6: the annual evaluations by year and the programme evaluations by term, and a new one. */
export default function EvaluationsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useSignedInViewer();
  const [, navigate] = useLocation();
  const context = useMemo(() => ({ additionalTypenames: ['Evaluation'] }), []);
  const [result, refetch] = useQuery({
    query: ConventionEvaluationsQuery,
    variables: { id },
    context,
  });
  const convention = result.data?.node?.__typename === 'Convention' ? result.data.node : null;
  useDocumentTitle(
    convention ? t('evaluations.titleOf', { title: convention.title }) : t('evaluations.title'),
  );

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

  return (
    <main id="main" className="page" tabIndex={-1}>
      <ProgrammeHeader
        convention={convention}
        current="evaluations"
        title={t('evaluations.title')}
      />
      <p className="lead">{t('evaluations.lead')}</p>
      {canEdit(viewer) && convention.terms.length > 0 && (
        <Disclosure label={t('evaluations.new')}>
          {() => (
            <CreateEvaluationForm
              convention={convention}
              onCreated={(evaluation) => navigate(`/evaluations/${encodeURIComponent(evaluation)}`)}
            />
          )}
        </Disclosure>
      )}
      {convention.evaluations.length === 0 ? (
        <Empty>{t('evaluations.empty')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">
              {t('evaluations.caption', { title: convention.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.columns.evaluation')}</th>
                <th scope="col">{t('evaluations.columns.status')}</th>
                <th scope="col">{t('approval.title')}</th>
                <th scope="col">{t('evaluations.columns.communication')}</th>
              </tr>
            </thead>
            <tbody>
              {convention.evaluations.map((evaluation) => (
                <tr key={evaluation.id}>
                  <td>
                    <Link href={`/evaluations/${encodeURIComponent(evaluation.id)}`}>
                      {evaluationTitle(t, evaluation)}
                    </Link>
                  </td>
                  <td>
                    <EvaluationStatusBadge status={evaluation.status} />
                  </td>
                  <td>
                    {format.list(
                      evaluation.approval.parties.map((party) =>
                        party.approved
                          ? t('approval.partyApproved', { party: party.collectivity.name })
                          : t('approval.partyWaiting', { party: party.collectivity.name }),
                      ),
                    )}
                  </td>
                  <td>
                    {evaluation.communicatedAt
                      ? t('evaluations.communicatedTo', {
                          body: evaluation.communicatedTo ?? '',
                          date: format.date(evaluation.communicatedAt),
                        })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

function CreateEvaluationForm({
  convention,
  onCreated,
}: {
  convention: Convention;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const years = yearsBetween(allowedYearsOfTerms(convention.terms));
  const thisYear = yearOf(today(Intl.DateTimeFormat().resolvedOptions().timeZone));
  // The year just closed is the one usually evaluated (due by 31 March, A6).
  const defaultYear = years.includes(thisYear - 1) ? thisYear - 1 : (years.at(-1) ?? thisYear);
  const [scope, setScope] = useState<'ANNUAL' | 'PROGRAMME'>('ANNUAL');
  const [year, setYear] = useState(String(defaultYear));
  const [termNumber, setTermNumber] = useState(String(convention.terms.at(-1)?.number ?? 1));
  const form = useFormFailure(['scope', 'year', 'termNumber']);
  const [state, create] = useMutation(CreateEvaluationMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const result = await create({
      input: {
        conventionId: convention.id,
        scope,
        ...(scope === 'ANNUAL' ? { year: Number(year) } : { termNumber: Number(termNumber) }),
      },
    });
    const outcome = outcomeOf(result.data?.createEvaluation, result.error);
    if (outcome.ok) onCreated(outcome.value.evaluation.id);
    else form.report(outcome.failure);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert form={form} />
      <Field form={form} name="scope" label={t('evaluations.scope')}>
        {(control) => (
          <select
            {...control}
            value={scope}
            onChange={(event) =>
              setScope(event.target.value === 'PROGRAMME' ? 'PROGRAMME' : 'ANNUAL')
            }
          >
            <option value="ANNUAL">{t('evaluations.scopes.ANNUAL')}</option>
            <option value="PROGRAMME">{t('evaluations.scopes.PROGRAMME')}</option>
          </select>
        )}
      </Field>
      {scope === 'ANNUAL' ? (
        <Field form={form} name="year" label={t('evaluations.year')}>
          {(control) => (
            <select {...control} value={year} onChange={(event) => setYear(event.target.value)}>
              {years.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field form={form} name="termNumber" label={t('evaluations.term')}>
          {(control) => (
            <select
              {...control}
              value={termNumber}
              onChange={(event) => setTermNumber(event.target.value)}
            >
              {convention.terms.map((term) => (
                <option key={term.number} value={term.number}>
                  {t('convention.termLine', {
                    number: term.number,
                    start: format.date(term.startDate),
                    end: format.date(term.endDate),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <SubmitButton busy={state.fetching} label={t('evaluations.create')} />
    </form>
  );
}
