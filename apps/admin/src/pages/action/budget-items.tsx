import { EXPENSE_CATEGORIES, parseIsoDate, type FundingStatus } from '@coop/domain';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { BudgetItemDraft } from '../../budgets/budget-draft.js';
import { staffValueOf } from '../../budgets/budget-draft.js';
import { clientIssues, outcomeOf, renameFields, type Failure } from '../../errors/outcome.js';
import { moneyInputOf, normaliseDecimal, readMoney } from '../../format/money-input.js';
import type { MoneyValue } from '../../format/money.js';
import { useFormat } from '../../format/use-format.js';
import { Field, FormAlert, SubmitButton, useFormFailure, type FormFailure } from '../../forms.js';
import {
  AddBudgetLineMutation,
  AddContributionMutation,
  AddStaffAssignmentMutation,
  RecordExecutionMutation,
  UpdateBudgetLineMutation,
  UpdateContributionMutation,
  UpdateStaffAssignmentMutation,
} from './budget-mutations.js';
import { OrganizationPicker } from './organization-picker.js';

export const FUNDING_STATUSES: readonly FundingStatus[] = ['REQUESTED', 'GRANTED', 'RECEIVED'];

/** One open form of the editor: its draft as typed, and as it was when opened. */
export interface OpenForm {
  readonly key: string;
  readonly draft: BudgetItemDraft;
  readonly initial: BudgetItemDraft;
}

/** The API names a money's problems "amount.amount"; the domain's land on "amount". */
const RENAMES = {
  'amount.amount': 'amount',
  'amount.currency': 'currency',
  'dailyCost.amount': 'dailyCost',
  'dailyCost.currency': 'currency',
  collectivityId: 'partyId',
};

const FIELDS: Record<BudgetItemDraft['item'], readonly string[]> = {
  line: ['category', 'label', 'amount', 'currency'],
  contribution: ['partyId', 'kind', 'description', 'amount', 'currency'],
  funder: ['organizationId', 'fundingStatus', 'amount', 'currency'],
  staff: ['partyId', 'role', 'days', 'dailyCost', 'currency'],
};

/** A typed amount that does not read, said as the person types (the domain's reason). */
function useAmountHint() {
  const { t } = useTranslation();
  return (text: string, currency: string): string | undefined => {
    const read = readMoney(text, currency);
    if (read.ok || read.error.code === 'REQUIRED') return undefined;
    return t(`budget.amountHints.${read.error.code}`, {
      currency,
      count: 'decimals' in read.error ? read.error.decimals : 0,
    });
  };
}

function AmountFields({
  form,
  name,
  label,
  amount,
  currency,
  currencies,
  onAmount,
  onCurrency,
}: {
  form: FormFailure;
  name: 'amount' | 'dailyCost';
  label: string;
  amount: string;
  currency: string;
  currencies: readonly string[];
  onAmount: (value: string) => void;
  onCurrency: (value: string) => void;
}) {
  const { t } = useTranslation();
  const hint = useAmountHint();
  return (
    <div className="field-row">
      <Field form={form} name={name} label={label} hint={hint(amount, currency)}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(event) => onAmount(event.target.value)}
          />
        )}
      </Field>
      <Field form={form} name="currency" label={t('budget.fields.currency')}>
        {(control) => (
          <select
            {...control}
            value={currency}
            onChange={(event) => onCurrency(event.target.value)}
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
  );
}

/** The fields of `draft` that differ from the form as it opened. */
function changed<D extends BudgetItemDraft>(draft: D, initial: BudgetItemDraft): Set<keyof D> {
  const before = initial as D;
  return new Set((Object.keys(draft) as (keyof D)[]).filter((key) => draft[key] !== before[key]));
}

/**
 * One budget item being added or changed. Each keystroke goes up to the editor, which checks the
 * budget with the domain at once; the change is sent with the budget version seen, and a refusal
 * (a stale version included) leaves everything typed in place.
 */
export function BudgetItemForm({
  form: open,
  heading,
  actionId,
  budgetVersion,
  currencies,
  onChange,
  onClose,
  onSaved,
  onReload,
}: {
  form: OpenForm;
  heading: string;
  actionId: string;
  budgetVersion: number;
  currencies: readonly string[];
  onChange: (draft: BudgetItemDraft) => void;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { draft, initial } = open;
  const form = useFormFailure(FIELDS[draft.item]);
  const [addingLine, addLine] = useMutation(AddBudgetLineMutation);
  const [updatingLine, updateLine] = useMutation(UpdateBudgetLineMutation);
  const [addingContribution, addContribution] = useMutation(AddContributionMutation);
  const [updatingContribution, updateContribution] = useMutation(UpdateContributionMutation);
  const [addingStaff, addStaff] = useMutation(AddStaffAssignmentMutation);
  const [updatingStaff, updateStaff] = useMutation(UpdateStaffAssignmentMutation);
  const [reloading, setReloading] = useState(false);
  const busy =
    reloading ||
    [
      addingLine,
      updatingLine,
      addingContribution,
      updatingContribution,
      addingStaff,
      updatingStaff,
    ].some((state) => state.fetching);

  const set = <D extends BudgetItemDraft>(current: D, changes: Partial<D>) =>
    onChange({ ...current, ...changes });

  async function done(answer: { ok: true } | { ok: false; failure: Failure }) {
    if (!answer.ok) {
      form.report(renameFields(answer.failure, RENAMES));
      return;
    }
    // The server's figures of the new version replace the preview at once: closing the form
    // before they arrive would show the previous version's figures for a moment.
    setReloading(true);
    await onReload();
    setReloading(false);
    onSaved();
  }

  async function send(): Promise<{ ok: true } | { ok: false; failure: Failure }> {
    // What is sent: for a new item everything, for a saved one only what changed.
    switch (draft.item) {
      case 'line': {
        const edits = changed(draft, initial);
        const amount = moneyInputOf(draft.amount, draft.currency);
        if (draft.id === null) {
          const result = await addLine({
            input: {
              actionId,
              budgetVersion,
              category: draft.category,
              label: draft.label,
              amount,
            },
          });
          return outcomeOf(result.data?.addBudgetLine, result.error);
        }
        const result = await updateLine({
          input: {
            id: draft.id,
            budgetVersion,
            ...(edits.has('category') ? { category: draft.category } : {}),
            ...(edits.has('label') ? { label: draft.label } : {}),
            ...(edits.has('amount') || edits.has('currency') ? { amount } : {}),
          },
        });
        return outcomeOf(result.data?.updateBudgetLine, result.error);
      }
      case 'contribution': {
        const edits = changed(draft, initial);
        const amount = moneyInputOf(draft.amount, draft.currency);
        if (draft.id === null) {
          const result = await addContribution({
            input: {
              actionId,
              budgetVersion,
              kind: draft.kind,
              partyId: draft.partyId,
              amount,
              description: draft.description,
            },
          });
          return outcomeOf(result.data?.addContribution, result.error);
        }
        const result = await updateContribution({
          input: {
            id: draft.id,
            budgetVersion,
            ...(edits.has('description') ? { description: draft.description } : {}),
            ...(edits.has('amount') || edits.has('currency') ? { amount } : {}),
          },
        });
        return outcomeOf(result.data?.updateContribution, result.error);
      }
      case 'funder': {
        const edits = changed(draft, initial);
        const amount = moneyInputOf(draft.amount, draft.currency);
        if (draft.id === null) {
          const result = await addContribution({
            input: {
              actionId,
              budgetVersion,
              kind: 'FUNDER',
              organizationId: draft.organizationId,
              fundingStatus: draft.fundingStatus,
              amount,
            },
          });
          return outcomeOf(result.data?.addContribution, result.error);
        }
        const result = await updateContribution({
          input: {
            id: draft.id,
            budgetVersion,
            ...(edits.has('fundingStatus') ? { fundingStatus: draft.fundingStatus } : {}),
            ...(edits.has('organizationId') ? { organizationId: draft.organizationId } : {}),
            ...(edits.has('amount') || edits.has('currency') ? { amount } : {}),
          },
        });
        return outcomeOf(result.data?.updateContribution, result.error);
      }
      case 'staff': {
        const edits = changed(draft, initial);
        const dailyCost = moneyInputOf(draft.dailyCost, draft.currency);
        const days = normaliseDecimal(draft.days);
        if (draft.id === null) {
          const result = await addStaff({
            input: {
              actionId,
              budgetVersion,
              collectivityId: draft.partyId,
              role: draft.role,
              days,
              dailyCost,
            },
          });
          return outcomeOf(result.data?.addStaffAssignment, result.error);
        }
        const result = await updateStaff({
          input: {
            id: draft.id,
            budgetVersion,
            ...(edits.has('role') ? { role: draft.role } : {}),
            ...(edits.has('days') ? { days } : {}),
            ...(edits.has('dailyCost') || edits.has('currency') ? { dailyCost } : {}),
          },
        });
        return outcomeOf(result.data?.updateStaffAssignment, result.error);
      }
    }
  }

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const answer = await send();
    await done(answer.ok ? { ok: true } : answer);
  }

  const staffValue =
    draft.item === 'staff' ? staffValueOf(draft.days, draft.dailyCost, draft.currency) : null;

  return (
    <div className="item-form">
      <h4>{heading}</h4>
      {draft.item === 'funder' && draft.organizationId === '' && (
        <OrganizationPicker
          label={t('budget.fields.funder')}
          onPick={(organization) =>
            set(draft, { organizationId: organization.id, organizationName: organization.name })
          }
        />
      )}
      <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert form={form} onReload={onReload} />
        {draft.item === 'line' && (
          <>
            <div className="field-row">
              <Field form={form} name="category" label={t('budget.fields.category')}>
                {(control) => (
                  <select
                    {...control}
                    value={draft.category}
                    onChange={(event) =>
                      set(draft, {
                        category: event.target.value as (typeof EXPENSE_CATEGORIES)[number],
                      })
                    }
                  >
                    {EXPENSE_CATEGORIES.map((category) => (
                      <option key={category} value={category}>
                        {t(`budget.categories.${category}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field form={form} name="label" label={t('budget.fields.label')}>
                {(control) => (
                  <input
                    {...control}
                    value={draft.label}
                    onChange={(event) => set(draft, { label: event.target.value })}
                  />
                )}
              </Field>
            </div>
            <AmountFields
              form={form}
              name="amount"
              label={t('budget.fields.amount')}
              amount={draft.amount}
              currency={draft.currency}
              currencies={currencies}
              onAmount={(amount) => set(draft, { amount })}
              onCurrency={(currency) => set(draft, { currency })}
            />
          </>
        )}
        {draft.item === 'contribution' && (
          <>
            {draft.id === null && (
              <Field form={form} name="kind" label={t('budget.fields.kind')}>
                {(control) => (
                  <select
                    {...control}
                    value={draft.kind}
                    onChange={(event) =>
                      set(draft, { kind: event.target.value as 'PARTY_CASH' | 'PARTY_IN_KIND' })
                    }
                  >
                    <option value="PARTY_CASH">{t('budget.kinds.PARTY_CASH')}</option>
                    <option value="PARTY_IN_KIND">{t('budget.kinds.PARTY_IN_KIND')}</option>
                  </select>
                )}
              </Field>
            )}
            {draft.kind === 'PARTY_IN_KIND' && (
              <Field
                form={form}
                name="description"
                label={t('budget.fields.inKind')}
                hint={t('budget.fields.inKindHint')}
              >
                {(control) => (
                  <input
                    {...control}
                    value={draft.description}
                    onChange={(event) => set(draft, { description: event.target.value })}
                  />
                )}
              </Field>
            )}
            <AmountFields
              form={form}
              name="amount"
              label={t('budget.fields.amount')}
              amount={draft.amount}
              currency={draft.currency}
              currencies={currencies}
              onAmount={(amount) => set(draft, { amount })}
              onCurrency={(currency) => set(draft, { currency })}
            />
          </>
        )}
        {draft.item === 'funder' && (
          <>
            {draft.organizationId !== '' && (
              <p>
                {t('budget.fields.funderChosen', { name: draft.organizationName })}{' '}
                {draft.id === null && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => set(draft, { organizationId: '', organizationName: '' })}
                  >
                    {t('organizations.chooseAnother')}
                  </button>
                )}
              </p>
            )}
            <Field form={form} name="fundingStatus" label={t('budget.fields.fundingStatus')}>
              {(control) => (
                <select
                  {...control}
                  value={draft.fundingStatus}
                  onChange={(event) =>
                    set(draft, { fundingStatus: event.target.value as FundingStatus })
                  }
                >
                  {FUNDING_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`budget.fundingStatuses.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <AmountFields
              form={form}
              name="amount"
              label={t('budget.fields.amount')}
              amount={draft.amount}
              currency={draft.currency}
              currencies={currencies}
              onAmount={(amount) => set(draft, { amount })}
              onCurrency={(currency) => set(draft, { currency })}
            />
          </>
        )}
        {draft.item === 'staff' && (
          <>
            <Field
              form={form}
              name="role"
              label={t('budget.fields.role')}
              hint={t('budget.fields.roleHint')}
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.role}
                  onChange={(event) => set(draft, { role: event.target.value })}
                />
              )}
            </Field>
            <Field
              form={form}
              name="days"
              label={t('budget.fields.days')}
              hint={t('budget.fields.daysHint')}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="decimal"
                  value={draft.days}
                  onChange={(event) => set(draft, { days: event.target.value })}
                />
              )}
            </Field>
            <AmountFields
              form={form}
              name="dailyCost"
              label={t('budget.fields.dailyCost')}
              amount={draft.dailyCost}
              currency={draft.currency}
              currencies={currencies}
              onAmount={(dailyCost) => set(draft, { dailyCost })}
              onCurrency={(currency) => set(draft, { currency })}
            />
            <p className="preview" role="status">
              {staffValue
                ? t('budget.staffValue', { value: format.money(staffValue) })
                : t('budget.staffValueEmpty')}
            </p>
          </>
        )}
        <div className="form-actions">
          <SubmitButton
            busy={busy}
            label={draft.id === null ? t('budget.add') : t('common.save')}
          />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** What was actually spent, paid or worked (staff time: the days worked), and when. */
export function ExecutionForm({
  item,
  heading,
  onClose,
  onSaved,
  onReload,
}: {
  item:
    | {
        kind: 'money';
        id: string;
        version: number;
        executed: MoneyValue | null;
        currency: string;
        executedOn: string | null;
      }
    | {
        kind: 'days';
        id: string;
        version: number;
        executedDays: string | null;
        executedOn: string | null;
      };
  heading: string;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const hint = useAmountHint();
  const [value, setValue] = useState(
    item.kind === 'money' ? (item.executed?.amount ?? '') : (item.executedDays ?? ''),
  );
  const [executedOn, setExecutedOn] = useState(item.executedOn ?? '');
  const field = item.kind === 'money' ? 'executed' : 'executedDays';
  const form = useFormFailure([field, 'executedOn']);
  const [state, record] = useMutation(RecordExecutionMutation);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const date = executedOn ? parseIsoDate(executedOn) : null;
    if (date && !date.ok) {
      const local = clientIssues([
        { path: ['input', 'executedOn'], code: 'INVALID_DATE', message: '' },
      ]);
      if (local) form.report(local);
      return;
    }
    const typed = value.trim();
    const result = await record({
      input: {
        itemId: item.id,
        version: item.version,
        executedOn: date?.ok ? date.value : null,
        // Emptied: the execution is cleared.
        ...(item.kind === 'money'
          ? { executed: typed ? moneyInputOf(typed, item.currency) : null }
          : { executedDays: typed ? normaliseDecimal(typed) : null }),
      },
    });
    const outcome = outcomeOf(result.data?.recordExecution, result.error);
    if (outcome.ok) onSaved();
    else form.report(renameFields(outcome.failure, { 'executed.amount': 'executed' }));
  }

  return (
    <div className="item-form">
      <h4>{heading}</h4>
      <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert form={form} onReload={onReload} />
        <div className="field-row">
          <Field
            form={form}
            name={field}
            label={
              item.kind === 'money'
                ? t('budget.fields.executed', { currency: item.currency })
                : t('budget.fields.executedDays')
            }
            hint={item.kind === 'money' ? hint(value, item.currency) : undefined}
          >
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                autoComplete="off"
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            )}
          </Field>
          <Field form={form} name="executedOn" label={t('budget.fields.executedOn')}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={executedOn}
                onChange={(event) => setExecutedOn(event.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <SubmitButton busy={state.fetching} label={t('budget.recordExecution')} />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
