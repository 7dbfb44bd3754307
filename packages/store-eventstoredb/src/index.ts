export { defaultRetryPolicy, type RetryPolicy } from './calls.js';
export { normaliseConnectionString } from './connection.js';
export { createEventStoreDbStore, type EventStoreDbStore, type EventStoreDbStoreOptions } from './eventStoreDbStore.js';
export { fromGlobalPosition, isKnownPosition, toGlobalPosition, type AllPosition } from './positions.js';
export type { StoredMetadata } from './records.js';
