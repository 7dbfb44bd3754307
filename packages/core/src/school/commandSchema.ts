import { z } from 'zod';
import type { SchoolCommand } from './commands.js';
import { schoolCalendarPublishedSchema, schoolRegisteredSchema, streamKeySchema } from './events.js';

/** Every school command's shape, with the limits of the event it writes. */
export const schoolCommandSchema: z.ZodType<SchoolCommand> = z.discriminatedUnion('type', [
  schoolRegisteredSchema.extend({ type: z.literal('RegisterSchool'), schoolId: streamKeySchema }),
  schoolCalendarPublishedSchema.extend({ type: z.literal('PublishSchoolCalendar'), schoolId: streamKeySchema }),
]);
