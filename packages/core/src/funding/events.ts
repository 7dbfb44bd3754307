import type { EventsOf } from '../kernel/eventDefinition.js';
import { createEventRegistry } from '../kernel/registry.js';
import { claimEventDefinitions } from './claim/events.js';
import { ruleCorrectionEventDefinitions } from './ruleCorrection/events.js';

/** Every event the funding folder defines: the claims and the rule corrections. */
export const fundingEventDefinitions = [...claimEventDefinitions, ...ruleCorrectionEventDefinitions] as const;
export const fundingRegistry = createEventRegistry(fundingEventDefinitions);
export type FundingEvent = EventsOf<typeof fundingEventDefinitions>;
