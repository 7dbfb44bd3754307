import type { DomainEvent } from '../../kernel/envelope.js';

/** One append the store accepted: what was decided, with the ids it was written under, in order. */
export interface AcceptedAppend {
  /** Index of the command in the workload that made it (a re-send shares its command's index). */
  readonly step: number;
  readonly streamId: string;
  readonly events: readonly (DomainEvent & { readonly eventId: string })[];
  /** Where the store said the batch ended: its last event's revision. */
  readonly nextExpectedRevision: bigint;
  readonly position: bigint;
}

/** What the workload saw. Every resolved append is in `accepted`, idempotent answers included. */
export interface StressLog {
  readonly accepted: AcceptedAppend[];
  /** Problems the workload saw itself (an idempotent re-send that was not, an unexpected error). */
  readonly violations: string[];
  conflicts: number;
  retries: number;
  gaveUp: number;
  accepts: number;
  emptyDecisions: number;
  idempotentResends: number;
  partialResendsRefused: number;
}

export const createStressLog = (): StressLog => ({
  accepted: [],
  violations: [],
  conflicts: 0,
  retries: 0,
  gaveUp: 0,
  accepts: 0,
  emptyDecisions: 0,
  idempotentResends: 0,
  partialResendsRefused: 0,
});

/** The same batch appended twice (an idempotent retry) is one batch. */
export const batchKey = (append: Pick<AcceptedAppend, 'streamId' | 'events'>): string =>
  `${append.streamId}|${append.events.map((event) => event.eventId).join(',')}`;
