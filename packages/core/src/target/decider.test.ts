import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import { createRuleBook, standardRuleBook } from '../rules/ruleBook.js';
import { standardRuleSets } from '../rules/standardRuleSets.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { ReviewTarget, SetTarget, TargetCommand } from './commands.js';
import { createTargetDecider, targetDecider } from './decider.js';
import type { TargetEvent } from './events.js';
import { longestTermDays } from './rules.js';

const spec = deciderSpec(targetDecider);
const where = { traineeId: 't-1', placementId: 'p-1', schoolId: 's-1' };
const heldAt = (reviewPointId: string, heldOn: string, over: Partial<ReviewPointFacts> = {}): ReviewPointFacts => ({
  reviewPointId, ...where, stage: 'development', status: 'held', dueDate: heldOn, heldOn, outcome: 'on_track', mentorId: 'm-1', ...over,
});

const set: SetTarget = { type: 'SetTarget', targetId: 'tg-1', ...where, description: 'Use one attention signal', area: 'behaviour management', setOn: '2024-10-10', dueDate: '2024-11-08', setBy: 'm-1' };
const setEvent: TargetEvent = { type: 'TargetSet', data: { targetId: 'tg-1', ...where, description: 'Use one attention signal', area: 'behaviour management', setOn: '2024-10-10', dueDate: '2024-11-08', setBy: 'm-1' } };
const review: ReviewTarget = { type: 'ReviewTarget', reviewedOn: '2024-11-08', reviewedBy: 'm-1', verdict: 'met' };
const reviewed = (verdict: 'met' | 'partly_met' | 'not_met' | 'carried_forward', reviewedOn: string, nextDueDate?: string): TargetEvent => ({
  type: 'TargetReviewed',
  data: { targetId: 'tg-1', ...where, verdict, ...(nextDueDate === undefined ? {} : { nextDueDate }), reviewedOn, reviewedBy: 'm-1' },
});
const withdrawn: TargetEvent = { type: 'TargetWithdrawn', data: { targetId: 'tg-1', ...where, withdrawnOn: '2024-10-11', reason: 'wrong trainee' } };

const refuses = (events: readonly TargetEvent[], command: TargetCommand, reason: string, field?: string) =>
  spec.given(events).when(command).thenThrows(CommandRejectedError, field === undefined ? { reason } : { reason, field });

describe('target: set', () => {
  it('sets a short-term target, at a held review point when one is named', () => {
    spec.given().when(set).then([setEvent]);
    spec.given().when({ ...set, reviewPoint: heldAt('rp-1', '2024-10-10') }).then([{ type: 'TargetSet', data: { ...setEvent.data, reviewPointId: 'rp-1' } }]);
  });

  it('refuses a second set and bad text or dates', () => {
    refuses([setEvent], set, 'target.already-set', 'targetId');
    refuses([], { ...set, description: ' ' }, 'target.text-required', 'target.description');
    refuses([], { ...set, area: 'a'.repeat(101) }, 'target.text-too-long', 'target.area');
    refuses([], { ...set, setOn: '2024-10-32' }, 'target.invalid-date', 'setOn');
    refuses([], { ...set, dueDate: 'next week' }, 'target.invalid-date', 'target.dueDate');
    refuses([], { ...set, dueDate: '2024-10-10' }, 'target.due-before-set', 'target.dueDate');
  });

  it('refuses a target that is not short-term (seed 004: "Take small steps"), by the rule set’s length', () => {
    const days = longestTermDays(standardRuleBook, '2024-10-10');
    expect(days).toBe(42);
    spec.given().when({ ...set, dueDate: '2024-11-21' }).then([{ type: 'TargetSet', data: { ...setEvent.data, dueDate: '2024-11-21' } }]);
    refuses([], { ...set, dueDate: '2024-11-22' }, 'target.not-short-term', 'target.dueDate');
    const base = standardRuleBook.ruleSetFor('2024/25', '2024-10-10');
    const longer = createRuleBook([...standardRuleSets, { ...base, reviewPoints: { ...base.reviewPoints, targetLongestTermDays: { ...base.reviewPoints.targetLongestTermDays, value: 60 } } }]);
    deciderSpec(createTargetDecider(longer)).given().when({ ...set, dueDate: '2024-11-22' }).then([{ type: 'TargetSet', data: { ...setEvent.data, dueDate: '2024-11-22' } }]);
  });

  it('refuses a review point of another trainee, not held, or held after the target was set', () => {
    refuses([], { ...set, reviewPoint: heldAt('rp-1', '2024-10-10', { traineeId: 't-2' }) }, 'target.review-point-elsewhere', 'reviewPoint');
    refuses([], { ...set, reviewPoint: heldAt('rp-1', '2024-10-10', { status: 'scheduled' }) }, 'target.review-point-not-held', 'reviewPoint');
    refuses([], { ...set, reviewPoint: heldAt('rp-1', '2024-10-11') }, 'target.before-review-point', 'setOn');
  });
});

describe('target: review', () => {
  it('settles a target met or not met; keeps it open with a new due date when partly met or carried forward', () => {
    spec.given([setEvent]).when(review).then([reviewed('met', '2024-11-08')]);
    spec.given([setEvent]).when({ ...review, verdict: 'not_met' }).then([reviewed('not_met', '2024-11-08')]);
    const state = spec.given([setEvent]).when({ ...review, verdict: 'partly_met', nextDueDate: '2024-11-22' }).then([reviewed('partly_met', '2024-11-08', '2024-11-22')]);
    expect(state).toMatchObject({ status: 'open', dueDate: '2024-11-22', reviews: 1 });
    spec.given([setEvent, reviewed('carried_forward', '2024-11-08', '2024-11-22')]).when({ ...review, reviewedOn: '2024-11-22' }).then([reviewed('met', '2024-11-22')]);
  });

  it('records where it was reviewed and a comment', () => {
    const command = { ...review, comment: 'Consistent now', reviewPoint: heldAt('rp-2', '2024-11-08') };
    spec.given([setEvent]).when(command).then([{ type: 'TargetReviewed', data: { ...reviewed('met', '2024-11-08').data, reviewPointId: 'rp-2', comment: 'Consistent now' } as Extract<TargetEvent, { type: 'TargetReviewed' }>['data'] }]);
  });

  it('refuses a target not set, withdrawn or settled', () => {
    refuses([], review, 'target.not-set', 'targetId');
    refuses([setEvent, withdrawn], review, 'target.withdrawn', 'targetId');
    refuses([setEvent, reviewed('met', '2024-11-08')], review, 'target.settled', 'targetId');
    refuses([setEvent, reviewed('not_met', '2024-11-08')], review, 'target.settled', 'targetId');
  });

  it('refuses reviews before the target was set or before its last review', () => {
    refuses([setEvent], { ...review, reviewedOn: '2024-10-09' }, 'target.review-before-set', 'reviewedOn');
    refuses([setEvent, reviewed('partly_met', '2024-11-08', '2024-11-22')], { ...review, reviewedOn: '2024-11-07' }, 'target.review-out-of-order', 'reviewedOn');
    refuses([setEvent], { ...review, reviewedOn: '8 Nov' }, 'target.invalid-date', 'reviewedOn');
  });

  it('refuses a next due date that is missing, unexpected, not after the review, or not short-term', () => {
    refuses([setEvent], { ...review, verdict: 'partly_met' }, 'target.next-due-date-required', 'review.nextDueDate');
    refuses([setEvent], { ...review, verdict: 'carried_forward' }, 'target.next-due-date-required', 'review.nextDueDate');
    refuses([setEvent], { ...review, nextDueDate: '2024-11-22' }, 'target.next-due-date-unexpected', 'review.nextDueDate');
    refuses([setEvent], { ...review, verdict: 'partly_met', nextDueDate: '2024-11-08' }, 'target.next-due-before-review', 'review.nextDueDate');
    refuses([setEvent], { ...review, verdict: 'partly_met', nextDueDate: '2024-12-21' }, 'target.not-short-term', 'review.nextDueDate');
    refuses([setEvent], { ...review, verdict: 'partly_met', nextDueDate: '2024-11-31' }, 'target.invalid-date', 'review.nextDueDate');
  });

  it('refuses an empty comment, and review points that cannot be where it was reviewed', () => {
    refuses([setEvent], { ...review, comment: '' }, 'target.text-required', 'comment');
    const setAtRp1: TargetEvent = { type: 'TargetSet', data: { ...setEvent.data, reviewPointId: 'rp-1' } };
    refuses([setAtRp1], { ...review, reviewPoint: heldAt('rp-1', '2024-10-10') }, 'target.reviewed-where-set', 'reviewPoint');
    refuses([setEvent], { ...review, reviewPoint: heldAt('rp-2', '2024-11-08', { placementId: 'p-2' }) }, 'target.review-point-elsewhere', 'reviewPoint');
    refuses([setEvent], { ...review, reviewPoint: heldAt('rp-2', '2024-11-08', { status: 'missed' }) }, 'target.review-point-not-held', 'reviewPoint');
    refuses([setEvent], { ...review, reviewPoint: heldAt('rp-2', '2024-11-09') }, 'target.before-review-point', 'reviewedOn');
  });
});

describe('target: withdraw', () => {
  const withdraw = { type: 'WithdrawTarget', withdrawnOn: '2024-10-11', reason: 'wrong trainee' } as const;

  it('withdraws once; the target is kept and no longer counts', () => {
    expect(spec.given([setEvent]).when(withdraw).then([withdrawn]).status).toBe('withdrawn');
    spec.given([setEvent, withdrawn]).when(withdraw).thenNothingHappens();
  });

  it('refuses a target not set, a bad date or reason, or a date before it was set', () => {
    refuses([], withdraw, 'target.not-set', 'targetId');
    refuses([setEvent], { ...withdraw, withdrawnOn: 'x' }, 'target.invalid-date', 'withdrawnOn');
    refuses([setEvent], { ...withdraw, reason: '' }, 'target.text-required', 'reason');
    refuses([setEvent], { ...withdraw, withdrawnOn: '2024-10-09' }, 'target.withdrawn-before-set', 'withdrawnOn');
  });
});
