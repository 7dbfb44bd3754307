import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { createEventRegistry } from '../kernel/registry.js';
import { idSchema } from '../school/events.js';

/** Required minutes: whole, and below a thousand hours (the schema's bound, not a rule). */
export const requiredMinutesSchema = z.number().int().min(0).max(1000 * 60);
export const requirementNoteSchema = z.string().min(1).max(500);

/**
 * A provider's own training requirement for its mentors in a year, from `effectiveFrom`: since 13 Nov 2024
 * the DfE sets no minimum, and "sufficient high-quality training" is the provider's to define (domain.md).
 * A later one for the same year from the same or a later date supersedes it.
 */
export const providerTrainingRequirementSetSchema = z.object({
  providerId: idSchema,
  academicYear: academicYearSchema,
  initialMinutes: requiredMinutesSchema,
  refresherMinutes: requiredMinutesSchema,
  effectiveFrom: localDateSchema,
  /** The date by which the provider expects its mentors to have done it. */
  completeBy: localDateSchema.optional(),
  note: requirementNoteSchema.optional(),
});
export const ProviderTrainingRequirementSet = defineEvent('ProviderTrainingRequirementSet', providerTrainingRequirementSetSchema);

export const providerTrainingRequirementEventDefinitions = [ProviderTrainingRequirementSet] as const;
export const providerTrainingRequirementRegistry = createEventRegistry(providerTrainingRequirementEventDefinitions);
export type ProviderTrainingRequirementEvent = EventsOf<typeof providerTrainingRequirementEventDefinitions>;

export const providerTrainingRequirementStreamId = (providerId: string): string => `providerTrainingRequirement-${providerId}`;
