import { createEventRegistry } from '../kernel/registry.js';
import type { EventsOf } from '../kernel/eventDefinition.js';
import { irpEventDefinitions } from '../irp/events.js';
import { leadMentorQaEventDefinitions } from '../leadMentorQa/events.js';
import { reviewPointEventDefinitions } from '../reviewPoint/events.js';
import type { SchoolEvent } from '../school/events.js';
import { targetEventDefinitions } from '../target/events.js';
import { welfareEventDefinitions } from '../welfare/events.js';

/** Every event of trainee progress: review points, targets, lead-mentor QA, recovery plans and welfare. */
export const progressEventDefinitions = [
  ...reviewPointEventDefinitions,
  ...targetEventDefinitions,
  ...leadMentorQaEventDefinitions,
  ...irpEventDefinitions,
  ...welfareEventDefinitions,
] as const;
export const progressRegistry = createEventRegistry(progressEventDefinitions);
export type ProgressEvent = EventsOf<typeof progressEventDefinitions>;

/** What the progress read models fold: their own events and the schools' (for a school's name and phase). */
export type ProgressReadEvent = ProgressEvent | SchoolEvent;

export type ProgressEventOf<T extends ProgressReadEvent['type']> = Extract<ProgressReadEvent, { readonly type: T }>;
