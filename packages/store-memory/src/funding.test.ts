import {
  CommandRejectedError,
  claimDecider,
  createClaimService,
  createClaimsRegister,
  createCommandHandler,
  createEventRegistry,
  createProjectionRunner,
  createRuleBook,
  createRuleCorrectionDecider,
  eventsAsOf,
  fundingInputs,
  manualClock,
  providerClaimsRegister,
  ruleCorrectionsStreamId,
  runProjection,
  seededIds,
  standardRuleBook,
  standardRuleSets,
  withInlineProjections,
  type ClaimsRegisterEvent,
  type RuleBook,
  type RuleSet,
  type StoredEvent,
} from '@itt-ledger/core';
import { FUNDING_YEAR, fundingYearEventDefinitions, runFundingYear } from '@itt-ledger/core/testing';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

const START = '2024-07-01T08:00:00.000Z';
const REGISTER_TYPES: ReadonlySet<string> = new Set(createClaimsRegister().eventTypes);
const setup = (ruleBook: RuleBook = standardRuleBook) => {
  const clock = manualClock(START);
  const store = createInMemoryEventStore({ registry: createEventRegistry(fundingYearEventDefinitions), clock, ids: seededIds(7) });
  const register = createClaimsRegister(ruleBook);
  const runner = createProjectionRunner({ store, projections: [fundingInputs, register] });
  const inline = withInlineProjections(store, runner);
  const claims = createClaimService({
    handle: createCommandHandler({ store: inline, decider: claimDecider, clock }),
    inputs: () => runner.state(fundingInputs),
    register: () => runner.state(register),
    ruleBook,
  });
  const corrections = createCommandHandler({ store: inline, decider: createRuleCorrectionDecider(ruleBook), clock });
  return { clock, store, inline, runner, register, claims, corrections };
};

describe('a funding year on the in-memory store', () => {
  it('funds a compliant mentor in full (£876) and a part-way one pro rata (£438)', async () => {
    const { clock, store } = setup();
    const { register, text } = await runFundingYear({ store, clock });
    expect(register.lines.map((line) => [line.mentorId, line.allowance.trainedMinutes, line.hours, line.amountPence, line.status])).toEqual([
      [FUNDING_YEAR.fullMentorId, 1200, 20, 87_600, 'paid'],
      [FUNDING_YEAR.partMentorId, 605, 10, 43_800, 'paid'],
    ]);
    expect(register.totals).toMatchObject({ hours: 30, amountPence: 131_400, paidPence: 131_400 });
    expect(text).toContain('£876.00');
    expect(text).toContain('£438.00');
    expect(text).toContain('£1,314.00');
  });

  it('prints the same register byte for byte on every run, and a rebuild gives the same', async () => {
    const first = setup();
    const second = setup();
    const a = await runFundingYear({ store: first.store, clock: first.clock });
    const b = await runFundingYear({ store: second.store, clock: second.clock });
    expect(b.text).toBe(a.text);
    const rebuilt = createClaimsRegister();
    const runner = createProjectionRunner({ store: first.store, projections: [rebuilt] });
    await runner.rebuild();
    expect(providerClaimsRegister(runner.state(rebuilt), FUNDING_YEAR.providerId, FUNDING_YEAR.academicYear)).toEqual(a.register);
  });
});

describe('the cap across schools, through the claim service', () => {
  it('refuses a second school hours beyond the cap, naming the field, and writes nothing', async () => {
    const { clock, store, inline, claims } = setup();
    await runFundingYear({ store, clock });
    const { providerId, academicYear, fullMentorId, partMentorId } = FUNDING_YEAR;
    // The mentors also work for a second school of the same provider (say, across a federation).
    await inline.appendToStream('school-elm', [
      { type: 'SchoolRegistered', data: { schoolId: 'school-elm', providerId, name: 'Elm Academy', phase: 'secondary', region: 'inner_london' }, occurredAt: START },
    ]);
    for (const mentorId of [fullMentorId, partMentorId]) {
      await inline.appendToStream(`mentor-${mentorId}`, [
        { type: 'MentorMovedSchool', data: { mentorId, schoolId: 'school-elm', previousSchoolId: FUNDING_YEAR.schoolId, effectiveFrom: '2025-04-01' }, occurredAt: START },
      ]);
    }
    await claims.draft({ claimId: 'claim-elm', schoolId: 'school-elm', providerId, academicYear });
    expect(claims.claimable('claim-elm', fullMentorId)).toMatchObject({ hours: 0, allowance: { hoursClaimedElsewhere: 20 } });
    expect(claims.claimable('claim-elm', partMentorId)).toMatchObject({ hours: 0, allowance: { trainedHours: 10, hoursClaimedElsewhere: 10 } });
    const size = store.size();
    await expect(claims.addMentor('claim-elm', fullMentorId, 1)).rejects.toMatchObject({ reason: 'claim.hours-over-cap', field: 'hours' });
    await expect(claims.addMentor('claim-elm', partMentorId, 1)).rejects.toMatchObject({ reason: 'claim.hours-over-training', field: 'hours' });
    expect(store.size()).toBe(size);
  });

  it('re-checks at submission: two drafts cannot both take the same hours', async () => {
    const { clock, store, inline, claims } = setup();
    await runFundingYear({ store, clock });
    const { providerId, academicYear, schoolId, partMentorId } = FUNDING_YEAR;
    // Tom trains 10 more hours; two drafts of his school each take all 10.
    await inline.appendToStream(`mentorTraining-${partMentorId}`, [
      { type: 'MentorTrainingSessionCompleted', data: { sessionId: 'session-x', mentorId: partMentorId, providerId, date: '2025-05-01', minutes: 600, mode: 'full_day_conference', purpose: 'initial', academicYear }, occurredAt: START },
    ]);
    for (const claimId of ['claim-a', 'claim-b']) {
      await claims.draft({ claimId, schoolId, providerId, academicYear });
      await claims.addMentor(claimId, partMentorId, 10);
    }
    await claims.submit('claim-a', 'head');
    await expect(claims.submit('claim-b', 'head')).rejects.toBeInstanceOf(CommandRejectedError);
    await expect(claims.submit('claim-b', 'head')).rejects.toMatchObject({ reason: 'claim.hours-over-cap', field: `allowances.${partMentorId}.hours` });
  });
});

describe('the £43.18 lesson, end to end', () => {
  const misKeyed = createRuleBook(
    standardRuleSets.map((ruleSet): RuleSet => {
      if (ruleSet.academicYear !== '2024/25') return ruleSet;
      const rates = ruleSet.funding.hourlyRatePence;
      return { ...ruleSet, funding: { ...ruleSet.funding, hourlyRatePence: { ...rates, rest_of_england: { ...rates.rest_of_england, value: 4318 } } } };
    }),
  );

  it('paid at £43.18, corrected to £43.80: the register shows both, why, and what is owed', async () => {
    const { clock, store, runner, register, corrections, claims } = setup(misKeyed);
    const { text: before } = await runFundingYear({ store, clock, ruleBook: misKeyed });
    expect(before).toContain('£863.60');
    clock.set('2025-10-01T09:00:00.000Z');
    await corrections(ruleCorrectionsStreamId('2024/25'), {
      type: 'CorrectRuleValue',
      academicYear: '2024/25',
      path: 'funding.hourlyRatePence.rest_of_england',
      value: 4380,
      reason: 'keyed as £43.18; the grant conditions say £43.80',
      source: 'DfE grant conditions §5',
    });
    const { providerId, academicYear, claimId } = FUNDING_YEAR;
    const now = providerClaimsRegister(runner.state(register), providerId, academicYear);
    expect(now.lines.map((line) => line.history.map((change) => change.amountPence))).toEqual([
      [86_360, 87_600],
      [43_180, 43_800],
    ]);
    expect(now.lines[0]!.history[1]).toMatchObject({ previousAmountPence: 86_360, reason: 'keyed as £43.18; the grant conditions say £43.80', source: 'DfE grant conditions §5' });
    expect(now.totals).toMatchObject({ amountPence: 131_400, paidPence: 129_540 });
    expect(now.totals.amountPence - now.totals.paidPence).toBe(30 * 62);
    // What the service believed before the correction was recorded, replayed from the same store.
    const known = eventsAsOf(await store.readAll(), { recordedAt: '2025-09-30T00:00:00.000Z' });
    const then = runProjection(createClaimsRegister(misKeyed), known.filter((event): event is StoredEvent<ClaimsRegisterEvent> => REGISTER_TYPES.has(event.type)));
    expect(providerClaimsRegister(then, providerId, academicYear).totals.amountPence).toBe(129_540);
    // A clawback after the correction is priced at the corrected rate.
    expect(claims.claimable(claimId, FUNDING_YEAR.fullMentorId).ratePence).toBe(4380);
  });
});
