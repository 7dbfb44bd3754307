import type { AcademicYear } from '../calendar/academicYear.js';
import { addDays, toLocalDate, type LocalDate } from '../calendar/localDate.js';
import type { Erased } from '../kernel/personalData.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { TrainingMode, TrainingPurpose } from './events.js';
import { requirementKey, type PriorLearningEntry, type RequirementData, type TrainingComplianceState, type TrainingTrack } from './complianceProjection.js';

const MINUTES_PER_HOUR = 60;

/** The DfE's minimum for the purpose, in force on the day asked about, and what it was before if it changed. */
export interface DfeMinimum {
  /** `null`: no DfE minimum ("sufficient high-quality training", as the provider decides). */
  readonly minutes: number | null;
  readonly ruleSetValidFrom: LocalDate;
  readonly quote: string;
  readonly source: string;
  /** The year's earlier minimum, when it changed during the year (e.g. 20 h until 12 Nov 2024). */
  readonly previously?: { readonly minutes: number; readonly until: LocalDate };
}

export interface TrainingComplianceRow {
  readonly mentorId: string;
  readonly mentorName?: string | Erased;
  readonly schoolId?: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly purpose: TrainingPurpose;
  readonly minutesByMode: Readonly<Record<TrainingMode, number>>;
  /** Minutes of training sessions that count: never prior learning. */
  readonly trainedMinutes: number;
  readonly sessionCount: number;
  readonly priorLearning: readonly PriorLearningEntry[];
  /** Minutes by which prior learning reduces the initial requirement (0 for a refresher). */
  readonly priorLearningMinutes: number;
  readonly dfeMinimum: DfeMinimum;
  readonly providerRequirement?: RequirementData;
  /** The requirement applied: the provider's own when it set one, else the DfE minimum; absent when neither. */
  readonly requiredMinutes?: { readonly minutes: number; readonly basis: 'provider' | 'dfe' };
  readonly remainingMinutes?: number;
  readonly deadline: { readonly date: LocalDate; readonly basis: 'provider' | 'dfe_training_window' };
  readonly status: 'compliant' | 'in_progress' | 'overdue' | 'no_requirement';
  readonly placementsMentored: number;
}

export interface TrainingComplianceQuery {
  /** The day the report is for: the rules and requirements in force then, and what is overdue. */
  readonly today: LocalDate;
  readonly ruleBook?: RuleBook;
  readonly academicYear?: AcademicYear;
  readonly providerId?: string;
  readonly mentorId?: string;
}

const minimumOf = (ruleSet: RuleSet, purpose: TrainingPurpose) =>
  purpose === 'initial' ? ruleSet.mentorTraining.initialMinimumHours : ruleSet.mentorTraining.refresherMinimumHours;

const dfeMinimum = (ruleBook: RuleBook, ruleSet: RuleSet, purpose: TrainingPurpose): DfeMinimum => {
  const current = minimumOf(ruleSet, purpose);
  const minutes = current.value === null ? null : current.value * MINUTES_PER_HOUR;
  const earlier = ruleBook.ruleSets.filter((other) => other.academicYear === ruleSet.academicYear && other.validFrom < ruleSet.validFrom);
  const before = earlier.length === 0 ? undefined : minimumOf(earlier[earlier.length - 1]!, purpose).value;
  const changed = before !== undefined && before !== null && before * MINUTES_PER_HOUR !== minutes;
  return {
    minutes,
    ruleSetValidFrom: ruleSet.validFrom,
    quote: current.quote,
    source: current.source,
    ...(changed ? { previously: { minutes: before * MINUTES_PER_HOUR, until: addDays(ruleSet.validFrom, -1) } } : {}),
  };
};

/** The provider's requirement in force on `today`: the last one set whose start is not after it. */
export const providerRequirementOn = (state: TrainingComplianceState, providerId: string, academicYear: AcademicYear, today: LocalDate): RequirementData | undefined =>
  state.requirements.get(requirementKey(providerId, academicYear))?.findLast((requirement) => requirement.effectiveFrom <= today);

const sessionCount = (track: TrainingTrack): number => track.sessionsByPurpose.initial + track.sessionsByPurpose.refresher;

const purposeOf = (state: TrainingComplianceState, track: TrainingTrack): TrainingPurpose => {
  if (track.sessionsByPurpose.refresher > 0) return 'refresher';
  if (track.sessionsByPurpose.initial > 0) return 'initial';
  // No sessions yet: a refresher mentor if they trained with this provider in an earlier year (domain.md).
  for (const key of state.tracksByMentor.get(track.mentorId) ?? []) {
    const other = state.tracks.get(key);
    if (other && other.providerId === track.providerId && other.academicYear < track.academicYear && sessionCount(other) > 0) return 'refresher';
  }
  return 'initial';
};

const row = (state: TrainingComplianceState, track: TrainingTrack, today: LocalDate, ruleBook: RuleBook): TrainingComplianceRow => {
  const ruleSet = ruleBook.ruleSetFor(track.academicYear, today);
  const purpose = purposeOf(state, track);
  const dfe = dfeMinimum(ruleBook, ruleSet, purpose);
  const provider = providerRequirementOn(state, track.providerId, track.academicYear, today);
  const trainedMinutes = Object.values(track.minutesByMode).reduce((sum, minutes) => sum + minutes, 0);
  const priorLearning = [...track.priorLearning.values()];
  const priorLearningMinutes = purpose === 'initial' ? priorLearning.reduce((sum, entry) => sum + entry.minutes, 0) : 0;
  const required =
    provider !== undefined
      ? { minutes: purpose === 'initial' ? provider.initialMinutes : provider.refresherMinutes, basis: 'provider' as const }
      : dfe.minutes === null
        ? undefined
        : { minutes: dfe.minutes, basis: 'dfe' as const };
  const remaining = required === undefined ? undefined : Math.max(0, required.minutes - priorLearningMinutes - trainedMinutes);
  const deadline =
    provider?.completeBy !== undefined
      ? { date: provider.completeBy, basis: 'provider' as const }
      : { date: ruleSet.funding.trainingWindow.value.to, basis: 'dfe_training_window' as const };
  const mentor = state.mentors.get(track.mentorId);
  return {
    mentorId: track.mentorId,
    ...(mentor === undefined ? {} : { mentorName: mentor.name, schoolId: mentor.schoolId }),
    providerId: track.providerId,
    academicYear: track.academicYear,
    purpose,
    minutesByMode: { ...track.minutesByMode },
    trainedMinutes,
    sessionCount: sessionCount(track),
    priorLearning,
    priorLearningMinutes,
    dfeMinimum: dfe,
    ...(provider === undefined ? {} : { providerRequirement: provider }),
    ...(required === undefined ? {} : { requiredMinutes: required }),
    ...(remaining === undefined ? {} : { remainingMinutes: remaining }),
    deadline,
    status: remaining === undefined ? 'no_requirement' : remaining === 0 ? 'compliant' : deadline.date < today ? 'overdue' : 'in_progress',
    placementsMentored: track.placementIds.size,
  };
};

/**
 * Training compliance per mentor, provider and year on `today`: minutes by mode, prior learning apart, the
 * DfE minimum in force then (none since 13 Nov 2024) beside the provider's own requirement, and the deadline.
 */
export const trainingCompliance = (state: TrainingComplianceState, query: TrainingComplianceQuery): TrainingComplianceRow[] => {
  const today = toLocalDate(query.today, 'today');
  const ruleBook = query.ruleBook ?? standardRuleBook;
  const keys = query.mentorId === undefined ? [...state.tracks.keys()] : (state.tracksByMentor.get(query.mentorId) ?? []);
  const rows: TrainingComplianceRow[] = [];
  for (const key of keys) {
    const track = state.tracks.get(key)!;
    if (query.providerId !== undefined && track.providerId !== query.providerId) continue;
    if (query.academicYear !== undefined && track.academicYear !== query.academicYear) continue;
    rows.push(row(state, track, today, ruleBook));
  }
  const order = (r: TrainingComplianceRow) => `${r.academicYear}\u0000${r.providerId}\u0000${r.mentorId}`;
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : 1));
};

/** Mentors still short of their requirement, the earliest deadline first. */
export const notYetCompliant = (rows: readonly TrainingComplianceRow[]): TrainingComplianceRow[] =>
  rows
    .filter((r) => r.status === 'in_progress' || r.status === 'overdue')
    .sort((a, b) => (a.deadline.date === b.deadline.date ? (a.mentorId < b.mentorId ? -1 : 1) : a.deadline.date < b.deadline.date ? -1 : 1));
