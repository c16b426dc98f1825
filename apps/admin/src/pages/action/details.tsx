import { ACTION_STATUSES, checkActionTransition, type ActionStatus } from '@coop/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { FormAlert, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { Disclosure } from '../convention/disclosure.js';
import { EditActionForm } from './action-form.js';
import type { Action } from './action-query.js';
import { ActionStatusBadge } from './action-status.js';

const ChangeActionStatusMutation = graphql(
  `
    mutation ChangeActionStatus($input: UpdateActionInput!) {
      updateAction(input: $input) {
        __typename
        ... on UpdateActionSuccess {
          action {
            id
            version
            status
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

/** The statuses an action may move to from its own (the domain's transitions). */
function nextStatuses(status: ActionStatus): ActionStatus[] {
  const ready = { budgetAgreed: true, specificConventionSigned: true };
  return ACTION_STATUSES.filter(
    (to) => to !== status && checkActionTransition(status, to, ready).ok,
  );
}

/**
 * PLANNED → IN_PROGRESS → COMPLETED, CANCELLED from either. An action starts only once its budget
 * is agreed by every party and its specific convention signed (A4.1): the domain says what is
 * missing before the person asks, and the server's refusal names it again.
 */
export function StatusSection({
  action,
  editable,
  onReload,
}: {
  action: Action;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useFormFailure([]);
  const [state, update] = useMutation(ChangeActionStatusMutation);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const conditions = {
    budgetAgreed: action.budget.approval.state === 'AGREED',
    specificConventionSigned: action.specificConvention?.signed ?? false,
  };
  const start = checkActionTransition(action.status, 'IN_PROGRESS', conditions);
  const missing =
    !start.ok && start.error.code !== 'INVALID_ACTION_TRANSITION' ? start.error.blockers : [];

  async function move(status: ActionStatus) {
    form.clear();
    setDone(null);
    setConfirming(false);
    const result = await update({ input: { id: action.id, version: action.version, status } });
    const outcome = outcomeOf(result.data?.updateAction, result.error);
    if (outcome.ok) setDone(t(`actions.moved.${status}`));
    else form.report(outcome.failure);
  }

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('actions.status')}</h2>
      <p>
        <ActionStatusBadge status={action.status} />
      </p>
      {missing.length > 0 && (
        <div className="blockers-note" id="start-conditions">
          <p>{t('actions.startNeeds')}</p>
          <ul className="blockers">
            {missing.map((code) => (
              <li key={code}>{t(`errors.codes.${code}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <FormAlert form={form} onReload={onReload} />
      <p className="saved" role="status">
        {done}
      </p>
      {editable && (
        <div className="actions">
          {nextStatuses(action.status).map((status) =>
            status === 'CANCELLED' ? (
              confirming ? (
                <span key={status} className="confirm">
                  <button
                    type="button"
                    className="danger"
                    disabled={state.fetching}
                    onClick={() => void move(status)}
                  >
                    {t('actions.confirmCancel')}
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </span>
              ) : (
                <button key={status} type="button" onClick={() => setConfirming(true)}>
                  {t('actions.moveTo.CANCELLED')}
                </button>
              )
            ) : (
              <button
                key={status}
                type="button"
                className="primary"
                disabled={state.fetching}
                aria-describedby={
                  status === 'IN_PROGRESS' && missing.length > 0 ? 'start-conditions' : undefined
                }
                onClick={() => void move(status)}
              >
                {t(`actions.moveTo.${status}`)}
              </button>
            ),
          )}
        </div>
      )}
    </section>
  );
}

/** What the action is: its axis and dates (flagged outside the axis' period, A2), its sector. */
export function DetailsSection({
  action,
  editable,
  onReload,
}: {
  action: Action;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates =
    action.startDate && action.endDate
      ? t('actions.fromTo', {
          start: format.date(action.startDate),
          end: format.date(action.endDate),
        })
      : action.startDate
        ? t('actions.from', { start: format.date(action.startDate) })
        : action.endDate
          ? t('actions.until', { end: format.date(action.endDate) })
          : t('actions.undated');
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t('actions.details')}</h2>
      <dl className="facts">
        <dt>{t('actions.fields.axis')}</dt>
        <dd>
          {action.axis.title}{' '}
          <span className="muted">
            ({format.year(action.axis.periodStart)} – {format.year(action.axis.periodEnd)})
          </span>
        </dd>
        <dt>{t('actions.period')}</dt>
        <dd>
          {dates}
          {action.periodFlags.map((flag) => (
            <span key={flag.code} className="flag block" data-flag={flag.code}>
              {flag.code === 'UNDATED'
                ? t('actions.flags.UNDATED')
                : t('actions.flags.OUTSIDE_AXIS_PERIOD', {
                    start: format.date(flag.axisPeriodStart ?? action.axis.periodStart),
                    end: format.date(flag.axisPeriodEnd ?? action.axis.periodEnd),
                  })}
            </span>
          ))}
        </dd>
        <dt>{t('actions.fields.dacSector')}</dt>
        <dd>{action.dacSector ?? '—'}</dd>
      </dl>
      {action.description ? (
        <p className="prose">{action.description}</p>
      ) : (
        <p className="empty">{t('actions.noDescription')}</p>
      )}
      {editable && (
        <Disclosure label={t('actions.edit')}>
          {(close) => (
            <EditActionForm
              action={action}
              axes={action.convention.axes}
              onReload={onReload}
              onDone={close}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}
