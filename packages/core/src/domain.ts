import { fundingEventDefinitions } from './funding/events.js';
import type { EventsOf } from './kernel/eventDefinition.js';
import { createEventRegistry, type EventRegistry } from './kernel/registry.js';
import { mentorsDomainDefinitions } from './mentor/domain.js';
import { placementsDomainDefinitions } from './placement/domain.js';
import { progressEventDefinitions } from './progress/events.js';

/** Every event of the ITT mentoring domain, in one list: what a provider's store registers. */
export const ittLedgerEventDefinitions = [
  ...placementsDomainDefinitions,
  ...progressEventDefinitions,
  ...mentorsDomainDefinitions,
  ...fundingEventDefinitions,
] as const;

export type IttLedgerEvent = EventsOf<typeof ittLedgerEventDefinitions>;
export type IttLedgerEventType = IttLedgerEvent['type'];

/** A registry of the whole domain. Registries are immutable, so one can be shared by every store of a process. */
export const createIttLedgerRegistry = (): EventRegistry<IttLedgerEvent> => createEventRegistry(ittLedgerEventDefinitions);
