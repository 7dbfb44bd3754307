export { createInMemoryEventStore, type InMemoryEventStore, type InMemoryEventStoreOptions } from './inMemoryEventStore.js';
