import { z } from 'zod';
import { localDateSchema } from '../calendar/localDate.js';
import { LIMITS } from '../progress/limits.js';
import { idSchema } from '../school/events.js';
import type { WelfareCommand } from './commands.js';

const note = z.string().min(1).max(LIMITS.note);

/** Every welfare command's shape, with the limits of the events it writes. */
export const welfareCommandSchema: z.ZodType<WelfareCommand> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('RecordWelfareConcern'),
    concernId: idSchema,
    traineeId: idSchema,
    notedOn: localDateSchema,
    notedBy: idSchema,
    note,
    supportOffered: note.exactOptional(),
  }),
  z.object({ type: z.literal('CloseWelfareConcern'), concernId: idSchema, closedOn: localDateSchema, closedBy: idSchema, note: note.exactOptional() }),
]);
