import {
  EventValidationError,
  formatPath,
  StoreUnavailableError,
  UnknownEventTypeError,
  type EventMetadata,
  type EventStore,
  type ManualClock,
  type NewEvent,
  type RecordedEvent,
} from '@itt-ledger/core';
import { DataProblemsError } from '../io.js';
import { formatProblem, type Problem } from '../verify/problem.js';

type Located = { readonly record: RecordedEvent; readonly line?: number };

/** The most events written in one append. */
export const APPEND_BATCH = 500;

const toNewEvent = ({ record }: Located): NewEvent => ({
  type: record.type,
  data: record.data,
  // The version as written: the store validates it and upcasts it exactly as it would a new event.
  schemaVersion: record.schemaVersion,
  metadata: record.metadata as EventMetadata,
  eventId: record.eventId,
  occurredAt: record.occurredAt,
});

const failedAt = (batch: readonly Located[], error: unknown): Problem | undefined => {
  const at = (item: Located | undefined, message: string, field?: string): Problem => ({
    ...(item?.line === undefined ? {} : { line: item.line }),
    ...(item ? { streamId: item.record.streamId, streamRevision: item.record.streamRevision } : {}),
    ...(field === undefined ? {} : { field }),
    message,
  });
  if (error instanceof EventValidationError) {
    const issue = error.issues[0];
    return at(batch[error.index], issue?.message ?? error.message, issue ? formatPath(issue.path) : undefined);
  }
  if (error instanceof UnknownEventTypeError) return at(batch.find((item) => item.record.type === error.type), error.message, 'type');
  if (error instanceof StoreUnavailableError || !(error instanceof Error) || !('code' in error)) return undefined;
  return at(batch[0], error.message);
};

/**
 * Appends verified events in their order: one append per run of a stream's events recorded at the same
 * instant (as they were first appended), at the revision each expects, with the store's clock set to
 * that instant, so that `recordedAt`, event ids and revisions are kept.
 */
export const appendRecords = async (
  items: AsyncIterable<Located>,
  target: { readonly store: EventStore; readonly clock: ManualClock; readonly onAppended?: (count: number) => void },
): Promise<number> => {
  let batch: Located[] = [];
  let written = 0;
  const flush = async () => {
    const first = batch[0];
    if (!first) return;
    target.clock.set(first.record.recordedAt);
    const expectedRevision = first.record.streamRevision === 0n ? 'no_stream' : first.record.streamRevision - 1n;
    try {
      await target.store.appendToStream(first.record.streamId, batch.map(toNewEvent), { expectedRevision });
    } catch (error) {
      const problem = failedAt(batch, error);
      if (!problem) throw error;
      throw new DataProblemsError(formatProblem(problem), [problem]);
    }
    written += batch.length;
    target.onAppended?.(batch.length);
    batch = [];
  };
  for await (const item of items) {
    const first = batch[0];
    if (first && (first.record.streamId !== item.record.streamId || first.record.recordedAt !== item.record.recordedAt || batch.length >= APPEND_BATCH)) {
      await flush();
    }
    batch.push(item);
  }
  await flush();
  return written;
};
