import {
  asId,
  assignPayer,
  costSharing,
  payerByRule,
  type MissionCost,
  type MissionCostCategory,
  type PayerOverrideError,
} from '@coop/domain';
import type { MoneyValue } from '../format/money.js';
import { moneyOf, moneyValueOf, readMoney, type TypedAmountError } from '../format/money-input.js';

/**
 * A mission's cost lines and their payers while the person types (A4.5, "le principe des coûts
 * partagés"): the saved lines from the server with the open form's line laid over them, the payer
 * of each by the domain's rule or a written exception, and the split per party and currency.
 */

/** A mission as the API sends it (only what the rule reads). */
export interface MissionCostData {
  readonly origin: { readonly id: string };
  readonly host: { readonly id: string };
  readonly costs: readonly {
    readonly id: string;
    readonly category: MissionCostCategory;
    readonly label: string;
    readonly amount: MoneyValue;
    readonly payer: { readonly id: string };
    readonly exception: { readonly reason: string } | null;
  }[];
}

/** The open cost form: a new line (`id` null) or a change to a saved one. */
export interface CostDraft {
  readonly id: string | null;
  readonly category: MissionCostCategory;
  readonly label: string;
  readonly amount: string;
  readonly currency: string;
  /** Empty: the payer follows the rule; else the other party, which needs a reason. */
  readonly payerId: string;
  readonly reason: string;
}

function savedCost(cost: MissionCostData['costs'][number]): MissionCost {
  return {
    category: cost.category,
    label: cost.label,
    amount: moneyOf(cost.amount),
    payerOverride: cost.exception
      ? { payer: asId<'Collectivity'>(cost.payer.id), reason: cost.exception.reason }
      : null,
  };
}

const NOTHING = moneyOf({ amount: '0', currency: 'EUR' });

export interface DraftLine {
  /** The typed amount, or why it does not read. */
  readonly amount: { ok: true; value: MoneyValue } | { ok: false; error: TypedAmountError };
  /** Who pays the line under the rule (A4.5). */
  readonly payerByRule: string;
  /** Who pays it as typed, or why the exception cannot stand (no reason, not a party). */
  readonly payer:
    { ok: true; value: string; exception: boolean } | { ok: false; error: PayerOverrideError };
}

export interface CostSplit {
  /** The open form's line as the domain reads it; null without a form. */
  readonly draft: DraftLine | null;
  /** Per party (origin first, then host), what it pays per currency; null while the form is wrong. */
  readonly shares:
    readonly { readonly party: string; readonly amounts: readonly MoneyValue[] }[] | null;
  /** Whether the shares include a line not saved yet. */
  readonly preview: boolean;
}

/**
 * The domain's payers and split for the mission with the open form's line (when it reads) laid
 * over the saved lines. The server assigns payers again when the line is sent.
 */
export function costSplit(mission: MissionCostData, draft: CostDraft | null): CostSplit {
  const parties = {
    origin: asId<'Collectivity'>(mission.origin.id),
    host: asId<'Collectivity'>(mission.host.id),
  };
  const saved = mission.costs.map((cost) => ({ id: cost.id, cost: savedCost(cost) }));
  if (!draft) {
    const shares = costSharing({ ...parties, costs: saved.map((line) => line.cost) });
    return { draft: null, shares: shares.ok ? sharesView(shares.value) : null, preview: false };
  }
  const amount = readMoney(draft.amount, draft.currency);
  const byRule = payerByRule(draft.category, parties);
  const override =
    draft.payerId && draft.payerId !== byRule
      ? { payer: asId<'Collectivity'>(draft.payerId), reason: draft.reason }
      : null;
  const cost: MissionCost = {
    category: draft.category,
    label: draft.label,
    // The payer does not depend on the amount: a line still being typed gets its payer all the same.
    amount: amount.ok ? amount.value : NOTHING,
    payerOverride: override,
  };
  const assigned = assignPayer(cost, parties);
  const line: DraftLine = {
    amount: amount.ok ? { ok: true, value: moneyValueOf(amount.value) } : amount,
    payerByRule: byRule,
    payer: assigned.ok
      ? { ok: true, value: assigned.value.payer, exception: assigned.value.exception !== null }
      : { ok: false, error: assigned.error },
  };
  if (!amount.ok || !assigned.ok) {
    const shares = costSharing({ ...parties, costs: saved.map((entry) => entry.cost) });
    return { draft: line, shares: shares.ok ? sharesView(shares.value) : null, preview: false };
  }
  const costs = saved.some((entry) => entry.id === draft.id)
    ? saved.map((entry) => (entry.id === draft.id ? cost : entry.cost))
    : [...saved.map((entry) => entry.cost), cost];
  const shares = costSharing({ ...parties, costs });
  return { draft: line, shares: shares.ok ? sharesView(shares.value) : null, preview: true };
}

function sharesView(
  shares: readonly { party: string; amounts: readonly Parameters<typeof moneyValueOf>[0][] }[],
) {
  return shares.map((share) => ({ party: share.party, amounts: share.amounts.map(moneyValueOf) }));
}
