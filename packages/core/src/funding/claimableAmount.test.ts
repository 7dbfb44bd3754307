import { describe, expect, it } from 'vitest';
import { standardRuleBook } from '../rules/ruleBook.js';
import { claimableAmount, hoursRemaining, trainedTime, type ClaimableInput } from './claimableAmount.js';

const rules2024 = standardRuleBook.ruleSetFor('2024/25');
const hours = (n: number) => ({ date: '2024-10-10', minutes: n * 60 });
const base: ClaimableInput = {
  ruleSet: rules2024,
  region: 'rest_of_england',
  sessions: [],
  placementIds: ['placement-1'],
  refresher: false,
  hoursClaimedElsewhere: 0,
  employedByClaimingSchool: true,
};

describe('claimable amount (seed 003 and domain.md)', () => {
  it('pays £876 for 20 hours and £438 for 10 hours in the rest of England', () => {
    expect(claimableAmount({ ...base, sessions: [hours(20)] })).toMatchObject({ hours: 20, ratePence: 4380, amountPence: 87_600 });
    expect(claimableAmount({ ...base, sessions: [hours(10)] })).toMatchObject({ hours: 10, ratePence: 4380, amountPence: 43_800 });
  });

  it('caps at 20 hours in 2024/25 and 16 in 2025/26 (£700.80)', () => {
    expect(claimableAmount({ ...base, sessions: [hours(25)] }).amountPence).toBe(87_600);
    const rules2025 = standardRuleBook.ruleSetFor('2025/26');
    const next = claimableAmount({ ...base, ruleSet: rules2025, sessions: [{ date: '2025-10-01', minutes: 20 * 60 }] });
    expect(next).toMatchObject({ hours: 16, amountPence: 70_080 });
  });

  it("uses the claiming school's region", () => {
    const inner = claimableAmount({ ...base, region: 'inner_london', sessions: [hours(20)] });
    expect(inner).toMatchObject({ ratePence: 5360, amountPence: 107_200 });
    expect(claimableAmount({ ...base, region: 'outer_london', sessions: [hours(1)] }).amountPence).toBe(4825);
    expect(claimableAmount({ ...base, region: 'fringe', sessions: [hours(1)] }).amountPence).toBe(4510);
  });

  it('caps a refresher mentor at 6 hours', () => {
    expect(claimableAmount({ ...base, refresher: true, sessions: [hours(10)] })).toMatchObject({ hours: 6, amountPence: 26_280 });
  });

  it('shares the cap and the training with other schools claiming with the same provider', () => {
    expect(claimableAmount({ ...base, sessions: [hours(20)], hoursClaimedElsewhere: 12 }).hours).toBe(8);
    // 10 hours of training claimed elsewhere cannot be claimed again here.
    expect(claimableAmount({ ...base, sessions: [hours(10)], hoursClaimedElsewhere: 10 }).hours).toBe(0);
    expect(claimableAmount({ ...base, sessions: [hours(30)], hoursClaimedElsewhere: 25 }).hours).toBe(0);
  });

  it('is zero without a mentored trainee or when the school did not employ the mentor', () => {
    expect(claimableAmount({ ...base, sessions: [hours(20)], placementIds: [] }).amountPence).toBe(0);
    expect(claimableAmount({ ...base, sessions: [hours(20)], employedByClaimingSchool: false }).amountPence).toBe(0);
  });

  it('counts minutes inside the training window only, summed and then floored to whole hours', () => {
    const window = rules2024.funding.trainingWindow.value;
    const sessions = [
      { date: '2024-04-05', minutes: 600 },
      { date: '2024-04-06', minutes: 50 },
      { date: '2025-05-31', minutes: 50 },
      { date: '2024-11-01', minutes: 50 },
      { date: '2025-06-01', minutes: 600 },
    ];
    expect(trainedTime(sessions, window, 60)).toEqual({ minutes: 150, hours: 2 });
    expect(claimableAmount({ ...base, sessions }).allowance).toMatchObject({ trainedMinutes: 150, trainedHours: 2, capHours: 20 });
  });

  it('never goes below zero', () => {
    const allowance = { trainedMinutes: 0, trainedHours: 0, capHours: 20, refresher: false, hoursClaimedElsewhere: 30, placementIds: ['p'], employedByClaimingSchool: true };
    expect(hoursRemaining(allowance)).toBe(0);
  });
});
