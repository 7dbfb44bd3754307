import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { createEventRegistry } from '../kernel/registry.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';
import { targetReviewSchema, targetSpecSchema } from '../target/events.js';

/** Where an escalated plan leads (domain.md: "outcomes can be a resit, deferral, withdrawal or a fitness-to-practise panel"). */
export const ESCALATIONS = ['withdrawal', 'change_of_placement', 'placement_failed', 'resit', 'deferral', 'fitness_to_practise'] as const;
export type Escalation = (typeof ESCALATIONS)[number];

export const CLOSING_OUTCOMES = ['succeeded', 'escalated'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

const areas = z.array(z.string().min(1).max(LIMITS.area)).min(1).max(LIMITS.areas);
const reviewDates = z.array(localDateSchema).min(1).max(LIMITS.reviewDates);
const reasonText = z.string().min(1).max(LIMITS.reason);

/** Support the plan gives: what, and who provides it (seed 004: "offering additional support when necessary"). */
export const supportActionSchema = z.object({ description: z.string().min(1).max(LIMITS.description), providedBy: idSchema });
export type SupportAction = z.output<typeof supportActionSchema>;

/**
 * An Individual Recovery Plan for a trainee not on track, agreed by the lead mentor with a member of the
 * provider's ITT leadership team (`agreedWith`; seed 004), owned by `ownerId`, from the review point that
 * found the trainee not on track when there was one.
 */
export const irpOpenedSchema = z.object({
  irpId: idSchema,
  traineeId: idSchema,
  placementId: idSchema,
  schoolId: idSchema,
  providerId: idSchema,
  openedOn: localDateSchema,
  leadMentorId: idSchema,
  agreedWith: idSchema,
  ownerId: idSchema,
  reviewPointId: idSchema.optional(),
  concerns: areas,
  targets: z.array(targetSpecSchema).min(1).max(LIMITS.areas),
  supportActions: z.array(supportActionSchema).min(1).max(LIMITS.supportActions),
  reviewDates,
});
export const IndividualRecoveryPlanOpened = defineEvent('IndividualRecoveryPlanOpened', irpOpenedSchema);

/** A review of the plan: verdicts on some of its targets, targets added, and when it is next reviewed. */
export const irpReviewedSchema = z.object({
  irpId: idSchema,
  traineeId: idSchema,
  reviewedOn: localDateSchema,
  reviewedBy: idSchema,
  targetReviews: z.array(targetReviewSchema).max(LIMITS.areas),
  targetsAdded: z.array(targetSpecSchema).max(LIMITS.areas),
  nextReviewOn: localDateSchema.optional(),
});
export const IndividualRecoveryPlanReviewed = defineEvent('IndividualRecoveryPlanReviewed', irpReviewedSchema);

/** The plan runs for a further period with new review dates (domain.md: "a further 2–4 weeks"); it stays open. */
export const irpExtendedSchema = z.object({ irpId: idSchema, traineeId: idSchema, extendedOn: localDateSchema, reviewDates, reason: reasonText });
export const IndividualRecoveryPlanExtended = defineEvent('IndividualRecoveryPlanExtended', irpExtendedSchema);

/** The plan closed: succeeded (back to normal training) or escalated (to `escalatedTo`); its record stays. */
export const irpClosedSchema = z.object({
  irpId: idSchema,
  traineeId: idSchema,
  closedOn: localDateSchema,
  closedBy: idSchema,
  outcome: z.enum(CLOSING_OUTCOMES),
  escalatedTo: z.enum(ESCALATIONS).optional(),
});
export const IndividualRecoveryPlanClosed = defineEvent('IndividualRecoveryPlanClosed', irpClosedSchema);

export const irpEventDefinitions = [
  IndividualRecoveryPlanOpened,
  IndividualRecoveryPlanReviewed,
  IndividualRecoveryPlanExtended,
  IndividualRecoveryPlanClosed,
] as const;
export const irpRegistry = createEventRegistry(irpEventDefinitions);
export type IrpEvent = EventsOf<typeof irpEventDefinitions>;

/** Every plan of one trainee in one stream: that is what keeps at most one open at a time. */
export const irpStreamId = (traineeId: string): string => `irp-${traineeId}`;
