import { toLocalDate, type LocalDate } from '../calendar/localDate.js';
import { asOfPredicate, type AsOf } from '../kernel/asOf.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { Instant } from '../kernel/instant.js';
import { runProjection, type ProjectionState } from '../kernel/projection.js';
import { irpRecords } from './irpRegister.js';
import { schoolProgress } from './schoolReviewPoints.js';
import { progressSchools } from './schools.js';
import { welfareConcerns } from './welfareLog.js';
import { traineeTimeline, type TraineeTimeline } from './timeline.js';
import { traineeProgress, type TraineeProgressEvent } from './traineeProgress.js';

/** The last instant of a school day (instants are UTC): "as of 13 December" includes all of that day. */
export const endOfDay = (date: LocalDate): Instant => `${toLocalDate(date)}T23:59:59.999Z`;

/**
 * A trainee's timeline from the events that satisfy `asOf` (the kernel's as-of: a revision, what was known
 * at `recordedAt`, what had happened by `occurredAt`), judged on `today`. `events` may hold any types.
 */
export const traineeTimelineAsOf = (events: Iterable<StoredEvent>, traineeId: string, asOf: AsOf, today: LocalDate): TraineeTimeline => {
  const keep = asOfPredicate(asOf);
  let state = traineeProgress.initialState();
  for (const event of events) {
    if ((event.data as { traineeId?: unknown }).traineeId === traineeId && keep(event)) {
      state = traineeProgress.evolve(state, event as StoredEvent<TraineeProgressEvent>);
    }
  }
  return traineeTimeline(state.get(traineeId), traineeId, today);
};

/** The timeline as it stood at the end of `date` (what had happened by then; as known at `knownAt`, or now). */
export const traineeTimelineOn = (events: Iterable<StoredEvent>, traineeId: string, date: LocalDate, knownAt?: Instant): TraineeTimeline =>
  traineeTimelineAsOf(events, traineeId, { occurredAt: endOfDay(date), ...(knownAt === undefined ? {} : { recordedAt: knownAt }) }, date);

/** Every progress read model, folded from the events that satisfy `asOf` (all of them when it is absent). */
export interface ProgressReadModels {
  readonly traineeProgress: ProjectionState<typeof traineeProgress>;
  readonly irpRecords: ProjectionState<typeof irpRecords>;
  readonly schoolProgress: ProjectionState<typeof schoolProgress>;
  readonly schools: ProjectionState<typeof progressSchools>;
  readonly welfareConcerns: ProjectionState<typeof welfareConcerns>;
}

export const progressReadModels = (events: Iterable<StoredEvent>, asOf?: AsOf): ProgressReadModels => {
  const keep = asOf === undefined ? () => true : asOfPredicate(asOf);
  const kept = [...events].filter((event) => keep(event)) as StoredEvent<never>[];
  return {
    traineeProgress: runProjection(traineeProgress, kept),
    irpRecords: runProjection(irpRecords, kept),
    schoolProgress: runProjection(schoolProgress, kept),
    schools: runProjection(progressSchools, kept),
    welfareConcerns: runProjection(welfareConcerns, kept),
  };
};
