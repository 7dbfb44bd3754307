import { z } from 'zod';
import { personalValue } from '../kernel/personalData.js';
import type { TraineeCommand } from './commands.js';
import { streamKeySchema } from '../school/events.js';
import { traineeRegisteredSchema } from './events.js';

/** Every trainee command's shape, with the limits of the event it writes. */
export const traineeCommandSchema: z.ZodType<TraineeCommand> = z.discriminatedUnion('type', [
  traineeRegisteredSchema.extend({ type: z.literal('RegisterTrainee'), traineeId: streamKeySchema, name: personalValue(traineeRegisteredSchema.shape.name) }),
]);
