import type { LocalDate } from '../calendar/localDate.js';
import { aggregateStream } from '../kernel/aggregate.js';
import type { DomainEvent } from '../kernel/envelope.js';
import type { EventStore } from '../kernel/store.js';
import { reviewPointDecider, type ReviewPointState } from './decider.js';
import { reviewPointStreamId, type ReviewOutcome } from './events.js';

/**
 * What another aggregate needs to know of a review point (a QA form, a target set at it, an IRP it
 * triggered). An application service reads it and passes it in the command, so each decider still sees
 * one stream.
 */
export interface ReviewPointFacts {
  readonly reviewPointId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly stage: string;
  readonly status: 'scheduled' | 'held' | 'missed';
  readonly dueDate: LocalDate;
  readonly heldOn?: LocalDate;
  readonly outcome?: ReviewOutcome;
  /** The school-based mentor who held it, or is to hold it. */
  readonly mentorId: string;
}

export const reviewPointFacts = (state: ReviewPointState): ReviewPointFacts | undefined => {
  const { scheduled, held } = state;
  if (state.status === 'unscheduled' || scheduled === undefined) return undefined;
  const { reviewPointId, traineeId, placementId, schoolId, stage } = scheduled;
  return {
    reviewPointId,
    traineeId,
    placementId,
    schoolId,
    stage,
    status: state.status,
    dueDate: state.dueDate ?? scheduled.dueDate,
    mentorId: held?.heldBy ?? scheduled.mentorId,
    ...(held === undefined ? {} : { heldOn: held.heldOn, outcome: held.outcome }),
  };
};

/** The facts of a review point as its stream stands, or undefined when it was never scheduled. */
export const loadReviewPointFacts = async <E extends DomainEvent>(store: EventStore<E>, reviewPointId: string): Promise<ReviewPointFacts | undefined> =>
  reviewPointFacts((await aggregateStream(store, reviewPointStreamId(reviewPointId), reviewPointDecider)).state);
