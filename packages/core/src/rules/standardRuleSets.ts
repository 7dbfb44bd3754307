import type { RuleSet } from './ruleSet.js';
import { assumed, sourced } from './sourced.js';

// Every figure here is read from ../shared/domain.md; rules.sources.test.ts checks each quote against it.
const ENTITLEMENT = 'mentoring entitlement per trainee on placement';
const ENTITLEMENT_SOURCE = 'seed 003; DfE "Offer a trainee teacher placement" (as quoted by providers)';
const INITIAL = 'minimum initial training for a general mentor';
const REFRESHER = 'minimum annual refresher (top-up) for a returning mentor';
const MINIMUMS_SOURCE = 'seed 003 (before the change); DfE announcement of 13 Nov 2024 as reported by Schools Week/ASCL';
const FUNDED_INITIAL = 'funded initial-training hours per mentor';
const FUNDED_SOURCE = 'DfE grant conditions; itt-mentor-services `app/models/claims/training_hours.rb`';
const RATE_SOURCE = 'DfE grant conditions §5';
const ASSURANCE = 'assurance sampling';
const ASSURANCE_SOURCE = 'DfE grant conditions §9';
const PLACEMENTS = 'placements';
const PLACEMENTS_SOURCE = 'ITT criteria as quoted by providers';
const PRACTICE = "Recovery plans and review points in providers' practice";
const PRACTICE_SOURCE = "providers' practice as summarised in domain.md";

const rulesOf2024: RuleSet = {
  academicYear: '2024/25',
  validFrom: '2024-09-01',
  mentoring: {
    weeklyEntitlementMinutes: sourced(90, ENTITLEMENT, 'at least 1.5 hours per week', ENTITLEMENT_SOURCE),
    partTimeProRata: assumed(true, ENTITLEMENT, 'at least 1.5 hours per week', 'no source states it; pro rata by FTE is assumed'),
    shortWeeksInARowForAction: assumed(2, ENTITLEMENT, 'at least 1.5 hours per week', 'no source sets a trigger; two short weeks in a row is assumed'),
    maximumRecordMinutes: assumed(480, ENTITLEMENT, 'at least 1.5 hours per week', 'no source sets a bound; one record of more than a school day (8 hours) is assumed a mistake'),
  },
  mentorTraining: {
    initialMinimumHours: sourced(20, INITIAL, '20 hours', MINIMUMS_SOURCE),
    refresherMinimumHours: sourced(6, REFRESHER, '6 hours', MINIMUMS_SOURCE),
    leadMentorInitialHoursCap: sourced(30, 'lead mentor initial training', 'up to 30 hours', 'DfE design history "What is a mentor?"'),
  },
  funding: {
    initialHoursCap: sourced(20, FUNDED_INITIAL, 'up to 20, per accredited provider', FUNDED_SOURCE),
    refresherHoursCap: sourced(6, 'funded refresher hours per mentor', 'up to 6', FUNDED_SOURCE),
    claimHourMinutes: sourced(60, 'hours on a claim', 'whole hours, more than 0', 'itt-mentor-services'),
    hourlyRatePence: {
      inner_london: sourced(5360, 'hourly rate, inner London', '£53.60', RATE_SOURCE),
      outer_london: sourced(4825, 'hourly rate, outer London', '£48.25', RATE_SOURCE),
      fringe: sourced(4510, 'hourly rate, fringe area', '£45.10', RATE_SOURCE),
      rest_of_england: sourced(4380, 'hourly rate, rest of England', '£43.80', `seed 003; ${RATE_SOURCE}`),
    },
    trainingWindow: sourced({ from: '2024-04-06', to: '2025-05-31' }, 'training window', 'started 6 Apr 2024 – 31 May 2025', 'DfE grant conditions'),
    assurance: {
      minimumValueSampledBasisPoints: sourced(1000, ASSURANCE, 'at least 10% of the value paid', ASSURANCE_SOURCE),
      schoolTotalAlwaysSampledPence: sourced(500_000, ASSURANCE, 'every claim of a school claiming over £5,000 in total', ASSURANCE_SOURCE),
      mentorSubmittedSampledBasisPoints: sourced(2000, ASSURANCE, '20% of claims submitted by mentors themselves', ASSURANCE_SOURCE),
    },
  },
  placements: {
    minimumSchools: sourced(2, PLACEMENTS, 'at least 2 schools', PLACEMENTS_SOURCE),
    weeks: sourced(24, PLACEMENTS, '24 weeks', PLACEMENTS_SOURCE),
    weeksFourYearUndergraduate: sourced(32, PLACEMENTS, '32 on 4-year undergraduate courses', PLACEMENTS_SOURCE),
    overlappingPlacementsAllowed: assumed(false, PLACEMENTS, 'at least 2 schools', 'no source lets a trainee be in two placements at once; refused unless a provider configures otherwise'),
  },
  recoveryPlans: {
    maximumTargets: assumed(3, PRACTICE, 'at most 3 SMART targets', PRACTICE_SOURCE),
    firstReviewAfterDays: assumed(14, PRACTICE, 'a review after about 2 weeks', PRACTICE_SOURCE),
  },
  reviewPoints: {
    defaultStages: assumed(['introductory', 'development', 'consolidation'], PRACTICE, 'introductory, development, consolidation', PRACTICE_SOURCE),
    targetLongestTermDays: assumed(42, 'Processes the seeds describe', 'small, short-term achievable targets', 'seed 004; no source sets a length: six weeks (about a half term) is assumed'),
  },
  leadMentor: {
    checkInIntervalDays: assumed(14, 'Processes the seeds describe', 'regular check-ins', 'seed 004; no source sets an interval: a check-in a fortnight is assumed'),
  },
};

/** 13 Nov 2024: the DfE removed the 20-hour and 6-hour minimums with immediate effect. */
const rulesOf2024AfterMinimumsRemoved: RuleSet = {
  ...rulesOf2024,
  validFrom: '2024-11-13',
  mentorTraining: {
    ...rulesOf2024.mentorTraining,
    initialMinimumHours: sourced(null, INITIAL, 'removed with immediate effect on 13 Nov 2024', MINIMUMS_SOURCE),
    refresherMinimumHours: sourced(null, REFRESHER, 'removed on 13 Nov 2024 like the above', MINIMUMS_SOURCE),
  },
};

const rulesOf2025: RuleSet = {
  ...rulesOf2024AfterMinimumsRemoved,
  academicYear: '2025/26',
  validFrom: '2025-09-01',
  mentorTraining: {
    ...rulesOf2024AfterMinimumsRemoved.mentorTraining,
    initialMinimumHours: sourced(null, INITIAL, 'no minimum', MINIMUMS_SOURCE),
    refresherMinimumHours: sourced(null, REFRESHER, 'no minimum', MINIMUMS_SOURCE),
  },
  funding: {
    ...rulesOf2024.funding,
    initialHoursCap: sourced(16, FUNDED_INITIAL, 'up to 16, same rule', FUNDED_SOURCE),
    trainingWindow: sourced({ from: '2025-04-06', to: '2026-05-31' }, 'training window', '6 Apr 2025 – 31 May 2026', 'DfE grant conditions'),
  },
};

/** The rule sets this library ships, oldest first. Providers add their own with `createRuleBook`. */
export const standardRuleSets: readonly RuleSet[] = [rulesOf2024, rulesOf2024AfterMinimumsRemoved, rulesOf2025];
