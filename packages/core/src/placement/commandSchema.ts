import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { personalValue } from '../kernel/personalData.js';
import { idSchema, streamKeySchema } from '../school/events.js';
import type { ArrangePlacement, ExtendPlacement, PlacementCommand } from './commands.js';
import {
  MAX_TARGETS_DISCUSSED,
  mentorMeetingRecordedSchema,
  mentoringContactRecordedSchema,
  mentoringRecordCorrectedSchema,
  mentoringRecordWithdrawnSchema,
  placementArrangedSchema,
  placementCompletedSchema,
  placementEndedEarlySchema,
  placementExtendedSchema,
  placementMentorChangedSchema,
  placementPausedSchema,
  placementResumedSchema,
} from './events.js';

/** Technical bound on the other placements a service passes in a command: far above any real trainee's. */
const MAX_OTHER_PLACEMENTS = 200;

const otherPlacements = z.array(z.object({ placementId: idSchema, startDate: localDateSchema, lastDay: localDateSchema })).max(MAX_OTHER_PLACEMENTS);

const arrangementContext = z.object({
  trainee: z.object({ providerId: idSchema }).nullable(),
  schoolRegistered: z.boolean(),
  traineePlacements: otherPlacements,
});

/** What a caller gives to arrange a placement: the service reads the context itself. */
export const arrangePlacementInputSchema = placementArrangedSchema.extend({ placementId: streamKeySchema, traineeId: streamKeySchema, schoolId: streamKeySchema });
/** What a caller gives to extend a placement: the service reads the context and the previous end date. */
export const extendPlacementInputSchema = placementExtendedSchema.omit({ previousEndDate: true }).extend({ placementId: streamKeySchema });

const arrangePlacement = arrangePlacementInputSchema.extend({ type: z.literal('ArrangePlacement'), context: arrangementContext });
const extendPlacement = extendPlacementInputSchema.extend({ type: z.literal('ExtendPlacement'), context: z.object({ traineePlacements: otherPlacements }) });

const meeting = mentorMeetingRecordedSchema.shape;
const contact = mentoringContactRecordedSchema.shape;

/** The placement commands that need nothing beyond their own stream. */
const streamCommands = [
  placementMentorChangedSchema.extend({ type: z.literal('ChangePlacementMentor'), placementId: streamKeySchema }),
  placementPausedSchema.extend({ type: z.literal('PausePlacement'), placementId: streamKeySchema }),
  placementResumedSchema.extend({ type: z.literal('ResumePlacement'), placementId: streamKeySchema }),
  placementEndedEarlySchema.extend({ type: z.literal('EndPlacementEarly'), placementId: streamKeySchema }),
  placementCompletedSchema.extend({ type: z.literal('CompletePlacement'), placementId: streamKeySchema }),
  mentorMeetingRecordedSchema.omit({ traineeId: true }).extend({
    type: z.literal('RecordMentorMeeting'),
    placementId: streamKeySchema,
    targetsDiscussed: z.array(personalValue(meeting.targetsDiscussed.element)).max(MAX_TARGETS_DISCUSSED),
    reflection: personalValue(meeting.reflection.unwrap()).optional(),
  }),
  mentoringContactRecordedSchema.omit({ traineeId: true }).extend({
    type: z.literal('RecordMentoringContact'),
    placementId: streamKeySchema,
    note: personalValue(contact.note.unwrap()).optional(),
  }),
  mentoringRecordCorrectedSchema.omit({ traineeId: true }).extend({ type: z.literal('CorrectMentoringRecord'), placementId: streamKeySchema }),
  mentoringRecordWithdrawnSchema.omit({ traineeId: true }).extend({ type: z.literal('WithdrawMentoringRecord'), placementId: streamKeySchema }),
] as const;

/** Every placement command's shape, with the limits of the events it writes (the trainee is the stream's). */
export const placementCommandSchema: z.ZodType<PlacementCommand> = z.discriminatedUnion('type', [arrangePlacement, extendPlacement, ...streamCommands]);

/** The commands `placementCommands().placement` takes. */
export const streamPlacementCommandSchema: z.ZodType<Exclude<PlacementCommand, ArrangePlacement | ExtendPlacement>> = z.discriminatedUnion('type', streamCommands);
