import { z } from 'zod';
import { academicYearSchema } from '../../calendar/academicYear.js';
import { localDateSchema } from '../../calendar/localDate.js';
import type { RuleCorrectionCommand } from './commands.js';
import { correctionReasonSchema, correctionSourceSchema, rulePathSchema, ruleValueSchema } from './events.js';

/** A rule correction's shape, with the limits of `RuleValueCorrected`: bad input is refused before anything is read. */
export const correctRuleValueSchema = z.object({
  type: z.literal('CorrectRuleValue'),
  academicYear: academicYearSchema,
  path: rulePathSchema,
  value: ruleValueSchema,
  validFrom: localDateSchema.exactOptional(),
  reason: correctionReasonSchema,
  source: correctionSourceSchema,
});

export const ruleCorrectionCommandSchema = z.discriminatedUnion('type', [correctRuleValueSchema]) satisfies z.ZodType<RuleCorrectionCommand>;
