import type { LocalDate } from '../calendar/localDate.js';
import { weekStartOf } from '../calendar/localDate.js';
import { currentMentors, mentorsOn, recordsOf, type PlacementStatus } from '../placement/state.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { EntitlementReadModel } from './projections.js';
import { combineWeeks, summarise, type EntitlementSummary } from './summary.js';
import { placementWeeks, type EntitlementWeek } from './weeks.js';

export interface EntitlementQuery {
  /** The date the question is asked on (never the system clock): its week is "this week". */
  readonly today: LocalDate;
  readonly ruleBook?: RuleBook;
}

export interface PlacementEntitlement extends EntitlementSummary {
  readonly placementId: string;
  readonly traineeId: string;
  readonly schoolId: string;
  readonly status: PlacementStatus;
  readonly mentorIds: readonly string[];
  /** Where term weeks and holidays came from. */
  readonly calendar: 'placement' | 'school' | 'none';
}

export interface TraineeEntitlement extends EntitlementSummary {
  readonly traineeId: string;
  readonly placementIds: readonly string[];
}

const weeksOf = (model: EntitlementReadModel, placementId: string, query: EntitlementQuery) => {
  const state = model.placements.get(placementId);
  const placement = state?.placement;
  if (!state || !placement) return undefined;
  const ruleBook = query.ruleBook ?? standardRuleBook;
  const schoolCalendar = model.schools.get(placement.schoolId)?.calendars[placement.academicYear];
  const calendar = placement.calendar ?? schoolCalendar;
  const route = model.trainees.get(placement.traineeId)?.route;
  const weeks = placementWeeks({
    placement,
    records: recordsOf(state).values(),
    ruleBook,
    today: query.today,
    ...(calendar ? { calendar } : {}),
    ...(route ? { route } : {}),
  });
  const source = placement.calendar ? 'placement' : schoolCalendar ? 'school' : 'none';
  return { placement, weeks, source, rulesOn: (week: LocalDate) => ruleBook.ruleSetFor(placement.academicYear, week) } as const;
};

/** One placement's weekly entitlement table and totals, as the read model stands. */
export const placementEntitlement = (model: EntitlementReadModel, placementId: string, query: EntitlementQuery): PlacementEntitlement | undefined => {
  const found = weeksOf(model, placementId, query);
  if (!found) return undefined;
  const { placement, weeks, source, rulesOn } = found;
  return {
    placementId,
    traineeId: placement.traineeId,
    schoolId: placement.schoolId,
    status: placement.status,
    mentorIds: currentMentors(placement).map((spell) => spell.mentorId),
    calendar: source,
    ...summarise(weeks, rulesOn),
  };
};

/** A trainee's weeks across all their placements. */
export const traineeEntitlement = (model: EntitlementReadModel, traineeId: string, query: EntitlementQuery): TraineeEntitlement | undefined => {
  const entry = model.trainees.get(traineeId);
  if (!entry) return undefined;
  const found = entry.placementIds.flatMap((id) => weeksOf(model, id, query) ?? []);
  const weeks: EntitlementWeek[] = combineWeeks(found.map((f) => f.weeks));
  const ruleBook = query.ruleBook ?? standardRuleBook;
  const years = new Map(found.flatMap((f) => f.weeks.map((w) => [w.weekStart, f.placement.academicYear] as const)));
  const rulesOn = (week: LocalDate) => {
    const year = years.get(week);
    // Every combined week comes from a placement, so it has a year.
    return ruleBook.ruleSetFor(year ?? found[0]!.placement.academicYear, week);
  };
  return { traineeId, placementIds: entry.placementIds, ...summarise(weeks, rulesOn) };
};

export interface BehindRow {
  /** The school or mentor. */
  readonly id: string;
  /** Trainees with a placement week under way now, not exempt. */
  readonly trainees: number;
  /** Of them, those who have received less than this week's entitlement so far. */
  readonly behind: number;
  /** Of them, those whose short weeks in a row have raised the action flag. */
  readonly flagged: number;
  readonly behindTraineeIds: readonly string[];
}

/**
 * How many trainees are behind their entitlement this week (the week holding `today`), per school or per
 * mentor (the mentors on the placement today). Rows sorted by id.
 */
export const behindThisWeek = (model: EntitlementReadModel, query: EntitlementQuery & { readonly by: 'school' | 'mentor' }): BehindRow[] => {
  const week = weekStartOf(query.today);
  const rows = new Map<string, { trainees: Set<string>; behind: Set<string>; flagged: Set<string> }>();
  for (const [placementId, state] of model.placements) {
    const placement = state.placement;
    if (!placement || placement.lastDay < week || placement.startDate > query.today) continue;
    const entitlement = placementEntitlement(model, placementId, query);
    const now = entitlement?.weeks.find((row) => row.weekStart === week);
    if (!entitlement || !now || now.exempt) continue;
    const ids = query.by === 'school' ? [placement.schoolId] : mentorsOn(placement, query.today).map((spell) => spell.mentorId);
    for (const id of ids) {
      const row = rows.get(id) ?? { trainees: new Set<string>(), behind: new Set<string>(), flagged: new Set<string>() };
      row.trainees.add(placement.traineeId);
      if (now.shortfallMinutes > 0) row.behind.add(placement.traineeId);
      if (entitlement.flag) row.flagged.add(placement.traineeId);
      rows.set(id, row);
    }
  }
  return [...rows.keys()].sort().map((id) => {
    const row = rows.get(id)!;
    return { id, trainees: row.trainees.size, behind: row.behind.size, flagged: row.flagged.size, behindTraineeIds: [...row.behind].sort() };
  });
};
