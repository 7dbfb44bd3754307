import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { QaAnswers } from '../leadMentorQa/events.js';
import type { ReviewOutcome } from '../reviewPoint/events.js';
import { TARGET_VERDICTS, type TargetVerdict } from '../target/events.js';
import { REPORTS, type ReportKind } from './audience.js';
import { timeliness, type Timeliness } from './compliance.js';
import type { PhaseOrUnknown } from './irpRegister.js';
import { observationsByReviewPoint, schoolProgressOf, type SchoolObservation, type SchoolProgress } from './schoolReviewPoints.js';
import type { SchoolFacts } from './schools.js';

export interface SchoolSummaryTrainee {
  readonly traineeId: string;
  readonly reviewPointId: string;
  readonly placementId: string;
  readonly dueDate: LocalDate;
  readonly heldOn?: LocalDate;
  readonly timeliness: Timeliness;
  readonly outcome?: ReviewOutcome;
  readonly areasOfConcern: readonly string[];
  readonly leadMentorJoined?: boolean;
  readonly targetsSet: readonly { readonly targetId: string; readonly description: string; readonly area: string; readonly dueDate: LocalDate }[];
  readonly targetsReviewed: readonly { readonly targetId: string; readonly description: string; readonly verdict: TargetVerdict }[];
  readonly qaForm?: { readonly completedOn: LocalDate; readonly answers: QaAnswers };
  readonly jointObservations: readonly { readonly date: LocalDate; readonly focus: string }[];
  readonly recoveryPlanOpened: boolean;
}

export interface SchoolSummaryTotals {
  readonly trainees: number;
  readonly held: number;
  readonly onTrack: number;
  readonly notOnTrack: number;
  readonly missed: number;
  readonly overdue: number;
  readonly targetsSet: number;
  readonly targetsReviewed: { readonly [V in TargetVerdict]: number };
  readonly qaForms: number;
  readonly jointObservations: number;
  readonly recoveryPlansOpened: number;
}

/**
 * A School Summary Report (seed 004: "comprehensive School Summary Reports") for one school at one review
 * stage of one year, built from the events, not typed in. No welfare notes and no feedback text: it goes to
 * the school.
 */
export interface SchoolSummaryReport {
  readonly report: ReportKind;
  readonly schoolId: string;
  readonly schoolName?: string;
  readonly phase: PhaseOrUnknown;
  readonly academicYear: AcademicYear;
  readonly stage: string;
  readonly today: LocalDate;
  readonly trainees: readonly SchoolSummaryTrainee[];
  readonly totals: SchoolSummaryTotals;
}

const zeroVerdicts = (): Record<TargetVerdict, number> => Object.fromEntries(TARGET_VERDICTS.map((verdict) => [verdict, 0])) as Record<TargetVerdict, number>;

const totalsOf = (trainees: readonly SchoolSummaryTrainee[]): SchoolSummaryTotals => {
  const targetsReviewed = zeroVerdicts();
  for (const t of trainees) for (const review of t.targetsReviewed) targetsReviewed[review.verdict] += 1;
  return {
    trainees: trainees.length,
    held: trainees.filter((t) => t.heldOn !== undefined).length,
    onTrack: trainees.filter((t) => t.outcome === 'on_track').length,
    notOnTrack: trainees.filter((t) => t.outcome === 'not_on_track').length,
    missed: trainees.filter((t) => t.timeliness === 'missed').length,
    overdue: trainees.filter((t) => t.timeliness === 'overdue').length,
    targetsSet: trainees.reduce((sum, t) => sum + t.targetsSet.length, 0),
    targetsReviewed,
    qaForms: trainees.filter((t) => t.qaForm !== undefined).length,
    jointObservations: trainees.reduce((sum, t) => sum + t.jointObservations.length, 0),
    recoveryPlansOpened: trainees.filter((t) => t.recoveryPlanOpened).length,
  };
};

/** The summary for `schoolId` at `stage` of `academicYear`, judged on `today`; `partitions` is `schoolProgress`'s state. */
export const schoolSummaryReport = (
  partitions: ReadonlyMap<string, SchoolProgress>,
  school: SchoolFacts | undefined,
  at: { readonly schoolId: string; readonly academicYear: AcademicYear; readonly stage: string; readonly today: LocalDate },
): SchoolSummaryReport => {
  const state = schoolProgressOf(partitions, at.schoolId);
  const observed = state === undefined ? new Map<string, readonly SchoolObservation[]>() : observationsByReviewPoint(state);
  const targets = Object.values(state?.targets ?? {}).filter((t) => !t.withdrawn);
  const trainees = Object.values(state?.reviewPoints ?? {})
    .filter((r) => r.academicYear === at.academicYear && r.stage === at.stage)
    .sort((a, b) => (a.traineeId !== b.traineeId ? (a.traineeId < b.traineeId ? -1 : 1) : a.reviewPointId < b.reviewPointId ? -1 : 1))
    .map((r): SchoolSummaryTrainee => {
      const qa = state?.qaForms[r.reviewPointId];
      return {
        traineeId: r.traineeId,
        reviewPointId: r.reviewPointId,
        placementId: r.placementId,
        dueDate: r.dueDate,
        ...(r.heldOn === undefined ? {} : { heldOn: r.heldOn }),
        timeliness: timeliness(r, at.today),
        ...(r.outcome === undefined ? {} : { outcome: r.outcome }),
        areasOfConcern: r.areasOfConcern,
        ...(r.leadMentorJoined === undefined ? {} : { leadMentorJoined: r.leadMentorJoined }),
        targetsSet: targets.filter((t) => t.reviewPointId === r.reviewPointId).map(({ targetId, description, area, dueDate }) => ({ targetId, description, area, dueDate })),
        targetsReviewed: (state?.reviewsAt[r.reviewPointId] ?? [])
          .filter(({ targetId }) => state?.targets[targetId]?.withdrawn !== true)
          .map(({ targetId, verdict }) => ({ targetId, description: state?.targets[targetId]?.description ?? targetId, verdict })),
        ...(qa === undefined ? {} : { qaForm: { completedOn: qa.completedOn, answers: qa.answers } }),
        jointObservations: (observed.get(r.reviewPointId) ?? []).map(({ date, focus }) => ({ date, focus })),
        recoveryPlanOpened: state?.plansFrom[r.reviewPointId] !== undefined,
      };
    });
  return {
    report: REPORTS.schoolSummary,
    schoolId: at.schoolId,
    ...(school === undefined ? {} : { schoolName: school.name }),
    phase: school?.phase ?? 'unknown',
    academicYear: at.academicYear,
    stage: at.stage,
    today: at.today,
    trainees,
    totals: totalsOf(trainees),
  };
};
