import type { LocalDate } from '../calendar/localDate.js';
import type { DateRange, Region, RuleSet } from '../rules/ruleSet.js';

/** One completed training session, as the claim needs it. */
export interface TrainingSession {
  readonly date: LocalDate;
  /** Whole minutes, more than 0 (the session event's schema guarantees it). */
  readonly minutes: number;
}

/**
 * The facts a claim line is decided on, kept on the claim's events so that an auditor can replay how
 * its hours were reached.
 */
export interface MentorAllowance {
  /** Minutes of training with the claim's provider inside the year's training window. */
  readonly trainedMinutes: number;
  /** `trainedMinutes` floored to whole hours: hours on a claim are whole hours. */
  readonly trainedHours: number;
  /** The year's initial or refresher cap, per mentor per accredited provider, summed across schools. */
  readonly capHours: number;
  /** On a submitted claim with the same provider in an earlier academic year. */
  readonly refresher: boolean;
  /** Hours on the mentor's other submitted claims with the same provider and year, from any school. */
  readonly hoursClaimedElsewhere: number;
  /** Placements that make the mentor eligible: mentored, or was to mentor, a trainee that year. */
  readonly placementIds: readonly string[];
  /** The claiming school employed the mentor during the year. */
  readonly employedByClaimingSchool: boolean;
}

/** Minutes inside the window and the whole hours they make: the sum is floored, never each session. */
export const trainedTime = (sessions: readonly TrainingSession[], window: DateRange, hourMinutes: number) => {
  let minutes = 0;
  for (const session of sessions) if (session.date >= window.from && session.date <= window.to) minutes += session.minutes;
  return { minutes, hours: Math.floor(minutes / hourMinutes) };
};

export const isEligible = (allowance: MentorAllowance): boolean => allowance.placementIds.length > 0 && allowance.employedByClaimingSchool;

/**
 * Whole hours this claim may still hold for the mentor: the training done, up to the cap, less what other
 * claims already hold of the same training and the same cap; zero when the mentor is not eligible.
 */
export const hoursRemaining = (allowance: MentorAllowance): number =>
  isEligible(allowance) ? Math.max(0, Math.min(allowance.trainedHours, allowance.capHours) - allowance.hoursClaimedElsewhere) : 0;

export interface ClaimableInput {
  /** The effective rule set of the claim's academic year (corrections applied). */
  readonly ruleSet: RuleSet;
  /** The claiming school's region, which sets the hourly rate. */
  readonly region: Region;
  /** The mentor's sessions with the claim's provider, in any order. */
  readonly sessions: readonly TrainingSession[];
  readonly placementIds: readonly string[];
  readonly refresher: boolean;
  readonly hoursClaimedElsewhere: number;
  readonly employedByClaimingSchool: boolean;
}

export interface ClaimableAmount {
  readonly allowance: MentorAllowance;
  readonly hours: number;
  readonly ratePence: number;
  /** `hours × ratePence`: integers, so exact. */
  readonly amountPence: number;
}

export const mentorAllowance = (input: ClaimableInput): MentorAllowance => {
  const { funding } = input.ruleSet;
  const trained = trainedTime(input.sessions, funding.trainingWindow.value, funding.claimHourMinutes.value);
  return {
    trainedMinutes: trained.minutes,
    trainedHours: trained.hours,
    capHours: (input.refresher ? funding.refresherHoursCap : funding.initialHoursCap).value,
    refresher: input.refresher,
    hoursClaimedElsewhere: input.hoursClaimedElsewhere,
    placementIds: input.placementIds,
    employedByClaimingSchool: input.employedByClaimingSchool,
  };
};

/** The claimable amount for one mentor, one provider, one year: eligible whole hours × the region's rate. */
export const claimableAmount = (input: ClaimableInput): ClaimableAmount => {
  const allowance = mentorAllowance(input);
  const hours = hoursRemaining(allowance);
  const ratePence = input.ruleSet.funding.hourlyRatePence[input.region].value;
  return { allowance, hours, ratePence, amountPence: hours * ratePence };
};
