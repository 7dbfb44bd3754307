import { match } from 'ts-pattern';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { reject, requireDate, requireText } from '../progress/commandChecks.js';
import { LIMITS } from '../progress/limits.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { TargetCommand } from './commands.js';
import { settles, type TargetEvent, type TargetVerdict } from './events.js';
import { checkTargetReview, checkTargetSpec, longestTermDays } from './rules.js';
import { targetCommandSchema } from './commandSchema.js';

type TargetSetData = Extract<TargetEvent, { type: 'TargetSet' }>['data'];

export type TargetStatus = 'unset' | 'open' | 'met' | 'not_met' | 'withdrawn';

export interface TargetState {
  readonly status: TargetStatus;
  readonly set?: TargetSetData;
  /** The due date now: the set one, or the latest review's next due date. */
  readonly dueDate?: LocalDate;
  readonly lastReviewedOn?: LocalDate;
  readonly lastVerdict?: TargetVerdict;
  readonly reviews: number;
}

export const initialTargetState: TargetState = { status: 'unset', reviews: 0 };

const P = 'target';

const liveTarget = (state: TargetState): TargetSetData => {
  if (state.set === undefined) return reject(`${P}.not-set`, 'no such target has been set', 'targetId');
  if (state.status === 'withdrawn') return reject(`${P}.withdrawn`, 'the target was withdrawn', 'targetId');
  if (state.status !== 'open') return reject(`${P}.settled`, `the target was judged ${state.status} and is settled`, 'targetId');
  return state.set;
};

/** A review point the target is set or reviewed at must be this trainee's, on this placement, and held by `on`. */
const checkReviewPoint = (facts: ReviewPointFacts, target: { traineeId: string; placementId: string }, on: LocalDate, field: string): void => {
  if (facts.traineeId !== target.traineeId || facts.placementId !== target.placementId) {
    reject(`${P}.review-point-elsewhere`, `review point ${facts.reviewPointId} is another trainee's or placement's`, 'reviewPoint');
  }
  if (facts.status !== 'held' || facts.heldOn === undefined) reject(`${P}.review-point-not-held`, `review point ${facts.reviewPointId} has not been held`, 'reviewPoint');
  else if (on < facts.heldOn) reject(`${P}.before-review-point`, `${field} ${on} is before the review point was held (${facts.heldOn})`, field);
};

/** Targets set for a trainee, usually at a review point; the rule book gives how short "short-term" is. */
export const createTargetDecider = (ruleBook: RuleBook = standardRuleBook): Decider<TargetCommand, TargetEvent, TargetState> => ({
  initialState: initialTargetState,
  commandSchema: targetCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'SetTarget' }, (c): TargetEvent[] => {
        if (state.status !== 'unset') reject(`${P}.already-set`, 'this target is already set', 'targetId');
        requireDate(c.setOn, 'setOn', P);
        checkTargetSpec(c, c.setOn, longestTermDays(ruleBook, c.setOn), P, 'target');
        if (c.reviewPoint !== undefined) checkReviewPoint(c.reviewPoint, c, c.setOn, 'setOn');
        const { targetId, traineeId, placementId, schoolId, description, area, setOn, dueDate, setBy, reviewPoint } = c;
        const at = reviewPoint === undefined ? {} : { reviewPointId: reviewPoint.reviewPointId };
        return [{ type: 'TargetSet', data: { targetId, traineeId, placementId, schoolId, description, area, setOn, dueDate, setBy, ...at } }];
      })
      .with({ type: 'ReviewTarget' }, (c): TargetEvent[] => {
        const target = liveTarget(state);
        requireDate(c.reviewedOn, 'reviewedOn', P);
        if (c.reviewedOn < target.setOn) reject(`${P}.review-before-set`, `a target set on ${target.setOn} cannot be reviewed on ${c.reviewedOn}`, 'reviewedOn');
        if (state.lastReviewedOn !== undefined && c.reviewedOn < state.lastReviewedOn) {
          reject(`${P}.review-out-of-order`, `the target was last reviewed on ${state.lastReviewedOn}, after ${c.reviewedOn}`, 'reviewedOn');
        }
        checkTargetReview(c, c.reviewedOn, longestTermDays(ruleBook, c.reviewedOn), P, 'review');
        if (c.comment !== undefined) requireText(c.comment, 'comment', P, LIMITS.comment);
        if (c.reviewPoint !== undefined) {
          if (c.reviewPoint.reviewPointId === target.reviewPointId) reject(`${P}.reviewed-where-set`, 'a target is reviewed at a later review point than the one it was set at', 'reviewPoint');
          checkReviewPoint(c.reviewPoint, target, c.reviewedOn, 'reviewedOn');
        }
        const { targetId, traineeId, placementId, schoolId } = target;
        const { reviewedOn, reviewedBy, verdict, nextDueDate, comment, reviewPoint } = c;
        return [
          {
            type: 'TargetReviewed',
            data: {
              targetId,
              traineeId,
              placementId,
              schoolId,
              verdict,
              ...(nextDueDate === undefined ? {} : { nextDueDate }),
              reviewedOn,
              reviewedBy,
              ...(reviewPoint === undefined ? {} : { reviewPointId: reviewPoint.reviewPointId }),
              ...(comment === undefined ? {} : { comment }),
            },
          },
        ];
      })
      .with({ type: 'WithdrawTarget' }, (c): TargetEvent[] => {
        if (state.set === undefined) return reject(`${P}.not-set`, 'no such target has been set', 'targetId');
        if (state.status === 'withdrawn') return [];
        requireDate(c.withdrawnOn, 'withdrawnOn', P);
        requireText(c.reason, 'reason', P, LIMITS.reason);
        if (c.withdrawnOn < state.set.setOn) reject(`${P}.withdrawn-before-set`, `a target set on ${state.set.setOn} cannot be withdrawn on ${c.withdrawnOn}`, 'withdrawnOn');
        const { targetId, traineeId, placementId, schoolId } = state.set;
        return [{ type: 'TargetWithdrawn', data: { targetId, traineeId, placementId, schoolId, withdrawnOn: c.withdrawnOn, reason: c.reason } }];
      })
      .exhaustive(),
  evolve: evolveWith<TargetEvent, TargetState>({
    TargetSet: (_state, { data }) => ({ status: 'open', set: data, dueDate: data.dueDate, reviews: 0 }),
    TargetReviewed: (state, { data }) => ({
      ...state,
      status: settles(data.verdict) ? (data.verdict === 'met' ? 'met' : 'not_met') : 'open',
      ...(data.nextDueDate === undefined ? {} : { dueDate: data.nextDueDate }),
      lastReviewedOn: data.reviewedOn,
      lastVerdict: data.verdict,
      reviews: state.reviews + 1,
    }),
    TargetWithdrawn: (state) => ({ ...state, status: 'withdrawn' }),
  }),
});

export const targetDecider = createTargetDecider();
