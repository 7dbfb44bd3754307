import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { createEventRegistry } from '../kernel/registry.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';

/**
 * A note about a trainee's welfare can reveal health or other special category data (UK GDPR art. 9): it is
 * marked so, encrypted per trainee by a codec, and kept out of every report not meant for it.
 */
const welfareNote = personalData(z.string().min(1).max(LIMITS.note), { subjectField: 'traineeId', category: 'special' });

/** The lead mentor (or another) noted a concern about the trainee's welfare (seed 004: "Monitoring progress and welfare"). */
export const WelfareConcernRecorded = defineEvent(
  'WelfareConcernRecorded',
  z.object({
    concernId: idSchema,
    traineeId: idSchema,
    notedOn: localDateSchema,
    notedBy: idSchema,
    note: welfareNote,
    supportOffered: welfareNote.optional(),
  }),
);

/** The concern no longer needs following up. */
export const WelfareConcernClosed = defineEvent(
  'WelfareConcernClosed',
  z.object({ concernId: idSchema, traineeId: idSchema, closedOn: localDateSchema, closedBy: idSchema, note: welfareNote.optional() }),
);

export const welfareEventDefinitions = [WelfareConcernRecorded, WelfareConcernClosed] as const;
export const welfareRegistry = createEventRegistry(welfareEventDefinitions);
export type WelfareEvent = EventsOf<typeof welfareEventDefinitions>;

/** A trainee's welfare notes in a stream of their own, apart from the progress record others may read. */
export const welfareStreamId = (traineeId: string): string => `welfare-${traineeId}`;
