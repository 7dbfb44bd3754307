import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../../kernel/errors.js';
import { standardRuleBook } from '../../rules/ruleBook.js';
import { deciderSpec } from '../../testing/givenWhenThen.js';
import type { CorrectRuleValue } from './commands.js';
import { createRuleCorrectionDecider } from './decider.js';
import { ruleCorrectionsStreamId, type RuleCorrectionEvent } from './events.js';

const spec = deciderSpec(createRuleCorrectionDecider(standardRuleBook));
const PATH = 'funding.hourlyRatePence.rest_of_england';
const correct: CorrectRuleValue = { type: 'CorrectRuleValue', academicYear: '2024/25', path: PATH, value: 4400, reason: 'uplift', source: 'DfE letter' };
const corrected: RuleCorrectionEvent = {
  type: 'RuleValueCorrected',
  data: { academicYear: '2024/25', path: PATH, value: 4400, previousValue: 4380, reason: 'uplift', source: 'DfE letter' },
};
const refused = (reason: string, field: string) => ({ reason, field });

describe('rule corrections', () => {
  it('records a correction with the value it replaces', () => {
    spec.given().when(correct).then([corrected]);
    // The previous value is the one in force, earlier corrections applied.
    spec.given([corrected]).when({ ...correct, value: 4380, reason: 'uplift withdrawn' }).then([
      { type: 'RuleValueCorrected', data: { ...corrected.data, value: 4380, previousValue: 4400, reason: 'uplift withdrawn' } },
    ]);
    spec.given([corrected]).when(correct).thenNothingHappens();
  });

  it('dates a correction from a day of the year when asked', () => {
    spec.given().when({ ...correct, path: 'funding.initialHoursCap', value: 18, validFrom: '2025-01-01' }).then([
      { type: 'RuleValueCorrected', data: { ...corrected.data, path: 'funding.initialHoursCap', value: 18, previousValue: 20, validFrom: '2025-01-01' } },
    ]);
    spec.given().when({ ...correct, validFrom: '2025-09-01' }).thenThrows(CommandRejectedError, refused('ruleCorrection.valid-from-invalid', 'validFrom'));
    spec.given().when({ ...correct, validFrom: '2025-02-30' }).thenThrows(CommandRejectedError, refused('ruleCorrection.valid-from-invalid', 'validFrom'));
  });

  it('corrects a minimum to none, and a training window', () => {
    spec.given().when({ ...correct, path: 'mentorTraining.refresherMinimumHours', value: 3, validFrom: '2024-09-01' }).then([
      { type: 'RuleValueCorrected', data: { ...corrected.data, path: 'mentorTraining.refresherMinimumHours', value: 3, previousValue: 6, validFrom: '2024-09-01' } },
    ]);
    const window = { from: '2024-04-06', to: '2025-06-30' };
    spec.given().when({ ...correct, path: 'funding.trainingWindow', value: window }).then([
      { type: 'RuleValueCorrected', data: { ...corrected.data, path: 'funding.trainingWindow', value: window, previousValue: { from: '2024-04-06', to: '2025-05-31' } } },
    ]);
  });

  it('refuses what cannot be a correction, naming the field', () => {
    spec.given().when({ ...correct, academicYear: '2019/20' }).thenThrows(CommandRejectedError, refused('ruleCorrection.unknown-year', 'academicYear'));
    spec.given([corrected]).when({ ...correct, academicYear: '2025/26' }).thenThrows(CommandRejectedError, refused('ruleCorrection.wrong-year', 'academicYear'));
    spec.given().when({ ...correct, path: 'funding.hourlyRatePence.mars' }).thenThrows(CommandRejectedError, refused('ruleCorrection.unknown-path', 'path'));
    spec.given().when({ ...correct, path: 'funding.hourlyRatePence' }).thenThrows(CommandRejectedError, refused('ruleCorrection.unknown-path', 'path'));
    spec.given().when({ ...correct, path: 'funding.hourlyRatePence.rest_of_england.value' }).thenThrows(CommandRejectedError, refused('ruleCorrection.unknown-path', 'path'));
    spec.given().when({ ...correct, value: 43.8 }).thenThrows(CommandRejectedError, refused('ruleCorrection.value-invalid', 'value'));
    spec.given().when({ ...correct, value: true }).thenThrows(CommandRejectedError, refused('ruleCorrection.value-invalid', 'value'));
    spec.given().when({ ...correct, value: null }).thenThrows(CommandRejectedError, refused('ruleCorrection.value-invalid', 'value'));
    spec.given().when({ ...correct, path: 'funding.trainingWindow', value: { from: '2025-06-01', to: '2025-05-31' } }).thenThrows(CommandRejectedError, refused('ruleCorrection.value-invalid', 'value'));
    spec.given().when({ ...correct, path: 'reviewPoints.defaultStages', value: 1 }).thenThrows(CommandRejectedError, refused('ruleCorrection.value-invalid', 'value'));
    spec.given().when({ ...correct, reason: ' ' }).thenThrows(CommandRejectedError, refused('funding.reason-invalid', 'reason'));
    spec.given().when({ ...correct, source: '' }).thenThrows(CommandRejectedError, refused('funding.source-invalid', 'source'));
  });

  it('keeps each year in its own stream', () => {
    expect(ruleCorrectionsStreamId('2024/25')).toBe('ruleCorrections-2024-25');
  });
});

describe('rule corrections of values that can be none', () => {
  it('removes a minimum the book removes elsewhere, but never a rate', () => {
    spec.given().when({ ...correct, path: 'mentorTraining.initialMinimumHours', value: null, validFrom: '2024-10-01' }).then([
      { type: 'RuleValueCorrected', data: { ...corrected.data, path: 'mentorTraining.initialMinimumHours', value: null, previousValue: 20, validFrom: '2024-10-01' } },
    ]);
    spec.given().when({ ...correct, value: null }).thenThrows(CommandRejectedError, refused('ruleCorrection.value-invalid', 'value'));
  });
});
