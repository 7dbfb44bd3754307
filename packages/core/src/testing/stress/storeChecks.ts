import type { DomainEvent, StoredEvent } from '../../kernel/envelope.js';
import { StreamNotFoundError } from '../../kernel/errors.js';
import type { EventStore } from '../../kernel/store.js';

const at = (event: StoredEvent) => `${event.streamId}@${event.streamRevision}`;

/** `readAll`'s global positions strictly increase, and no event id is stored twice. */
export const checkGlobalOrder = (all: readonly StoredEvent[]): string[] => {
  const violations: string[] = [];
  const seen = new Map<string, StoredEvent[]>();
  all.forEach((event, index) => {
    const before = all[index - 1];
    if (before && event.globalPosition <= before.globalPosition) {
      violations.push(`order: readAll position ${event.globalPosition} (${at(event)}) does not follow ${before.globalPosition} (${at(before)})`);
    }
    seen.set(event.eventId, [...(seen.get(event.eventId) ?? []), event]);
  });
  for (const [eventId, copies] of seen) {
    if (copies.length > 1) violations.push(`duplicate: event ${eventId} is stored ${copies.length} times (${copies.map(at).join(', ')})`);
  }
  return violations;
};

const readWhole = async <E extends DomainEvent>(store: EventStore<E>, streamId: string) => {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
};

/** Each stream's revisions run 0, 1, 2… without a gap, and reading it gives what `readAll` gives for it. */
export const checkStreams = async <E extends DomainEvent>(
  store: EventStore<E>,
  all: readonly StoredEvent<E>[],
  streamIds: Iterable<string>,
): Promise<string[]> => {
  const violations: string[] = [];
  const inAll = new Map<string, StoredEvent<E>[]>();
  for (const event of all) {
    const list = inAll.get(event.streamId);
    if (list) list.push(event);
    else inAll.set(event.streamId, [event]);
  }
  for (const streamId of streamIds) {
    const expected = inAll.get(streamId) ?? [];
    const events = (await readWhole(store, streamId)) ?? [];
    events.forEach((event, index) => {
      if (event.streamId !== streamId) violations.push(`stream ${streamId}: index ${index} holds an event of ${event.streamId}`);
      if (event.streamRevision !== BigInt(index)) {
        violations.push(`gap: stream ${streamId} has revision ${event.streamRevision} at index ${index} (revisions must run 0, 1, 2…)`);
      }
    });
    const length = Math.max(events.length, expected.length);
    for (let index = 0; index < length; index++) {
      const read = events[index];
      const fromAll = expected[index];
      if (read?.eventId !== fromAll?.eventId || read?.globalPosition !== fromAll?.globalPosition || read?.streamRevision !== fromAll?.streamRevision) {
        violations.push(
          `stream ${streamId}: readStream and readAll differ at index ${index} (${read ? `${read.eventId}@${read.streamRevision}` : 'nothing'} vs ${fromAll ? `${fromAll.eventId}@${fromAll.streamRevision}` : 'nothing'})`,
        );
        break;
      }
    }
  }
  return violations;
};
