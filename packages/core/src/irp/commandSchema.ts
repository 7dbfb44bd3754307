import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { reviewPointFactsSchema } from '../reviewPoint/commandSchema.js';
import { streamKeySchema } from '../school/events.js';
import type { IrpCommand } from './commands.js';
import { ESCALATIONS, irpClosedSchema, irpExtendedSchema, irpOpenedSchema, irpReviewedSchema } from './events.js';

// Each command is the event it writes less what the decider fills in (the trainee is the stream's). An
// optional field is restated as exactly optional: a command leaves it out, never sends it as undefined.
const openPlan = irpOpenedSchema.omit({ reviewPointId: true }).extend({
  type: z.literal('OpenIndividualRecoveryPlan'),
  reviewDates: irpOpenedSchema.shape.reviewDates.exactOptional(),
});
const otherCommands = [
  irpReviewedSchema.omit({ traineeId: true }).extend({
    type: z.literal('ReviewIndividualRecoveryPlan'),
    targetsAdded: irpReviewedSchema.shape.targetsAdded.exactOptional(),
    nextReviewOn: localDateSchema.exactOptional(),
  }),
  irpExtendedSchema.omit({ traineeId: true }).extend({ type: z.literal('ExtendIndividualRecoveryPlan') }),
  irpClosedSchema.omit({ traineeId: true }).extend({ type: z.literal('CloseIndividualRecoveryPlan'), escalatedTo: z.enum(ESCALATIONS).exactOptional() }),
] as const;

/** Every IRP command's shape, with the limits of the events it writes. */
export const irpCommandSchema: z.ZodType<IrpCommand> = z.discriminatedUnion('type', [
  openPlan.extend({ reviewPoint: reviewPointFactsSchema.exactOptional() }),
  ...otherCommands,
]);

/** IRP commands as the progress service takes them: the review point named by id. */
export const irpInputSchema = z.discriminatedUnion('type', [openPlan.extend({ reviewPointId: streamKeySchema.exactOptional() }), ...otherCommands]);
