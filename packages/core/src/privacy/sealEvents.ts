import type { DomainEvent, NewEvent } from '../kernel/envelope.js';
import { EventValidationError } from '../kernel/errors.js';
import { isErased } from '../kernel/personalData.js';
import { SEALED_MAX_BYTES } from '../kernel/personalData.js';
import { randomIds } from '../kernel/ids.js';
import type { EventRegistry } from '../kernel/registry.js';
import type { PersonalDataKeyStore } from './keyStore.js';
import { rewritePersonalValues, subjectOf } from './personalValues.js';
import { isSealed, sealValue, type RandomBytes } from './seal.js';

const refuse = (type: string, version: number, index: number, path: readonly (string | number)[], code: string, message: string) =>
  new EventValidationError(type, version, [{ path: ['data', ...path], code, message }], index);

/**
 * The batch with every personal value sealed under its subject's key. The batch is validated first,
 * exactly as the store validates it, so a bad event gets the store's own error and nothing is written;
 * then the keys are fetched (a forgotten subject throws `DataSubjectForgottenError`). Events without a
 * personal value to seal are passed on as they are.
 */
export const sealEvents = async <E extends DomainEvent>(
  registry: EventRegistry<E>,
  keyStore: PersonalDataKeyStore,
  randomBytes: RandomBytes,
  events: readonly NewEvent<E>[],
): Promise<readonly NewEvent<E>[]> => {
  // The ids are thrown away: the store assigns its own when it prepares the sealed batch.
  const prepared = registry.prepare(events, randomIds);
  const subjects = new Set<string>();
  prepared.forEach(({ type, schemaVersion, data }, index) => {
    rewritePersonalValues(data, registry.personalData(type, schemaVersion), (value, field, path) => {
      if (isErased(value)) return value;
      if (isSealed(value)) throw refuse(type, schemaVersion, index, path, 'sealed_value', 'a sealed value cannot be appended: offer the plaintext');
      const subject = subjectOf(data, field);
      if (subject === undefined) {
        throw refuse(type, schemaVersion, index, path, 'personal_data_subject', `personal data needs its subject's id in '${field.subjectField}'`);
      }
      if (Buffer.byteLength(JSON.stringify(value), 'utf8') > SEALED_MAX_BYTES) throw refuse(type, schemaVersion, index, path, 'too_big', `sealed personal data holds at most ${SEALED_MAX_BYTES} bytes`);
      subjects.add(subject);
      return value;
    });
  });
  if (subjects.size === 0) return events;
  const keys = new Map<string, Uint8Array>();
  for (const subject of subjects) keys.set(subject, await keyStore.keyFor(subject));

  return prepared.map(({ type, schemaVersion, data }, index) => {
    const event = events[index]!;
    const sealed = rewritePersonalValues(data, registry.personalData(type, schemaVersion), (value, field, path) => {
      if (isErased(value)) return value;
      const subject = subjectOf(data, field)!;
      return sealValue(keys.get(subject)!, value, { subject, type, path }, randomBytes);
    });
    return sealed === data ? event : { ...event, data: sealed };
  });
};
