import type { LocalDate } from '../calendar/localDate.js';
import { nextReviewDue, reviewOverdue } from '../irp/schedule.js';
import { definePartitionedProjection } from '../kernel/projection.js';
import type { SchoolPhase } from '../school/events.js';
import { REPORTS, type ReportKind } from './audience.js';
import type { ProgressEventOf } from './events.js';
import { planChanges, type PlanRecord, type Plans } from './planRecords.js';
import { noRecords } from './records.js';
import type { SchoolDirectory } from './schools.js';

type IrpEvents = ProgressEventOf<'IndividualRecoveryPlanOpened' | 'IndividualRecoveryPlanReviewed' | 'IndividualRecoveryPlanExtended' | 'IndividualRecoveryPlanClosed'>;

/** Every trainee's recovery plans, open and closed. */
export const irpRecords = definePartitionedProjection<IrpEvents, Plans>({
  name: 'irp-records',
  partitionBy: (event) => event.data.traineeId,
  initialState: () => noRecords(),
  handlers: {
    IndividualRecoveryPlanOpened: (plans, { data }) => planChanges.opened(plans, plans, data),
    IndividualRecoveryPlanReviewed: (plans, { data }) => planChanges.reviewed(plans, plans, data),
    IndividualRecoveryPlanExtended: (plans, { data }) => planChanges.extended(plans, plans, data),
    IndividualRecoveryPlanClosed: (plans, { data }) => planChanges.closed(plans, plans, data),
  },
});

export type PhaseOrUnknown = SchoolPhase | 'unknown';

export interface IrpRegisterRow {
  readonly traineeId: string;
  readonly irpId: string;
  readonly schoolId: string;
  readonly phase: PhaseOrUnknown;
  readonly openedOn: LocalDate;
  readonly ownerId: string;
  readonly nextReviewDue?: LocalDate;
  readonly reviewOverdue: boolean;
  readonly openTargets: number;
  readonly reviews: number;
  readonly extensions: number;
}

export interface OutcomeCounts {
  readonly opened: number;
  readonly open: number;
  readonly succeeded: number;
  /** Plans given at least one further period. */
  readonly extended: number;
  readonly escalated: number;
}

/** A provider's plans on `today`: the open ones, those whose review is overdue, and outcomes by school and phase. */
export interface IrpRegister {
  readonly report: ReportKind;
  readonly providerId: string;
  readonly today: LocalDate;
  readonly open: readonly IrpRegisterRow[];
  readonly overdueReviews: readonly IrpRegisterRow[];
  readonly outcomesBySchool: readonly ({ readonly schoolId: string } & OutcomeCounts)[];
  readonly outcomesByPhase: readonly ({ readonly phase: PhaseOrUnknown } & OutcomeCounts)[];
}

const count = (counts: OutcomeCounts | undefined, plan: PlanRecord): OutcomeCounts => {
  const c = counts ?? { opened: 0, open: 0, succeeded: 0, extended: 0, escalated: 0 };
  return {
    opened: c.opened + 1,
    open: c.open + (plan.status === 'open' ? 1 : 0),
    succeeded: c.succeeded + (plan.status === 'succeeded' ? 1 : 0),
    extended: c.extended + (plan.extensions.length > 0 ? 1 : 0),
    escalated: c.escalated + (plan.status === 'escalated' ? 1 : 0),
  };
};

const row = (plan: PlanRecord, phase: PhaseOrUnknown, today: LocalDate): IrpRegisterRow => {
  const due = nextReviewDue(plan.schedule);
  return {
    traineeId: plan.traineeId,
    irpId: plan.irpId,
    schoolId: plan.schoolId,
    phase,
    openedOn: plan.openedOn,
    ownerId: plan.ownerId,
    ...(due === undefined ? {} : { nextReviewDue: due }),
    reviewOverdue: reviewOverdue(plan.schedule, today),
    openTargets: plan.targets.filter((target) => target.status === 'open').length,
    reviews: plan.reviews.length,
    extensions: plan.extensions.length,
  };
};

/** Values by key, in key order: reports list the same way on every run. */
export const byKey = <T>(map: ReadonlyMap<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);

/** The register of `providerId`'s plans, judged on `today` (a date passed in, never the system clock). */
export const irpRegister = (records: ReadonlyMap<string, Plans>, schools: SchoolDirectory, providerId: string, today: LocalDate): IrpRegister => {
  const open: IrpRegisterRow[] = [];
  const bySchool = new Map<string, { schoolId: string } & OutcomeCounts>();
  const byPhase = new Map<string, { phase: PhaseOrUnknown } & OutcomeCounts>();
  for (const plans of records.values()) {
    for (const plan of Object.values(plans)) {
      if (plan.providerId !== providerId) continue;
      const phase: PhaseOrUnknown = schools.get(plan.schoolId)?.phase ?? 'unknown';
      bySchool.set(plan.schoolId, { schoolId: plan.schoolId, ...count(bySchool.get(plan.schoolId), plan) });
      byPhase.set(phase, { phase, ...count(byPhase.get(phase), plan) });
      if (plan.status === 'open') open.push(row(plan, phase, today));
    }
  }
  open.sort((a, b) => (a.openedOn !== b.openedOn ? (a.openedOn < b.openedOn ? -1 : 1) : a.irpId < b.irpId ? -1 : a.irpId > b.irpId ? 1 : 0));
  return {
    report: REPORTS.irpRegister,
    providerId,
    today,
    open,
    overdueReviews: open.filter((r) => r.reviewOverdue),
    outcomesBySchool: byKey(bySchool),
    outcomesByPhase: byKey(byPhase),
  };
};
