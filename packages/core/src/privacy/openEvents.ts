import type { DomainEvent, StoredEvent } from '../kernel/envelope.js';
import { deepFreeze } from '../kernel/freeze.js';
import { ERASED } from '../kernel/personalData.js';
import type { EventRegistry } from '../kernel/registry.js';
import { PersonalDataUnreadableError } from './errors.js';
import type { PersonalDataKeyStore } from './keyStore.js';
import { rewritePersonalValues, subjectOf } from './personalValues.js';
import { isSealed, openValue } from './seal.js';

/** The subjects whose keys a batch needs, or undefined when nothing in it is sealed (the common case). */
export const sealedSubjects = <E extends DomainEvent>(registry: EventRegistry<E>, events: readonly StoredEvent<E>[]): ReadonlySet<string> | undefined => {
  let subjects: Set<string> | undefined;
  for (const event of events) {
    const fields = registry.personalData(event.type);
    if (fields.length === 0) continue;
    rewritePersonalValues(event.data, fields, (value, field) => {
      const subject = isSealed(value) ? subjectOf(event.data, field) : undefined;
      if (subject !== undefined) (subjects ??= new Set()).add(subject);
      return value;
    });
  }
  return subjects;
};

const openEvent = <E extends DomainEvent>(registry: EventRegistry<E>, keys: ReadonlyMap<string, Uint8Array>, event: StoredEvent<E>): StoredEvent<E> => {
  const fields = registry.personalData(event.type);
  if (fields.length === 0) return event;
  const { type, data, streamId, streamRevision } = event;
  const opened = rewritePersonalValues(data, fields, (value, field, path) => {
    if (!isSealed(value)) return value;
    const subject = subjectOf(data, field);
    if (subject === undefined) throw new PersonalDataUnreadableError(streamId, streamRevision, type, path, '');
    const key = keys.get(subject);
    // No key: the subject was forgotten, and the value is erased, wherever this event was copied.
    if (!key) return ERASED;
    const plain = openValue(key, value, { subject, type, path });
    if (!plain) throw new PersonalDataUnreadableError(streamId, streamRevision, type, path, subject);
    return plain.value;
  });
  return opened === data ? event : (Object.freeze({ ...event, data: deepFreeze(opened) }) as StoredEvent<E>);
};

/** Opens every sealed value of a batch with one key look-up; events with nothing sealed are returned as they are. */
export const openEvents = async <E extends DomainEvent>(
  registry: EventRegistry<E>,
  keyStore: PersonalDataKeyStore,
  events: readonly StoredEvent<E>[],
  subjects: ReadonlySet<string> | undefined = sealedSubjects(registry, events),
): Promise<readonly StoredEvent<E>[]> => {
  if (!subjects) return events;
  const keys = await keyStore.find([...subjects]);
  let out: StoredEvent<E>[] | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const opened = openEvent(registry, keys, event);
    if (opened !== event) (out ??= [...events])[i] = opened;
  }
  return out ?? events;
};
