import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { REPORTS, type ReportKind } from './audience.js';
import { observationsByReviewPoint, schoolProgressOf, type SchoolObservation, type SchoolProgress, type SchoolReviewPoint } from './schoolReviewPoints.js';

export type Timeliness = 'held_on_time' | 'held_late' | 'overdue' | 'not_yet_due' | 'missed';

export interface ComplianceRow {
  readonly reviewPointId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly academicYear: AcademicYear;
  readonly stage: string;
  readonly dueDate: LocalDate;
  readonly heldOn?: LocalDate;
  readonly timeliness: Timeliness;
  /** Undefined until held. False when the provider required the lead mentor and they did not join. */
  readonly leadMentorPresentAsRequired?: boolean;
  readonly qaFormPresent: boolean;
  readonly jointObservationDone: boolean;
}

export interface ComplianceTotals {
  readonly reviewPoints: number;
  readonly heldOnTime: number;
  readonly heldLate: number;
  readonly overdue: number;
  readonly missed: number;
  /** Held review points with the lead mentor's QA form, and without. */
  readonly qaFormsPresent: number;
  readonly qaFormsMissing: number;
  readonly jointObservationsDone: number;
}

/** Per school: was each review point held on time, is its QA form in, was a joint observation done. */
export interface ReviewPointCompliance {
  readonly report: ReportKind;
  readonly schoolId: string;
  readonly today: LocalDate;
  readonly rows: readonly ComplianceRow[];
  readonly totals: ComplianceTotals;
}

export const timeliness = (r: SchoolReviewPoint, today: LocalDate): Timeliness => {
  if (r.heldOn !== undefined) return r.heldOn <= r.dueDate ? 'held_on_time' : 'held_late';
  if (r.missed) return 'missed';
  return r.dueDate < today ? 'overdue' : 'not_yet_due';
};

const tally = (rows: readonly ComplianceRow[]): ComplianceTotals => ({
  reviewPoints: rows.length,
  heldOnTime: rows.filter((r) => r.timeliness === 'held_on_time').length,
  heldLate: rows.filter((r) => r.timeliness === 'held_late').length,
  overdue: rows.filter((r) => r.timeliness === 'overdue').length,
  missed: rows.filter((r) => r.timeliness === 'missed').length,
  qaFormsPresent: rows.filter((r) => r.heldOn !== undefined && r.qaFormPresent).length,
  qaFormsMissing: rows.filter((r) => r.heldOn !== undefined && !r.qaFormPresent).length,
  jointObservationsDone: rows.filter((r) => r.jointObservationDone).length,
});

/** A school's review points (of one academic year, when given) as compliance rows, judged on `today`; `partitions` is `schoolProgress`'s state. */
export const reviewPointCompliance = (
  partitions: ReadonlyMap<string, SchoolProgress>,
  schoolId: string,
  today: LocalDate,
  academicYear?: AcademicYear,
): ReviewPointCompliance => {
  const state = schoolProgressOf(partitions, schoolId);
  const observed = state === undefined ? new Map<string, readonly SchoolObservation[]>() : observationsByReviewPoint(state);
  const rows: ComplianceRow[] = Object.values(state?.reviewPoints ?? {})
    .filter((r) => academicYear === undefined || r.academicYear === academicYear)
    .sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.reviewPointId < b.reviewPointId ? -1 : 1))
    .map((r) => ({
      reviewPointId: r.reviewPointId,
      traineeId: r.traineeId,
      placementId: r.placementId,
      academicYear: r.academicYear,
      stage: r.stage,
      dueDate: r.dueDate,
      ...(r.heldOn === undefined ? {} : { heldOn: r.heldOn, leadMentorPresentAsRequired: !r.leadMentorRequired || r.leadMentorJoined === true }),
      timeliness: timeliness(r, today),
      qaFormPresent: state?.qaForms[r.reviewPointId] !== undefined,
      jointObservationDone: (observed.get(r.reviewPointId)?.length ?? 0) > 0,
    }));
  return { report: REPORTS.reviewPointCompliance, schoolId, today, rows, totals: tally(rows) };
};
