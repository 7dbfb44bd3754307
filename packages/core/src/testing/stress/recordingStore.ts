import type { DomainEvent, NewEvent } from '../../kernel/envelope.js';
import { WrongExpectedRevisionError } from '../../kernel/errors.js';
import type { IdGenerator } from '../../kernel/ids.js';
import type { EventStore } from '../../kernel/store.js';
import type { StressLog } from './stressLog.js';

/**
 * The store as one command of the workload sees it: events without an id get one from `ids` (so the log
 * knows every id it wrote), every append the store accepts is logged under `step`, and conflicts are counted.
 */
export const recordingStore = <E extends DomainEvent>(store: EventStore<E>, log: StressLog, ids: IdGenerator, step: number): EventStore<E> => ({
  registry: store.registry,
  appendToStream: async (streamId, events, options) => {
    const withIds: NewEvent<E>[] = events.map((event) => (event.eventId === undefined ? { ...event, eventId: ids.eventId() } : event));
    try {
      const result = await store.appendToStream(streamId, withIds, options);
      if (withIds.length > 0) {
        log.accepted.push({
          step,
          streamId,
          events: withIds.map((event) => ({ type: event.type, data: event.data, eventId: event.eventId! })),
          nextExpectedRevision: result.nextExpectedRevision,
          position: result.position,
        });
      }
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) log.conflicts++;
      throw error;
    }
  },
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  subscribe: (handler, options) => store.subscribe(handler, options),
  close: () => store.close(),
});
