import { claimStreamId, ruleCorrectionsStreamId, standardRuleBook, type EventMetadata, type MentorAllowance } from '@itt-ledger/core';
import type { Cast, Mentor, School } from './cast.js';
import { YEAR, dateOf, day, type Day } from './dates.js';
import { eventOn, flat, type Generated, type Script } from './emit.js';
import { rng, seedFor } from './random.js';

/** The one correction of the year: a synthetic fix to the fringe rate, which re-prices every claim of the year. */
export const RATE_CORRECTION_DAY = day('2025-04-15');
const CORRECTED_PATH = 'funding.hourlyRatePence.fringe';
/** How much the synthetic correction raises the rate by, in pence an hour. */
const CORRECTION_PENCE = 10;

const rateOn = (school: School, on: Day): number => {
  const rate = standardRuleBook.ruleSetFor(YEAR, dateOf(on)).funding.hourlyRatePence[school.region].value;
  return school.region === 'fringe' && on >= RATE_CORRECTION_DAY ? rate + CORRECTION_PENCE : rate;
};

/** What a mentor's line is decided on: the training that counts, whole hours, the cap, the placements. */
const allowanceOf = (m: Mentor): MentorAllowance => {
  const funding = standardRuleBook.ruleSetFor(YEAR).funding;
  let trainedMinutes = 0;
  for (const s of m.sessions) if (!s.withdrawn) trainedMinutes += s.correctedMinutes ?? s.minutes;
  return {
    trainedMinutes,
    trainedHours: Math.floor(trainedMinutes / funding.claimHourMinutes.value),
    capHours: (m.refresher ? funding.refresherHoursCap : funding.initialHoursCap).value,
    refresher: m.refresher,
    hoursClaimedElsewhere: 0,
    placementIds: [...new Set(m.placements.map((p) => p.id))].sort(),
    employedByClaimingSchool: true,
  };
};

/**
 * A school's claim for its mentors' training: drafted in March, a line per mentor with hours to claim,
 * submitted, paid (some after a request for information), and for a few sampled for assurance; of those a
 * few not assured, not approved by the school, and clawed back after a second person approves.
 */
function* claimLifecycle(cast: Cast, school: School, index: number, drafted: Day): Generator<Generated> {
  const r = rng(seedFor(cast.seed, cast.provider, index, 12));
  const claimId = flat(`${school.id}-c2425`);
  const stream = flat(claimStreamId(claimId));
  const meta: EventMetadata = cast.metadata;
  const lines = school.mentors
    .filter((m) => m.placements.length > 0)
    .map((m) => ({ mentorId: m.id, allowance: allowanceOf(m) }))
    .map((line) => ({ ...line, hours: Math.min(line.allowance.trainedHours, line.allowance.capHours) }))
    .filter((line) => line.hours > 0);
  if (lines.length === 0) return;
  yield eventOn(drafted, 600, stream, meta, 'FundingClaimDrafted', { claimId, schoolId: school.id, providerId: cast.providerId, academicYear: YEAR, region: school.region, claimant: r.chance(0.1) ? 'mentor' : 'school' });
  for (const { mentorId, hours, allowance } of lines) yield eventOn(drafted, 610, stream, meta, 'FundingClaimMentorAdded', { claimId, mentorId, hours, allowance });
  yield eventOn(drafted + 3, 600, stream, meta, 'FundingClaimSubmitted', { claimId, submittedBy: flat(`${school.id}-head`), allowances: lines.map(({ mentorId, allowance }) => ({ mentorId, allowance })) });
  yield eventOn(drafted + 10, 600, stream, meta, 'FundingClaimPaymentStarted', { claimId });
  if (r.chance(0.1)) {
    yield eventOn(drafted + 12, 600, stream, meta, 'FundingClaimPaymentInformationRequested', { claimId, reason: 'bank details missing' });
    yield eventOn(drafted + 15, 600, stream, meta, 'FundingClaimPaymentInformationSent', { claimId, information: 'bank details sent' });
  }
  if (r.chance(0.02)) {
    yield eventOn(drafted + 20, 600, stream, meta, 'FundingClaimPaymentNotApproved', { claimId, reason: 'school not eligible' });
    return;
  }
  const hours = lines.reduce((sum, line) => sum + line.hours, 0);
  const paid = drafted + 20;
  const ratePence = rateOn(school, paid);
  yield eventOn(paid, 600, stream, meta, 'FundingClaimPaid', { claimId, hours, ratePence, amountPence: hours * ratePence, paymentReference: flat(`PAY-${claimId}`) });
  if (!r.chance(0.1)) return;
  yield eventOn(paid + 20, 600, stream, meta, 'FundingClaimSampled', { claimId, reason: 'value sample' });
  if (r.chance(0.8)) {
    yield eventOn(paid + 30, 600, stream, meta, 'FundingClaimAssured', { claimId });
    return;
  }
  const line = lines[0]!;
  yield eventOn(paid + 30, 600, stream, meta, 'FundingClaimMentorNotAssured', { claimId, mentorId: line.mentorId, reason: 'no evidence of the training' });
  yield eventOn(paid + 40, 600, stream, meta, 'FundingClaimNotApprovedBySchool', { claimId, reason: 'the school could not confirm' });
  const clawback = { claimId, requestedBy: flat(`${cast.providerId}-finance`), ratePence, lines: [{ mentorId: line.mentorId, hours: line.hours, amountPence: line.hours * ratePence, reason: 'training not evidenced' }], amountPence: line.hours * ratePence };
  yield eventOn(paid + 45, 600, stream, meta, 'FundingClawbackRequested', clawback);
  if (r.chance(0.3)) {
    yield eventOn(paid + 48, 600, stream, meta, 'FundingClawbackRejected', { claimId, rejectedBy: flat(`${cast.providerId}-finance-2`), reason: 'wrong hours' });
    yield eventOn(paid + 50, 600, stream, meta, 'FundingClawbackRequested', clawback);
  }
  yield eventOn(paid + 52, 600, stream, meta, 'FundingClawbackApproved', { claimId, approvedBy: flat(`${cast.providerId}-finance-2`) });
  yield eventOn(paid + 70, 600, stream, meta, 'FundingClawbackCompleted', { claimId });
}

export const claimScripts = (cast: Cast): Script[] =>
  cast.schools.map((school, index) => {
    const drafted = day('2025-03-03') + (index % 10);
    return { start: drafted, run: () => claimLifecycle(cast, school, index, drafted) };
  });

/** The national correction of a rate, once in a store whatever its number of providers. */
export const rateCorrectionScript = (metadata: EventMetadata): Script => ({
  start: RATE_CORRECTION_DAY,
  run: () => {
    const previousValue = standardRuleBook.ruleSetFor(YEAR).funding.hourlyRatePence.fringe.value;
    return [
      eventOn(RATE_CORRECTION_DAY, 600, flat(ruleCorrectionsStreamId(YEAR)), metadata, 'RuleValueCorrected', {
        academicYear: YEAR,
        path: CORRECTED_PATH,
        value: previousValue + CORRECTION_PENCE,
        previousValue,
        reason: 'keyed wrongly in the claim service (synthetic)',
        source: 'DfE grant conditions §5',
      }),
    ][Symbol.iterator]();
  },
});
