import { academicYearOf } from '../calendar/academicYear.js';
import { addDays, daysBetween, maxDate, toLocalDate, type LocalDate } from '../calendar/localDate.js';
import type { Erased } from '../kernel/personalData.js';
import { onPlacement, type PlacementFacts } from '../mentorReports/placementFacts.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import { checkInKey, type CaseloadState } from './caseloadProjection.js';
import type { CheckInSubject } from './events.js';
import { inCaseloadOn } from './decider.js';

export interface CheckInStatus {
  readonly lastCheckIn?: LocalDate;
  /** The day the next check-in is due: the last one (or the start of the support) plus the interval. */
  readonly dueBy: LocalDate;
  readonly overdue: boolean;
}

export interface CaseloadTrainee extends CheckInStatus {
  readonly traineeId: string;
  readonly name?: string | Erased;
  readonly placementId: string;
  readonly mentorIds: readonly string[];
  readonly jointObservations: number;
  readonly lastJointObservation?: LocalDate;
}

export interface CaseloadMentor extends CheckInStatus {
  readonly mentorId: string;
  readonly name?: string | Erased;
  readonly traineeIds: readonly string[];
  readonly supervisions: number;
  readonly lastSupervision?: LocalDate;
}

export interface CaseloadSchool {
  readonly schoolId: string;
  readonly name?: string;
  readonly since: LocalDate;
  readonly mentors: readonly CaseloadMentor[];
  readonly trainees: readonly CaseloadTrainee[];
}

export interface OverdueCheckIn {
  readonly subject: CheckInSubject;
  readonly id: string;
  readonly name?: string | Erased;
  readonly schoolId: string;
  readonly dueBy: LocalDate;
  readonly daysOverdue: number;
}

export interface LeadMentorCaseload {
  readonly leadMentorId: string;
  readonly providerId: string;
  readonly checkInIntervalDays: number;
  readonly schools: readonly CaseloadSchool[];
  /** Everyone whose check-in is overdue, the longest overdue first. */
  readonly overdue: readonly OverdueCheckIn[];
}

export interface CaseloadQuery {
  readonly today: LocalDate;
  readonly ruleBook?: RuleBook;
  /** Overrides the rule set's (assumed) interval, for a provider with its own. */
  readonly checkInIntervalDays?: number;
}

const byId = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

const status = (state: CaseloadState, leadMentorId: string, subject: CheckInSubject, id: string, since: LocalDate, today: LocalDate, interval: number, active: boolean): CheckInStatus => {
  let last: LocalDate | undefined;
  for (const date of state.checkIns.get(checkInKey(leadMentorId, subject, id))?.values() ?? []) {
    if (date <= today && (last === undefined || date > last)) last = date;
  }
  const dueBy = addDays(last ?? since, interval);
  return { ...(last === undefined ? {} : { lastCheckIn: last }), dueBy, overdue: active && dueBy < today };
};

/** The school's placements for the lead mentor's provider in the year of `today`. */
const placementsAt = (state: CaseloadState, schoolId: string, providerId: string, today: LocalDate): PlacementFacts[] => {
  const year = academicYearOf(today);
  const found: PlacementFacts[] = [];
  for (const placementId of state.placementsBySchool.get(schoolId) ?? []) {
    const facts = state.placements.get(placementId);
    if (facts !== undefined && facts.providerId === providerId && facts.academicYear === year) found.push(facts);
  }
  return found.sort(byId((p) => p.placementId));
};

/**
 * A lead mentor's caseload on `today`: the schools they support, the mentors and trainees there (placements
 * of their provider this year), and whose check-in is overdue. Undefined for someone never appointed.
 */
export const leadMentorCaseload = (state: CaseloadState, leadMentorId: string, query: CaseloadQuery): LeadMentorCaseload | undefined => {
  const today = toLocalDate(query.today, 'today');
  const lead = state.leadMentors.get(leadMentorId);
  if (lead === undefined) return undefined;
  const interval = query.checkInIntervalDays ?? (query.ruleBook ?? standardRuleBook).ruleSetFor(academicYearOf(today), today).leadMentor.checkInIntervalDays.value;
  const serving = lead.endedOn === undefined || today <= lead.endedOn;
  const schools: CaseloadSchool[] = [];
  const overdue: OverdueCheckIn[] = [];
  for (const [schoolId, periods] of lead.schools) {
    if (!serving || !inCaseloadOn(periods, today)) continue;
    const since = periods.findLast((period) => period.from <= today)!.from;
    const trainees: CaseloadTrainee[] = [];
    const mentors = new Map<string, { traineeIds: string[]; since: LocalDate; active: boolean }>();
    for (const facts of placementsAt(state, schoolId, lead.providerId, today)) {
      const active = onPlacement(facts, today);
      const start = maxDate(facts.startDate, since);
      const observed = [...(state.observations.get(facts.placementId)?.values() ?? [])].filter((o) => o.leadMentorId === leadMentorId && o.date <= today);
      const lastObserved = observed.reduce<LocalDate | undefined>((last, o) => (last === undefined || o.date > last ? o.date : last), undefined);
      trainees.push({
        traineeId: facts.traineeId,
        ...(state.traineeNames.has(facts.traineeId) ? { name: state.traineeNames.get(facts.traineeId)! } : {}),
        placementId: facts.placementId,
        mentorIds: [...facts.mentorIds],
        jointObservations: observed.length,
        ...(lastObserved === undefined ? {} : { lastJointObservation: lastObserved }),
        ...status(state, leadMentorId, 'trainee', facts.traineeId, start, today, interval, active),
      });
      for (const mentorId of facts.mentorIds) {
        const entry = mentors.get(mentorId) ?? { traineeIds: [], since: start, active: false };
        entry.traineeIds.push(facts.traineeId);
        if (active && (!entry.active || start < entry.since)) entry.since = start;
        entry.active ||= active;
        mentors.set(mentorId, entry);
      }
    }
    const mentorRows: CaseloadMentor[] = [...mentors].map(([mentorId, entry]) => {
      const supervision = state.supervisions.get(`${leadMentorId}|${mentorId}`);
      return {
        mentorId,
        ...(state.mentorNames.has(mentorId) ? { name: state.mentorNames.get(mentorId)! } : {}),
        traineeIds: entry.traineeIds.sort(),
        supervisions: supervision?.count ?? 0,
        ...(supervision === undefined ? {} : { lastSupervision: supervision.last }),
        ...status(state, leadMentorId, 'mentor', mentorId, entry.since, today, interval, entry.active),
      };
    });
    for (const row of [...mentorRows.map((m) => ({ subject: 'mentor' as const, id: m.mentorId, row: m })), ...trainees.map((t) => ({ subject: 'trainee' as const, id: t.traineeId, row: t }))]) {
      if (!row.row.overdue) continue;
      overdue.push({ subject: row.subject, id: row.id, ...(row.row.name === undefined ? {} : { name: row.row.name }), schoolId, dueBy: row.row.dueBy, daysOverdue: daysBetween(row.row.dueBy, today) });
    }
    schools.push({
      schoolId,
      ...(state.schoolNames.has(schoolId) ? { name: state.schoolNames.get(schoolId)! } : {}),
      since,
      mentors: mentorRows.sort(byId((m) => m.mentorId)),
      trainees: trainees.sort(byId((t) => t.traineeId)),
    });
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byId<OverdueCheckIn>((o) => `${o.subject}|${o.id}`)(a, b));
  return { leadMentorId, providerId: lead.providerId, checkInIntervalDays: interval, schools: schools.sort(byId((s) => s.schoolId)), overdue };
};
