import type { EventsOf } from '../kernel/eventDefinition.js';
import { leadMentorEventDefinitions } from '../leadMentor/events.js';
import { mentorDevelopmentReviewEventDefinitions } from '../mentorDevelopmentReview/events.js';
import { mentorSupportEventDefinitions } from '../mentorSupport/events.js';
import { mentorTrainingEventDefinitions } from '../mentorTraining/events.js';
import { providerTrainingRequirementEventDefinitions } from '../mentorTraining/requirementEvents.js';
import { mentorEventDefinitions } from './events.js';

/** Every event the mentors' aggregates write: what a store needs to know for `mentorCommands`. */
export const mentorsDomainDefinitions = [
  ...mentorEventDefinitions,
  ...mentorTrainingEventDefinitions,
  ...providerTrainingRequirementEventDefinitions,
  ...mentorDevelopmentReviewEventDefinitions,
  ...leadMentorEventDefinitions,
  ...mentorSupportEventDefinitions,
] as const;
export type MentorsDomainEvent = EventsOf<typeof mentorsDomainDefinitions>;
