import type { EventRegistry, StoredEvent } from '@itt-ledger/core';

/**
 * The registry with decoding turned off: a store opened with it hands events back exactly as stored, so
 * that `verify` can decode each one itself and report every bad event instead of stopping at the first,
 * and `export` copies facts as written (their own schema version), not upcast.
 */
export const rawRegistry = (registry: EventRegistry): EventRegistry => ({
  types: registry.types,
  definition: (type) => registry.definition(type),
  personalData: (type, schemaVersion) => registry.personalData(type, schemaVersion),
  prepare: (events, ids) => registry.prepare(events, ids),
  decode: (record) => Object.freeze({ ...record }) as unknown as StoredEvent,
});
