import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { Sourced } from './sourced.js';

/** The DfE's regional areas for the mentor-training hourly rate (grant conditions, Annex A). */
export const REGIONS = ['inner_london', 'outer_london', 'fringe', 'rest_of_england'] as const;
export type Region = (typeof REGIONS)[number];

export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * Every value the domain's rules need for one academic year, from one date on. A year can have several
 * (the training minimums were removed on 13 November 2024); the one in force on a date is the latest
 * whose `validFrom` is not after it.
 */
export interface RuleSet {
  readonly academicYear: AcademicYear;
  readonly validFrom: LocalDate;
  readonly mentoring: {
    readonly weeklyEntitlementMinutes: Sourced<number>;
    /** Whether a part-time trainee's weekly entitlement scales with their FTE. */
    readonly partTimeProRata: Sourced<boolean>;
    /** Short weeks in a row that flag a trainee's entitlement for action. */
    readonly shortWeeksInARowForAction: Sourced<number>;
    /** The longest single mentoring record accepted, in minutes: a longer one is refused as absurd. */
    readonly maximumRecordMinutes: Sourced<number>;
  };
  readonly mentorTraining: {
    /** `null` once there is no minimum ("sufficient high-quality training", as the provider decides). */
    readonly initialMinimumHours: Sourced<number | null>;
    readonly refresherMinimumHours: Sourced<number | null>;
    readonly leadMentorInitialHoursCap: Sourced<number>;
  };
  readonly funding: {
    readonly initialHoursCap: Sourced<number>;
    readonly refresherHoursCap: Sourced<number>;
    /** Hours on a claim are whole hours: training minutes are floored to this unit. */
    readonly claimHourMinutes: Sourced<number>;
    readonly hourlyRatePence: { readonly [R in Region]: Sourced<number> };
    readonly trainingWindow: Sourced<DateRange>;
    readonly assurance: {
      /** Share of the value paid that is sampled, in basis points (1000 = 10%). */
      readonly minimumValueSampledBasisPoints: Sourced<number>;
      /** A school claiming more than this in total has every claim sampled. */
      readonly schoolTotalAlwaysSampledPence: Sourced<number>;
      readonly mentorSubmittedSampledBasisPoints: Sourced<number>;
    };
  };
  readonly placements: {
    readonly minimumSchools: Sourced<number>;
    readonly weeks: Sourced<number>;
    readonly weeksFourYearUndergraduate: Sourced<number>;
    /** Whether a trainee may have two placements on overlapping dates. */
    readonly overlappingPlacementsAllowed: Sourced<boolean>;
  };
  readonly recoveryPlans: {
    readonly maximumTargets: Sourced<number>;
    readonly firstReviewAfterDays: Sourced<number>;
  };
  readonly reviewPoints: {
    /** Practice, not a DfE rule: providers configure their own stages. */
    readonly defaultStages: Sourced<readonly string[]>;
    /** The longest a target set at a review point may run before it is due ("short-term"), in days. */
    readonly targetLongestTermDays: Sourced<number>;
  };
  readonly leadMentor: {
    /** Days after which a lead mentor's check-in with a mentor or trainee on placement is overdue. */
    readonly checkInIntervalDays: Sourced<number>;
  };
}
