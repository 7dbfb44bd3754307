import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { InvalidArgumentError } from '../kernel/errors.js';
import type { RuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { refuse } from '../school/commandInput.js';
import type { OtherPlacement } from './commands.js';
import type { Placement, PlacementState } from './state.js';

/** The placement a command is for, refusing one never arranged, another stream's, or one that has ended. */
export const openPlacement = (state: PlacementState, placementId: string): Placement => {
  const placement = state.placement;
  if (placement === undefined) return refuse('placement.not-arranged', 'placementId', `placement ${placementId} has not been arranged`);
  if (placement.placementId !== placementId) {
    return refuse('placement.wrong-placement', 'placementId', `this stream is placement ${placement.placementId}, not ${placementId}`);
  }
  if (placement.status === 'ended_early' || placement.status === 'completed') {
    const how = placement.status === 'completed' ? 'was completed' : 'ended early';
    return refuse('placement.ended', 'placementId', `placement ${placementId} ${how} (last day ${placement.lastDay}); an ended placement cannot change`);
  }
  return placement;
};

/** Refuses a date outside the placement's days, from its start to its last day. */
export const checkWithinPlacement = (placement: Placement, date: LocalDate, field: string, reason: string): void => {
  if (date < placement.startDate || date > placement.lastDay) {
    refuse(reason, field, `${date} is outside placement ${placement.placementId} (${placement.startDate} to ${placement.lastDay})`);
  }
};

/** The rule set in force, or a refusal when the rule book has no rules for the year. */
export const rulesFor = (ruleBook: RuleBook, academicYear: AcademicYear, on: LocalDate): RuleSet => {
  try {
    return ruleBook.ruleSetFor(academicYear, on);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return refuse('placement.no-rules-for-year', 'academicYear', error.reason);
    throw error;
  }
};

/**
 * Refuses dates that overlap another placement of the same trainee, unless the year's rules allow
 * overlapping placements. Days are inclusive at both ends.
 */
export const checkNoOverlap = (
  rules: RuleSet,
  others: readonly OtherPlacement[],
  placementId: string,
  range: { readonly from: LocalDate; readonly to: LocalDate },
  field: string,
): void => {
  if (rules.placements.overlappingPlacementsAllowed.value) return;
  const clash = others.find((other) => other.placementId !== placementId && other.startDate <= range.to && range.from <= other.lastDay);
  if (clash) {
    refuse(
      'placement.overlaps-another',
      field,
      `the trainee is already placed from ${clash.startDate} to ${clash.lastDay} (placement ${clash.placementId}); ${rules.academicYear} rules do not allow overlapping placements`,
    );
  }
};

/** Refuses a length that is not a whole number of minutes from 1 to the rule set's maximum for one record. */
export const checkMinutes = (rules: RuleSet, minutes: unknown): void => {
  const max = rules.mentoring.maximumRecordMinutes.value;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > max) {
    refuse('record.minutes-out-of-range', 'minutes', `a mentoring record lasts 1 to ${max} whole minutes, not ${String(minutes)}`);
  }
};
