import { match } from 'ts-pattern';
import { academicYearOf } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { reject, requireDate, requireDistinct, requireText } from '../progress/commandChecks.js';
import { LIMITS } from '../progress/limits.js';
import type { ReviewPointCommand } from './commands.js';
import type { ReviewOutcome, ReviewPointEvent } from './events.js';
import { reviewPointCommandSchema } from './commandSchema.js';

type Scheduled = Extract<ReviewPointEvent, { type: 'ReviewPointScheduled' }>['data'];
type Held = Omit<Extract<ReviewPointEvent, { type: 'ReviewPointHeld' }>['data'], 'reviewPointId' | 'traineeId' | 'placementId' | 'schoolId'>;

export type ReviewPointStatus = 'unscheduled' | 'scheduled' | 'held' | 'missed';

export interface ReviewPointState {
  readonly status: ReviewPointStatus;
  readonly scheduled?: Scheduled;
  /** The due date now (after any rescheduling). */
  readonly dueDate?: LocalDate;
  readonly held?: Held;
}

export const initialReviewPointState: ReviewPointState = { status: 'unscheduled' };

const P = 'reviewPoint';

/** The review point as scheduled, refusing unless its status is one of `allowed`. */
const scheduledIn = (state: ReviewPointState, allowed: readonly ReviewPointStatus[]): Scheduled => {
  if (state.status === 'unscheduled' || state.scheduled === undefined) return reject(`${P}.not-scheduled`, 'no such review point has been scheduled', 'reviewPointId');
  if (!allowed.includes(state.status)) {
    const reasons = { held: 'already-held', missed: 'missed', scheduled: 'not-held' } as const;
    return reject(`${P}.${reasons[state.status]}`, `the review point is ${state.status === 'scheduled' ? 'not held yet' : state.status}`, 'reviewPointId');
  }
  return state.scheduled;
};

const checkAreas = (outcome: ReviewOutcome, areas: readonly string[]): void => {
  if (areas.length > LIMITS.areas) reject(`${P}.too-many-areas`, `at most ${LIMITS.areas} areas of concern`, 'areasOfConcern');
  areas.forEach((area, i) => requireText(area, `areasOfConcern[${i}]`, P, LIMITS.area));
  requireDistinct(areas, 'areasOfConcern', `${P}.duplicate-area`);
  if (outcome === 'not_on_track' && areas.length === 0) {
    reject(`${P}.concerns-required`, 'a trainee not on track needs at least one area of concern', 'areasOfConcern');
  }
};

const checkInYear = (date: LocalDate, year: string, field: string, reason: string): void => {
  if (academicYearOf(date) !== year) reject(`${P}.${reason}`, `${field} ${date} is not in the academic year ${year}`, field);
};

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

export const reviewPointDecider: Decider<ReviewPointCommand, ReviewPointEvent, ReviewPointState> = {
  initialState: initialReviewPointState,
  commandSchema: reviewPointCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'ScheduleReviewPoint' }, (c): ReviewPointEvent[] => {
        if (state.status !== 'unscheduled') reject(`${P}.already-scheduled`, 'this review point is already scheduled', 'reviewPointId');
        requireDate(c.dueDate, 'dueDate', P);
        if (!c.policy.stages.includes(c.stage)) reject(`${P}.unknown-stage`, `'${c.stage}' is not one of the provider's stages (${c.policy.stages.join(', ')})`, 'stage');
        checkInYear(c.dueDate, c.academicYear, 'dueDate', 'due-outside-year');
        if (c.leadMentorId === c.mentorId) reject(`${P}.lead-mentor-is-mentor`, 'the lead mentor joins the school-based mentor; they are not the same person', 'leadMentorId');
        const { type: _type, policy, leadMentorId, ...data } = c;
        const leadMentorRequired = policy.leadMentorRequiredAt.includes(c.stage);
        return [{ type: 'ReviewPointScheduled', data: { ...data, ...(leadMentorId === undefined ? {} : { leadMentorId }), leadMentorRequired } }];
      })
      .with({ type: 'RescheduleReviewPoint' }, (c): ReviewPointEvent[] => {
        const scheduled = scheduledIn(state, ['scheduled']);
        requireDate(c.dueDate, 'dueDate', P);
        requireText(c.reason, 'reason', P, LIMITS.reason);
        checkInYear(c.dueDate, scheduled.academicYear, 'dueDate', 'due-outside-year');
        if (c.dueDate === state.dueDate) return [];
        const { reviewPointId, traineeId, schoolId } = scheduled;
        return [{ type: 'ReviewPointRescheduled', data: { reviewPointId, traineeId, schoolId, previousDueDate: state.dueDate ?? scheduled.dueDate, dueDate: c.dueDate, reason: c.reason } }];
      })
      .with({ type: 'HoldReviewPoint' }, (c): ReviewPointEvent[] => {
        const scheduled = scheduledIn(state, ['scheduled']);
        requireDate(c.heldOn, 'heldOn', P);
        checkInYear(c.heldOn, scheduled.academicYear, 'heldOn', 'held-outside-year');
        if (scheduled.leadMentorRequired && c.leadMentorId === undefined) {
          reject(`${P}.lead-mentor-required`, `the provider requires the lead mentor at the ${scheduled.stage} review point`, 'leadMentorId');
        }
        if (c.leadMentorId === c.heldBy) reject(`${P}.held-by-lead-mentor`, 'the school-based mentor holds the review point; the lead mentor joins it', 'heldBy');
        checkAreas(c.outcome, c.areasOfConcern);
        const { reviewPointId, traineeId, placementId, schoolId } = scheduled;
        const { heldOn, heldBy, leadMentorId, outcome, areasOfConcern } = c;
        return [
          {
            type: 'ReviewPointHeld',
            data: { reviewPointId, traineeId, placementId, schoolId, heldOn, heldBy, ...(leadMentorId === undefined ? {} : { leadMentorId }), outcome, areasOfConcern: [...areasOfConcern] },
          },
        ];
      })
      .with({ type: 'CorrectReviewPointOutcome' }, (c): ReviewPointEvent[] => {
        const scheduled = scheduledIn(state, ['held']);
        checkAreas(c.outcome, c.areasOfConcern);
        requireText(c.reason, 'reason', P, LIMITS.reason);
        if (state.held?.outcome === c.outcome && sameList(state.held.areasOfConcern, c.areasOfConcern)) return [];
        const { reviewPointId, traineeId, schoolId } = scheduled;
        return [{ type: 'ReviewPointOutcomeCorrected', data: { reviewPointId, traineeId, schoolId, outcome: c.outcome, areasOfConcern: [...c.areasOfConcern], reason: c.reason } }];
      })
      .with({ type: 'RecordReviewPointMissed' }, (c): ReviewPointEvent[] => {
        if (state.status === 'missed') return [];
        const { reviewPointId, traineeId, schoolId } = scheduledIn(state, ['scheduled']);
        requireDate(c.recordedOn, 'recordedOn', P);
        return [{ type: 'ReviewPointMissed', data: { reviewPointId, traineeId, schoolId, recordedOn: c.recordedOn, reason: c.reason } }];
      })
      .exhaustive(),
  evolve: evolveWith<ReviewPointEvent, ReviewPointState>({
    ReviewPointScheduled: (_state, { data }) => ({ status: 'scheduled', scheduled: data, dueDate: data.dueDate }),
    ReviewPointRescheduled: (state, { data }) => ({ ...state, dueDate: data.dueDate }),
    ReviewPointHeld: (state, { data }) => {
      const { reviewPointId: _r, traineeId: _t, placementId: _p, schoolId: _s, ...held } = data;
      return { ...state, status: 'held', held };
    },
    ReviewPointOutcomeCorrected: (state, { data }) =>
      state.held === undefined ? state : { ...state, held: { ...state.held, outcome: data.outcome, areasOfConcern: data.areasOfConcern } },
    ReviewPointMissed: (state) => ({ ...state, status: 'missed' }),
  }),
};
