import { describe, expect, it } from 'vitest';
import * as domain from './index.js';

describe('the public surface', () => {
  it('offers what the API already imports', () => {
    for (const name of [
      'DEFAULT_DURATION_YEARS',
      'statusAt',
      'termAt',
      'termsOf',
      'lastTerm',
      'today',
      'parseIsoDate',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });

  it('offers every rule of the product', () => {
    for (const name of [
      'parseMoney',
      'formatMoney',
      'convertMoney',
      'splitMoney',
      'approve',
      'approvalStatus',
      'budgetTotals',
      'budgetViolations',
      'canApproveBudget',
      'checkActionTransition',
      'costSharing',
      'assignPayers',
      'progress',
      'computeIndicator',
      'annualEvaluation',
      'programmeEvaluation',
      'renewalCheck',
      'apdDeclaration',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
