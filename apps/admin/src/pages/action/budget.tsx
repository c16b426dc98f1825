import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { budgetFigures, type BudgetItemDraft } from '../../budgets/budget-draft.js';
import { outcomeOf } from '../../errors/outcome.js';
import { useFormat } from '../../format/use-format.js';
import { FormAlert, useFormFailure } from '../../forms.js';
import { ApprovalPanel } from '../../joint-approval.js';
import { Empty } from '../../status.js';
import { currenciesOf, type Action, type ActionBudget } from './action-query.js';
import { BudgetFiguresPanel, useViolationText } from './budget-figures.js';
import { BudgetItemForm, ExecutionForm, type OpenForm } from './budget-items.js';
import {
  RemoveBudgetLineMutation,
  RemoveContributionMutation,
  RemoveStaffAssignmentMutation,
} from './budget-mutations.js';

type Line = ActionBudget['lines'][number];
type ContributionRow = ActionBudget['contributions'][number];
type Staff = ActionBudget['staffAssignments'][number];

const same = (a: BudgetItemDraft, b: BudgetItemDraft) => JSON.stringify(a) === JSON.stringify(b);

function lineDraft(line: Line): BudgetItemDraft {
  return {
    item: 'line',
    id: line.id,
    category: line.category,
    label: line.label,
    amount: line.amount.amount,
    currency: line.amount.currency,
  };
}

function contributionDraft(row: ContributionRow): BudgetItemDraft {
  return row.kind === 'FUNDER'
    ? {
        item: 'funder',
        id: row.id,
        organizationId: row.funder?.id ?? '',
        organizationName: row.funder?.name ?? '',
        fundingStatus: row.fundingStatus ?? 'REQUESTED',
        amount: row.amount.amount,
        currency: row.amount.currency,
      }
    : {
        item: 'contribution',
        id: row.id,
        kind: row.kind,
        partyId: row.party?.id ?? '',
        description: row.description,
        amount: row.amount.amount,
        currency: row.amount.currency,
      };
}

function staffDraft(staff: Staff): BudgetItemDraft {
  return {
    item: 'staff',
    id: staff.id,
    partyId: staff.collectivity.id,
    role: staff.role,
    days: staff.days,
    dailyCost: staff.dailyCost.amount,
    currency: staff.dailyCost.currency,
  };
}

/**
 * The action's budget (A4, A5): expenses by category, each party's cash and in-kind contributions
 * and staff time (a party records only its own), co-funders, totals per currency and in the
 * reporting currency, the balance and what stands against approval — computed by the domain as
 * the person types, then confirmed by the server — and the parties' joint approval.
 */
export function BudgetSection({
  action,
  editable,
  ownCollectivityId,
  ownCurrency,
  onReload,
}: {
  action: Action;
  editable: boolean;
  ownCollectivityId: string;
  ownCurrency: string;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const budget = action.budget;
  const convention = action.convention;
  const currencies = currenciesOf(convention);
  const names = new Map(
    convention.parties.map((party) => [party.collectivity.id, party.collectivity.name]),
  );
  const isParty = names.has(ownCollectivityId);
  const defaultCurrency = currencies.includes(ownCurrency)
    ? ownCurrency
    : convention.reportingCurrency;
  const policy = {
    funderCap: convention.funderCapPercent,
    minimumShare: convention.minimumPartySharePercent,
  };
  const violationText = useViolationText(names);

  const [forms, setForms] = useState<readonly OpenForm[]>([]);
  const [executions, setExecutions] = useState<readonly string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const removal = useFormFailure([]);
  const [removingLine, removeLine] = useMutation(RemoveBudgetLineMutation);
  const [removingContribution, removeContribution] = useMutation(RemoveContributionMutation);
  const [removingStaff, removeStaff] = useMutation(RemoveStaffAssignmentMutation);
  const removing = removingLine.fetching || removingContribution.fetching || removingStaff.fetching;

  const changes = forms.filter((form) => !same(form.draft, form.initial)).map((form) => form.draft);
  const figures = budgetFigures(budget, convention, changes);
  const isOpen = (key: string) => forms.some((form) => form.key === key);
  const toggle = (key: string, draft: BudgetItemDraft) =>
    setForms((current) =>
      current.some((form) => form.key === key)
        ? current.filter((form) => form.key !== key)
        : [...current, { key, draft, initial: draft }],
    );
  const close = (key: string) => setForms((current) => current.filter((form) => form.key !== key));
  const change = (key: string, draft: BudgetItemDraft) =>
    setForms((current) => current.map((form) => (form.key === key ? { ...form, draft } : form)));
  const toggleExecution = (id: string) =>
    setExecutions((current) =>
      current.includes(id) ? current.filter((item) => item !== id) : [...current, id],
    );

  async function remove(
    kind: 'line' | 'contribution' | 'staff',
    id: string,
    what: string,
  ): Promise<void> {
    removal.clear();
    setSaved(null);
    const input = { id, budgetVersion: budget.version };
    const outcome =
      kind === 'line'
        ? await removeLine({ input }).then((r) => outcomeOf(r.data?.removeBudgetLine, r.error))
        : kind === 'contribution'
          ? await removeContribution({ input }).then((r) =>
              outcomeOf(r.data?.removeContribution, r.error),
            )
          : await removeStaff({ input }).then((r) =>
              outcomeOf(r.data?.removeStaffAssignment, r.error),
            );
    if (outcome.ok) setSaved(t('budget.removed', { what }));
    else removal.report(outcome.failure);
  }

  /** Edit, record what was executed, remove: the same three buttons on every row of the budget. */
  const rowActions = (
    id: string,
    what: string,
    kind: 'line' | 'contribution' | 'staff',
    draft: () => BudgetItemDraft,
  ) => (
    <td className="row-actions">
      <button
        type="button"
        className="link"
        aria-expanded={isOpen(`edit:${id}`)}
        onClick={() => toggle(`edit:${id}`, draft())}
      >
        {t('budget.editItem', { what })}
      </button>
      <button
        type="button"
        className="link"
        aria-expanded={executions.includes(id)}
        onClick={() => toggleExecution(id)}
      >
        {t('budget.executionOf', { what })}
      </button>
      <button
        type="button"
        className="link danger"
        disabled={removing}
        onClick={() => void remove(kind, id, what)}
      >
        {t('budget.removeItem', { what })}
      </button>
    </td>
  );

  /** The open forms that belong under one table. */
  const formsOf = (keys: (key: string) => boolean, heading: (form: OpenForm) => string) =>
    forms
      .filter((form) => keys(form.key))
      .map((form) => (
        <BudgetItemForm
          key={form.key}
          form={form}
          heading={heading(form)}
          actionId={action.id}
          budgetVersion={budget.version}
          currencies={currencies}
          onChange={(draft) => change(form.key, draft)}
          onClose={() => close(form.key)}
          onSaved={() => {
            close(form.key);
            setSaved(t('budget.savedItem'));
          }}
          onReload={onReload}
        />
      ));

  const executionOf = (
    id: string,
    heading: string,
    item: Parameters<typeof ExecutionForm>[0]['item'],
  ) =>
    executions.includes(id) && (
      <ExecutionForm
        key={`execution-${id}`}
        item={item}
        heading={heading}
        onClose={() => toggleExecution(id)}
        onSaved={() => {
          toggleExecution(id);
          setSaved(t('budget.executionSaved'));
        }}
        onReload={onReload}
      />
    );

  const newLine: BudgetItemDraft = {
    item: 'line',
    id: null,
    category: 'OTHER',
    label: '',
    amount: '',
    currency: defaultCurrency,
  };
  const newContribution: BudgetItemDraft = {
    item: 'contribution',
    id: null,
    kind: 'PARTY_CASH',
    partyId: ownCollectivityId,
    description: '',
    amount: '',
    currency: defaultCurrency,
  };
  const newStaff: BudgetItemDraft = {
    item: 'staff',
    id: null,
    partyId: ownCollectivityId,
    role: '',
    days: '',
    dailyCost: '',
    currency: defaultCurrency,
  };
  const newFunder: BudgetItemDraft = {
    item: 'funder',
    id: null,
    organizationId: '',
    organizationName: '',
    fundingStatus: 'REQUESTED',
    amount: '',
    currency: defaultCurrency,
  };

  const addButton = (key: string, draft: BudgetItemDraft, label: string) =>
    editable && (
      <button
        type="button"
        aria-expanded={isOpen(key)}
        onClick={() => toggle(key, draft)}
        className="add"
      >
        {label}
      </button>
    );

  // The saved version's blocking rules (A4.2, A4.4) and unsaved changes stand against approval.
  const blockers = [
    ...budget.violations
      .filter((violation) => violation.blocking)
      .map((violation) =>
        violationText(
          {
            code: violation.code,
            blocking: true,
            parties: violation.parties.map((party) => party.id),
            funders: violation.funders.map((funder) => funder.name),
            difference: violation.difference,
            sharePercent: violation.sharePercent,
            missingRate: violation.missingRate,
          },
          policy,
        ),
      ),
    ...(changes.length > 0 ? [t('budget.unsavedChanges')] : []),
  ];

  return (
    <section aria-labelledby="budget-heading" className="budget">
      <h2 id="budget-heading">{t('budget.title')}</h2>
      <p className="lead">
        {t('budget.version', { version: budget.version, date: format.date(budget.totals.date) })}
      </p>

      <BudgetFiguresPanel figures={figures} names={names} policy={policy} />
      <FormAlert form={removal} onReload={onReload} />
      <p className="saved" role="status">
        {saved}
      </p>

      <h3>{t('budget.expenses')}</h3>
      {budget.lines.length === 0 ? (
        <Empty>{t('budget.noExpenses')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('budget.expenses')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.fields.category')}</th>
                <th scope="col">{t('budget.fields.label')}</th>
                <th scope="col" className="number">
                  {t('budget.planned')}
                </th>
                <th scope="col" className="number">
                  {t('budget.executed')}
                </th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {budget.lines.map((line) => (
                <tr key={line.id}>
                  <td>{t(`budget.categories.${line.category}`)}</td>
                  <td>{line.label}</td>
                  <td className="number">{format.money(line.amount)}</td>
                  <td className="number">
                    {line.executed ? format.money(line.executed) : '—'}
                    {line.executedOn && (
                      <span className="muted block">{format.shortDate(line.executedOn)}</span>
                    )}
                  </td>
                  {editable && rowActions(line.id, line.label, 'line', () => lineDraft(line))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {budget.lines.map((line) =>
        executionOf(line.id, t('budget.executionOf', { what: line.label }), {
          kind: 'money',
          id: line.id,
          version: line.version,
          executed: line.executed,
          currency: line.amount.currency,
          executedOn: line.executedOn,
        }),
      )}
      {formsOf(
        (key) => key === 'new:line' || budget.lines.some((line) => key === `edit:${line.id}`),
        (form) =>
          form.draft.id === null
            ? t('budget.newExpense')
            : t('budget.editItem', {
                what: form.initial.item === 'line' ? form.initial.label : '',
              }),
      )}
      {addButton('new:line', newLine, t('budget.addExpense'))}

      <h3>{t('budget.resources')}</h3>
      {convention.parties.map(({ collectivity }) => {
        const own = collectivity.id === ownCollectivityId;
        const contributions = budget.contributions.filter(
          (row) => row.kind !== 'FUNDER' && row.party?.id === collectivity.id,
        );
        const staff = budget.staffAssignments.filter(
          (row) => row.collectivity.id === collectivity.id,
        );
        const canChange = editable && own;
        return (
          <div key={collectivity.id} className="party-resources" data-party={collectivity.name}>
            <h4>{t('budget.partyResources', { party: collectivity.name })}</h4>
            {!own && (
              <p className="hint">{t('budget.readOnlyParty', { party: collectivity.name })}</p>
            )}
            {contributions.length === 0 && staff.length === 0 ? (
              <Empty>{t('budget.partyGivesNothing', { party: collectivity.name })}</Empty>
            ) : (
              <div className="table-scroll">
                <table className="list">
                  <caption className="visually-hidden">
                    {t('budget.partyResources', { party: collectivity.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('budget.fields.kind')}</th>
                      <th scope="col">{t('budget.fields.what')}</th>
                      <th scope="col" className="number">
                        {t('budget.planned')}
                      </th>
                      <th scope="col" className="number">
                        {t('budget.executed')}
                      </th>
                      {canChange && (
                        <th scope="col">
                          <span className="visually-hidden">{t('common.actions')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {contributions.map((row) => {
                      const what =
                        row.kind === 'PARTY_IN_KIND'
                          ? row.description
                          : t('budget.kinds.PARTY_CASH');
                      return (
                        <tr key={row.id}>
                          <td>{t(`budget.kinds.${row.kind}`)}</td>
                          <td>{row.kind === 'PARTY_IN_KIND' ? row.description : '—'}</td>
                          <td className="number">{format.money(row.amount)}</td>
                          <td className="number">
                            {row.executed ? format.money(row.executed) : '—'}
                          </td>
                          {canChange &&
                            rowActions(row.id, what, 'contribution', () => contributionDraft(row))}
                        </tr>
                      );
                    })}
                    {staff.map((row) => {
                      const what = row.role || t('budget.kinds.STAFF_TIME');
                      return (
                        <tr key={row.id}>
                          <td>{t('budget.kinds.STAFF_TIME')}</td>
                          <td>
                            {row.role}{' '}
                            <span className="muted">
                              {t('budget.daysTimesCost', {
                                days: format.decimal(row.days),
                                cost: format.money(row.dailyCost),
                              })}
                            </span>
                          </td>
                          <td className="number">{format.money(row.value)}</td>
                          <td className="number">
                            {row.executed ? format.money(row.executed) : '—'}
                          </td>
                          {canChange && rowActions(row.id, what, 'staff', () => staffDraft(row))}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {canChange && (
              <>
                {contributions.map((row) =>
                  executionOf(
                    row.id,
                    t('budget.executionOf', {
                      what: row.description || t('budget.kinds.PARTY_CASH'),
                    }),
                    {
                      kind: 'money',
                      id: row.id,
                      version: row.version,
                      executed: row.executed,
                      currency: row.amount.currency,
                      executedOn: row.executedOn,
                    },
                  ),
                )}
                {staff.map((row) =>
                  executionOf(
                    row.id,
                    t('budget.executionOf', { what: row.role || t('budget.kinds.STAFF_TIME') }),
                    {
                      kind: 'days',
                      id: row.id,
                      version: row.version,
                      executedDays: row.executedDays,
                      executedOn: row.executedOn,
                    },
                  ),
                )}
                {formsOf(
                  (key) =>
                    key === 'new:contribution' ||
                    key === 'new:staff' ||
                    [...contributions, ...staff].some((row) => key === `edit:${row.id}`),
                  (form) =>
                    form.draft.id === null
                      ? form.draft.item === 'staff'
                        ? t('budget.newStaff', { party: collectivity.name })
                        : t('budget.newContribution', { party: collectivity.name })
                      : t('budget.editOwn', { party: collectivity.name }),
                )}
                <div className="actions">
                  {addButton(
                    'new:contribution',
                    newContribution,
                    t('budget.addContribution', { party: collectivity.name }),
                  )}
                  {addButton(
                    'new:staff',
                    newStaff,
                    t('budget.addStaff', { party: collectivity.name }),
                  )}
                </div>
              </>
            )}
          </div>
        );
      })}

      <h3>{t('budget.funders')}</h3>
      {budget.contributions.filter((row) => row.kind === 'FUNDER').length === 0 ? (
        <Empty>{t('budget.noFunders')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">{t('budget.funders')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.fields.funder')}</th>
                <th scope="col">{t('budget.fields.fundingStatus')}</th>
                <th scope="col" className="number">
                  {t('budget.planned')}
                </th>
                <th scope="col" className="number">
                  {t('budget.executed')}
                </th>
                {editable && isParty && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {budget.contributions
                .filter((row) => row.kind === 'FUNDER')
                .map((row) => {
                  const what = row.funder?.name ?? '';
                  return (
                    <tr key={row.id}>
                      <td>
                        <bdi>{what}</bdi>
                      </td>
                      <td>{t(`budget.fundingStatuses.${row.fundingStatus ?? 'REQUESTED'}`)}</td>
                      <td className="number">{format.money(row.amount)}</td>
                      <td className="number">{row.executed ? format.money(row.executed) : '—'}</td>
                      {editable &&
                        isParty &&
                        rowActions(row.id, what, 'contribution', () => contributionDraft(row))}
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      )}
      {budget.contributions
        .filter((row) => row.kind === 'FUNDER')
        .map((row) =>
          executionOf(row.id, t('budget.executionOf', { what: row.funder?.name ?? '' }), {
            kind: 'money',
            id: row.id,
            version: row.version,
            executed: row.executed,
            currency: row.amount.currency,
            executedOn: row.executedOn,
          }),
        )}
      {formsOf(
        (key) =>
          key === 'new:funder' ||
          budget.contributions.some((row) => row.kind === 'FUNDER' && key === `edit:${row.id}`),
        (form) =>
          form.draft.id === null
            ? t('budget.newFunder')
            : t('budget.editItem', {
                what: form.initial.item === 'funder' ? form.initial.organizationName : '',
              }),
      )}
      {isParty && addButton('new:funder', newFunder, t('budget.addFunder'))}

      <ApprovalPanel
        subjectId={budget.id}
        approval={budget.approval}
        ownCollectivityId={ownCollectivityId}
        editable={editable}
        blockers={blockers}
        onReload={onReload}
      />
    </section>
  );
}
