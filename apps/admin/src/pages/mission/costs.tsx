import {
  MISSION_COST_CATEGORIES,
  MISSION_COST_PAYER_ROLE,
  type MissionCostCategory,
} from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorFields } from '../../errors/error-fields.js';
import { outcomeOf, renameFields } from '../../errors/outcome.js';
import { moneyInputOf } from '../../format/money-input.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure } from '../../forms.js';
import { graphql } from '../../graphql.js';
import { costSplit, type CostDraft } from '../../missions/cost-split.js';
import { Empty } from '../../status.js';
import type { Mission } from './mission-query.js';

const AddMissionCostMutation = graphql(
  `
    mutation AddMissionCost($input: AddMissionCostInput!) {
      addMissionCost(input: $input) {
        __typename
        ... on AddMissionCostSuccess {
          mission {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const UpdateMissionCostMutation = graphql(
  `
    mutation UpdateMissionCost($input: UpdateMissionCostInput!) {
      updateMissionCost(input: $input) {
        __typename
        ... on UpdateMissionCostSuccess {
          mission {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RemoveMissionCostMutation = graphql(
  `
    mutation RemoveMissionCost($input: RemoveMissionCostInput!) {
      removeMissionCost(input: $input) {
        __typename
        ... on RemoveMissionCostSuccess {
          mission {
            id
            version
          }
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFields],
);

const RENAMES = {
  'amount.amount': 'amount',
  'amount.currency': 'currency',
  'payerException.payerId': 'payerId',
  'payerException.reason': 'reason',
};
const FIELDS = ['category', 'label', 'amount', 'currency', 'payerId', 'reason'];

interface OpenCost {
  readonly key: string;
  readonly draft: CostDraft;
  readonly initial: CostDraft;
}

type Cost = Mission['costs'][number];

function costDraft(cost: Cost): CostDraft {
  return {
    id: cost.id,
    category: cost.category,
    label: cost.label,
    amount: cost.amount.amount,
    currency: cost.amount.currency,
    payerId: cost.exception ? cost.payer.id : '',
    reason: cost.exception?.reason ?? '',
  };
}

/**
 * A4.5, the shared-cost rule: each cost line's payer by its category — international transport
 * by the travelling party, the stay by the host — or a written exception, and the split per
 * party and currency. While a line is typed, the domain assigns its payer and splits the costs
 * at once; the server assigns them again when it is sent.
 */
export function CostsSection({
  mission,
  editable,
  onReload,
}: {
  mission: Mission;
  editable: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<OpenCost | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const removal = useFormFailure([]);
  const [removing, removeCost] = useMutation(RemoveMissionCostMutation);
  const changedDraft =
    open && JSON.stringify(open.draft) !== JSON.stringify(open.initial) ? open.draft : null;
  const split = costSplit(mission, changedDraft);
  const names = new Map([
    [mission.origin.id, mission.origin.name],
    [mission.host.id, mission.host.name],
  ]);
  const currencies = [
    ...new Set([
      mission.origin.currency,
      mission.host.currency,
      mission.convention.reportingCurrency,
    ]),
  ];
  const shares = split.preview
    ? (split.shares ?? []).map((share) => ({
        id: share.party,
        name: names.get(share.party) ?? '',
        amounts: share.amounts,
      }))
    : mission.costSharing.map((share) => ({
        id: share.collectivity.id,
        name: share.collectivity.name,
        amounts: share.amounts,
      }));

  const newCost: CostDraft = {
    id: null,
    category: 'INTERNATIONAL_TRANSPORT',
    label: '',
    amount: '',
    currency: mission.origin.currency,
    payerId: '',
    reason: '',
  };
  const toggle = (key: string, draft: CostDraft) =>
    setOpen((current) => (current?.key === key ? null : { key, draft, initial: draft }));

  async function remove(cost: Cost) {
    removal.clear();
    setSaved(null);
    const result = await removeCost({ input: { id: cost.id, version: mission.version } });
    const outcome = outcomeOf(result.data?.removeMissionCost, result.error);
    if (outcome.ok) setSaved(t('missions.costRemoved'));
    else removal.report(outcome.failure);
  }

  const label = (cost: Cost) => cost.label || t(`missions.costCategories.${cost.category}`);

  return (
    <section aria-labelledby="costs-heading">
      <h2 id="costs-heading">{t('missions.costs')}</h2>
      <p className="hint">{t('missions.rule')}</p>
      {mission.costs.length === 0 ? (
        <Empty>{t('missions.noCosts')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('missions.costs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('missions.fields.costCategory')}</th>
                <th scope="col">{t('missions.fields.label')}</th>
                <th scope="col" className="number">
                  {t('missions.fields.amount')}
                </th>
                <th scope="col">{t('missions.fields.payer')}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {mission.costs.map((cost) => (
                <tr key={cost.id} data-exception={cost.exception ? 'true' : undefined}>
                  <td>{t(`missions.costCategories.${cost.category}`)}</td>
                  <td>{cost.label || '—'}</td>
                  <td className="number">{format.money(cost.amount)}</td>
                  <td>
                    <span className="block">{cost.payer.name}</span>
                    {cost.exception ? (
                      <span className="flag block">
                        {t('missions.exception', {
                          party: cost.payerByRule.name,
                          reason: cost.exception.reason,
                        })}
                      </span>
                    ) : (
                      <span className="muted block">{t('missions.byRule')}</span>
                    )}
                  </td>
                  {editable && (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="link"
                        aria-expanded={open?.key === cost.id}
                        onClick={() => toggle(cost.id, costDraft(cost))}
                      >
                        {t('missions.editCost', { what: label(cost) })}
                      </button>
                      <button
                        type="button"
                        className="link danger"
                        disabled={removing.fetching}
                        onClick={() => void remove(cost)}
                      >
                        {t('missions.removeCost', { what: label(cost) })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormAlert form={removal} onReload={onReload} />
      <p className="saved" role="status">
        {saved}
      </p>
      {open && (
        <CostForm
          key={open.key}
          open={open}
          mission={mission}
          currencies={currencies}
          onChange={(draft) => setOpen({ ...open, draft })}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            setSaved(t('missions.costSaved'));
          }}
          onReload={onReload}
        />
      )}
      {editable && (
        <button
          type="button"
          aria-expanded={open?.key === 'new'}
          onClick={() => toggle('new', newCost)}
        >
          {t('missions.addCost')}
        </button>
      )}

      <div
        className="cost-split"
        data-testid="cost-split"
        data-source={split.preview ? 'preview' : 'saved'}
      >
        <h3>{t('missions.split')}</h3>
        <p className={`figures-source ${split.preview ? 'preview' : 'saved'}`}>
          {split.preview ? t('missions.splitPreview') : t('missions.splitSaved')}
        </p>
        <table className="list compact">
          <caption className="visually-hidden">{t('missions.split')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('missions.party')}</th>
              <th scope="col">{t('missions.pays')}</th>
            </tr>
          </thead>
          <tbody>
            {shares.map((share) => (
              <tr key={share.id}>
                <th scope="row">{share.name}</th>
                <td>
                  {share.amounts.length === 0
                    ? t('missions.nothing')
                    : share.amounts.map((money, index) => (
                        <span key={money.currency}>
                          {index > 0 && ' + '}
                          {format.money(money)}
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CostForm({
  open,
  mission,
  currencies,
  onChange,
  onClose,
  onSaved,
  onReload,
}: {
  open: OpenCost;
  mission: Mission;
  currencies: readonly string[];
  onChange: (draft: CostDraft) => void;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { draft } = open;
  const form = useFormFailure(FIELDS);
  const [adding, addCost] = useMutation(AddMissionCostMutation);
  const [updating, updateCost] = useMutation(UpdateMissionCostMutation);
  const set = (changes: Partial<CostDraft>) => onChange({ ...draft, ...changes });
  const parties = [mission.origin, mission.host];
  // The line's payer by the rule, and as chosen: the domain's answer on what is typed.
  const line = costSplit(mission, draft).draft;
  const byRule = line?.payerByRule ?? '';
  const chosen = draft.payerId || byRule;
  const exception = chosen !== byRule;
  const payer = line?.payer;
  const amount = line?.amount;
  const ruleName = parties.find((party) => party.id === byRule)?.name ?? '';

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const common = {
      category: draft.category,
      label: draft.label,
      amount: moneyInputOf(draft.amount, draft.currency),
      payerException: exception ? { payerId: chosen, reason: draft.reason } : null,
    };
    const outcome =
      draft.id === null
        ? await addCost({
            input: { missionId: mission.id, version: mission.version, ...common },
          }).then((result) => outcomeOf(result.data?.addMissionCost, result.error))
        : await updateCost({ input: { id: draft.id, version: mission.version, ...common } }).then(
            (result) => outcomeOf(result.data?.updateMissionCost, result.error),
          );
    if (!outcome.ok) {
      form.report(renameFields(outcome.failure, RENAMES));
      return;
    }
    // The server's payers and split replace the preview at once: closing the form before they
    // arrive would show the split without the new line for a moment.
    await onReload();
    onSaved();
  }

  const amountHint =
    amount && !amount.ok && amount.error.code !== 'REQUIRED'
      ? t(`budget.amountHints.${amount.error.code}`, {
          currency: draft.currency,
          count: 'decimals' in amount.error ? amount.error.decimals : 0,
        })
      : undefined;

  return (
    <div className="item-form">
      <h3>
        {draft.id === null
          ? t('missions.newCost')
          : t('missions.editCost', { what: open.initial.label })}
      </h3>
      <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert form={form} onReload={onReload} />
        <div className="field-row">
          <Field form={form} name="category" label={t('missions.fields.costCategory')}>
            {(control) => (
              <select
                {...control}
                value={draft.category}
                onChange={(event) => set({ category: event.target.value as MissionCostCategory })}
              >
                {MISSION_COST_CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {t(`missions.costCategories.${category}`)} —{' '}
                    {t(`missions.payerRoles.${MISSION_COST_PAYER_ROLE[category]}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="label" label={t('missions.fields.label')}>
            {(control) => (
              <input
                {...control}
                value={draft.label}
                onChange={(event) => set({ label: event.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field form={form} name="amount" label={t('missions.fields.amount')} hint={amountHint}>
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                autoComplete="off"
                value={draft.amount}
                onChange={(event) => set({ amount: event.target.value })}
              />
            )}
          </Field>
          <Field form={form} name="currency" label={t('budget.fields.currency')}>
            {(control) => (
              <select
                {...control}
                value={draft.currency}
                onChange={(event) => set({ currency: event.target.value })}
              >
                {currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field
          form={form}
          name="payerId"
          label={t('missions.fields.payer')}
          hint={t('missions.payerByRule', { party: ruleName })}
        >
          {(control) => (
            <select
              {...control}
              value={chosen}
              onChange={(event) =>
                set({ payerId: event.target.value === byRule ? '' : event.target.value })
              }
            >
              {parties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.id === byRule
                    ? t('missions.payerOptionRule', { party: party.name })
                    : t('missions.payerOptionException', { party: party.name })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {exception && (
          <Field
            form={form}
            name="reason"
            label={t('missions.fields.reason')}
            hint={
              payer && !payer.ok && payer.error.code === 'OVERRIDE_WITHOUT_REASON'
                ? t('errors.codes.OVERRIDE_WITHOUT_REASON')
                : t('missions.fields.reasonHint')
            }
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={draft.reason}
                onChange={(event) => set({ reason: event.target.value })}
              />
            )}
          </Field>
        )}
        <p className="preview" role="status" data-testid="cost-payer">
          {amount?.ok && payer?.ok
            ? t(payer.exception ? 'missions.linePaidByException' : 'missions.linePaidBy', {
                party: parties.find((party) => party.id === payer.value)?.name ?? '',
                amount: format.money(amount.value),
              })
            : payer?.ok
              ? t('missions.linePayer', {
                  party: parties.find((party) => party.id === payer.value)?.name ?? '',
                })
              : null}
        </p>
        <div className="form-actions">
          <SubmitButton
            busy={adding.fetching || updating.fetching}
            label={draft.id === null ? t('missions.addCostSubmit') : t('common.save')}
          />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
