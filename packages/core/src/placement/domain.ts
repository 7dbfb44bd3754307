import type { EventsOf } from '../kernel/eventDefinition.js';
import { schoolEventDefinitions } from '../school/events.js';
import { traineeEventDefinitions } from '../trainee/events.js';
import { placementEventDefinitions } from './events.js';

/** Every event of schools, trainees and placements: what a store needs to know for the entitlement. */
export const placementsDomainDefinitions = [...schoolEventDefinitions, ...traineeEventDefinitions, ...placementEventDefinitions] as const;
export type PlacementsDomainEvent = EventsOf<typeof placementsDomainDefinitions>;
