import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { DomainEvent, StoredEvent } from '../kernel/envelope.js';
import { checkStreamId, planAppend } from '../kernel/readOptions.js';
import type { EventStore, SubscriptionHandler } from '../kernel/store.js';
import type { PersonalDataKeyStore } from './keyStore.js';
import { openEvents, sealedSubjects } from './openEvents.js';
import type { RandomBytes } from './seal.js';
import { sealEvents } from './sealEvents.js';

export interface CryptoShreddingOptions {
  readonly keyStore: PersonalDataKeyStore;
  /** IVs; defaults to `crypto.randomBytes`. A seeded source is for tests only: an IV must never repeat under one key. */
  readonly randomBytes?: RandomBytes;
}

/**
 * The same store port, with every personal field (see `personalData()`) sealed with AES-256-GCM under its
 * data subject's key before it reaches `store`, and opened on every read; once `keyStore.forget(subject)`
 * has destroyed the key, the subject's fields read as `ERASED` and nothing personal about them may be
 * appended (`DataSubjectForgottenError`). Erasure writes nothing to the log. Keys are not cached: a
 * forget takes effect on the next read.
 *
 * Limits: upcasters run inside `store` on sealed values, so they must neither read nor move a personal
 * field (a value opens only at the path, event type and subject it was sealed for); an export taken from
 * `store` itself holds ciphertext (which is the point: erasure reaches it too); events written before the
 * decorator was in place hold plaintext, and forgetting does not reach them.
 */
export const withCryptoShredding = <E extends DomainEvent>(store: EventStore<E>, options: CryptoShreddingOptions): EventStore<E> => {
  const { registry } = store;
  const { keyStore, randomBytes = cryptoRandomBytes } = options;
  const open = (events: readonly StoredEvent<E>[]) => openEvents(registry, keyStore, events);
  return {
    registry,
    appendToStream: async (streamId, events, appendOptions) => {
      // The store's own argument checks come first, as they would without the decorator.
      checkStreamId(streamId);
      planAppend(appendOptions);
      return store.appendToStream(streamId, await sealEvents(registry, keyStore, randomBytes, events), appendOptions);
    },
    readStream: async (streamId, readOptions) => open(await store.readStream(streamId, readOptions)),
    readAll: async (readOptions) => open(await store.readAll(readOptions)),
    subscribe: (handler: SubscriptionHandler<E>, subscribeOptions) =>
      store.subscribe(
        {
          onEvent: (event) => {
            const subjects = sealedSubjects(registry, [event]);
            if (!subjects) return handler.onEvent(event);
            return openEvents(registry, keyStore, [event], subjects).then(([opened]) => handler.onEvent(opened!));
          },
          ...(handler.onCaughtUp && { onCaughtUp: () => handler.onCaughtUp?.() }),
          ...(handler.onError && { onError: (error: unknown) => handler.onError?.(error) }),
        },
        subscribeOptions,
      ),
    close: () => store.close(),
  };
};
