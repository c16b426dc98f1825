import { useTranslation } from 'react-i18next';
import type { BudgetFigures, ReportedView, ViolationView } from '../../budgets/budget-draft.js';
import type { MoneyValue } from '../../format/money.js';
import { useFormat } from '../../format/use-format.js';

/** A shortfall is written as the amount missing: the sign is in the sentence. */
function absolute(money: MoneyValue): MoneyValue {
  return { amount: money.amount.replace(/^-/, ''), currency: money.currency };
}

/** One violation of A4 in the reader's language, parties and co-funders named. */
export function useViolationText(names: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (violation: ViolationView, policy: { funderCap: number | null; minimumShare: number }) => {
    const parties = format.list(violation.parties.map((id) => names.get(id) ?? id));
    switch (violation.code) {
      case 'UNBALANCED': {
        const difference = violation.difference;
        if (!difference) return t('budget.violations.UNBALANCED_unknown');
        return difference.amount.startsWith('-')
          ? t('budget.violations.UNBALANCED_short', { amount: format.money(absolute(difference)) })
          : t('budget.violations.UNBALANCED_over', { amount: format.money(difference) });
      }
      case 'PARTY_CONTRIBUTES_NOTHING':
      case 'CONTRIBUTOR_NOT_A_PARTY':
        return t(`budget.violations.${violation.code}`, {
          parties,
          count: violation.parties.length,
        });
      case 'PARTY_BELOW_MINIMUM_SHARE':
        return t('budget.violations.PARTY_BELOW_MINIMUM_SHARE', {
          parties,
          share: format.percent(violation.sharePercent ?? '0'),
          minimum: format.percent(String(policy.minimumShare)),
        });
      case 'FUNDER_OVER_CAP':
        return t('budget.violations.FUNDER_OVER_CAP', {
          funders: format.list(violation.funders),
          share: format.percent(violation.sharePercent ?? '0'),
          cap: format.percent(String(policy.funderCap ?? 100)),
        });
      case 'MISSING_EXCHANGE_RATE':
        return t('budget.violations.MISSING_EXCHANGE_RATE', {
          from: violation.missingRate?.from ?? '',
          to: violation.missingRate?.to ?? '',
          date: violation.missingRate ? format.date(violation.missingRate.date) : '',
        });
      case 'NO_EXPENSES':
      case 'REQUESTED_FUNDING_COUNTED':
        return t(`budget.violations.${violation.code}`);
    }
  };
}

/** An amount over currencies: each currency exactly, then the total in the reporting one. */
export function Reported({ amount }: { amount: ReportedView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const several = amount.byCurrency.length > 1;
  return (
    <span className="reported">
      {amount.byCurrency.length === 0 && amount.reporting
        ? format.money(amount.reporting)
        : amount.byCurrency.map((money, index) => (
            <span key={money.currency} className="amount">
              {index > 0 && ' + '}
              {format.money(money)}
            </span>
          ))}
      {several &&
        (amount.reporting ? (
          <span className="reporting"> = {format.money(amount.reporting)}</span>
        ) : (
          <span className="reporting flag"> {t('budget.noRate')}</span>
        ))}
    </span>
  );
}

/**
 * The budget's totals, balance and what stands against A4, from the domain while a form changes
 * the budget (a preview, said so) and from the server once saved.
 */
export function BudgetFiguresPanel({
  figures,
  names,
  policy,
}: {
  figures: BudgetFigures;
  names: ReadonlyMap<string, string>;
  policy: { funderCap: number | null; minimumShare: number };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useViolationText(names);
  const blocking = figures.violations.filter((violation) => violation.blocking);
  const warnings = figures.violations.filter((violation) => !violation.blocking);
  return (
    <div className="budget-figures" data-source={figures.source} data-testid="budget-figures">
      <p className={`figures-source ${figures.source}`}>
        {figures.source === 'preview' ? t('budget.preview') : t('budget.saved')}
      </p>
      <dl className="totals">
        <dt>{t('budget.totals.expenses')}</dt>
        <dd data-testid="total-expenses">
          <Reported amount={figures.expenses} />
        </dd>
        <dt>{t('budget.totals.resources')}</dt>
        <dd data-testid="total-resources">
          <Reported amount={figures.resources} />
        </dd>
        <dt>{t('budget.totals.balance')}</dt>
        <dd data-testid="balance">
          <Reported amount={figures.balance} />{' '}
          <span className={figures.balanced ? 'ok' : 'flag'}>
            {figures.balanced === null
              ? t('budget.balanceUnknown')
              : figures.balanced
                ? t('budget.balanced')
                : t('budget.unbalanced')}
          </span>
        </dd>
      </dl>
      {figures.parties.length > 0 && (
        <table className="list compact">
          <caption>{t('budget.shares')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.contributor')}</th>
              <th scope="col">{t('budget.planned')}</th>
              <th scope="col" className="number">
                {t('budget.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.parties.map((party) => (
              <tr key={party.id}>
                <th scope="row">{names.get(party.id) ?? party.id}</th>
                <td>
                  <Reported amount={party.planned} />
                </td>
                <td className="number">
                  {party.sharePercent ? format.percent(party.sharePercent) : '—'}
                </td>
              </tr>
            ))}
            {figures.funders.map((funder) => (
              <tr key={funder.name}>
                <th scope="row">
                  <bdi>{funder.name}</bdi> <span className="muted">{t('budget.funder')}</span>
                </th>
                <td>
                  <Reported amount={funder.planned} />
                </td>
                <td className="number">
                  {funder.sharePercent ? format.percent(funder.sharePercent) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="violations" data-testid="violations">
        <p className={blocking.length === 0 ? 'ok' : 'flag'} role="status">
          {blocking.length === 0
            ? t('budget.approvable')
            : t('budget.blocking', { count: blocking.length })}
        </p>
        {blocking.length > 0 && (
          <ul className="blockers" aria-label={t('budget.blockingLabel')}>
            {blocking.map((violation, index) => (
              <li key={`${violation.code}-${index}`} data-code={violation.code}>
                {text(violation, policy)}
              </li>
            ))}
          </ul>
        )}
        {warnings.length > 0 && (
          <ul className="warnings" aria-label={t('budget.warningsLabel')}>
            {warnings.map((violation, index) => (
              <li key={`${violation.code}-${index}`} data-code={violation.code}>
                {text(violation, policy)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
