import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../kernel/commandValidation.js';
import { CommandValidationError } from '../../kernel/errors.js';
import { HUGE_STRING } from '../../testing/arbitraries/corruption.js';
import { ruleCorrectionCommandSchema } from '../ruleCorrection/commandSchema.js';
import { claimCommandSchema } from './commandSchema.js';

const refusal = (schema: typeof claimCommandSchema | typeof ruleCorrectionCommandSchema, input: unknown) => {
  try {
    validateCommand<unknown>(schema, input);
  } catch (error) {
    if (error instanceof CommandValidationError) return { field: error.field, commandType: error.commandType };
    throw error;
  }
  return undefined;
};

const paid = { type: 'MarkClaimPaid', ratePence: 4380, paymentReference: 'PAY-1' };

describe('claim command schema', () => {
  it('accepts pence as whole, safe integers and refuses anything else, naming ratePence', () => {
    expect(refusal(claimCommandSchema, paid)).toBeUndefined();
    expect(refusal(claimCommandSchema, { ...paid, ratePence: Number.MAX_SAFE_INTEGER })).toBeUndefined();
    for (const ratePence of [43.8, Number.MAX_SAFE_INTEGER + 1, 2 ** 64, Number.NaN, Number.POSITIVE_INFINITY, -1, 4380n, '4380', null]) {
      expect(refusal(claimCommandSchema, { ...paid, ratePence }), String(ratePence)).toStrictEqual({ field: 'ratePence', commandType: 'MarkClaimPaid' });
    }
  });

  it('refuses texts and ids past the events’ limits, unknown types and non-objects', () => {
    expect(refusal(claimCommandSchema, { type: 'RejectClaimPayment', reason: HUGE_STRING })).toStrictEqual({ field: 'reason', commandType: 'RejectClaimPayment' });
    expect(refusal(claimCommandSchema, { ...paid, paymentReference: 'x'.repeat(101) })).toStrictEqual({ field: 'paymentReference', commandType: 'MarkClaimPaid' });
    expect(refusal(claimCommandSchema, { type: 'PayEverything' })).toStrictEqual({ field: 'type', commandType: 'PayEverything' });
    expect(refusal(claimCommandSchema, [paid])).toStrictEqual({ field: '(root)', commandType: '(unknown)' });
    const clawback = { type: 'RequestClawback', requestedBy: 'a-1', ratePence: 4380, lines: [{ mentorId: 'm', hours: 1.5, reason: 'r' }] };
    expect(refusal(claimCommandSchema, clawback)).toStrictEqual({ field: 'lines[0].hours', commandType: 'RequestClawback' });
  });

  it('drops unknown keys, __proto__ among them, without touching a prototype', () => {
    const parsed = validateCommand<unknown>(claimCommandSchema, JSON.parse('{"type":"AssureClaim","__proto__":{"polluted":true},"extra":1}'));
    expect(parsed).toStrictEqual({ type: 'AssureClaim' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('rule correction command schema', () => {
  const correct = { type: 'CorrectRuleValue', academicYear: '2024/25', path: 'funding.hourlyRatePence.rest_of_england', value: 4380, reason: 'keyed wrongly', source: 'DfE' };

  it('refuses dates that do not exist or are out of range, and values of no rule kind', () => {
    expect(refusal(ruleCorrectionCommandSchema, correct)).toBeUndefined();
    for (const validFrom of ['2025-02-29', '99999-01-01', '2024-9-1', `2024-09-02${HUGE_STRING}`]) {
      expect(refusal(ruleCorrectionCommandSchema, { ...correct, validFrom })).toStrictEqual({ field: 'validFrom', commandType: 'CorrectRuleValue' });
    }
    for (const value of [43.8, Number.NaN, -1, 'x', { from: '2024-02-30', to: '2024-03-01' }, 1n]) {
      expect(refusal(ruleCorrectionCommandSchema, { ...correct, value })?.field, typeof value).toMatch(/^value/);
    }
    expect(refusal(ruleCorrectionCommandSchema, { ...correct, academicYear: '2024/26' })).toStrictEqual({ field: 'academicYear', commandType: 'CorrectRuleValue' });
  });
});
