import { z } from 'zod';
import { academicYearSchema, type AcademicYear } from '../../calendar/academicYear.js';
import { localDateSchema } from '../../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../../kernel/eventDefinition.js';

/** What a rule value can be corrected to: the kinds of value the rule sets hold that a correction may change. */
export const ruleValueSchema = z.union([
  z.number().int().min(0),
  z.boolean(),
  z.null(),
  z.object({ from: localDateSchema, to: localDateSchema }),
]);
export type RuleValue = z.infer<typeof ruleValueSchema>;

export const rulePathSchema = z.string().min(1).max(200);
export const correctionReasonSchema = z.string().min(1).max(1000);
export const correctionSourceSchema = z.string().min(1).max(500);

/**
 * A value of a year's rule set was wrong (or changed) and is now `value`: a dated fact, like any other.
 * Amounts derived from it re-derive; what was believed before stays readable as of an earlier recordedAt.
 */
export const RuleValueCorrected = defineEvent(
  'RuleValueCorrected',
  z.object({
    academicYear: academicYearSchema,
    /** The value's path in the rule set, e.g. `funding.hourlyRatePence.rest_of_england`. */
    path: rulePathSchema,
    value: ruleValueSchema,
    /** The value in force before this correction (with earlier corrections applied). */
    previousValue: ruleValueSchema,
    /** From this date on; absent: the whole year (the value was wrong from the start). */
    validFrom: localDateSchema.optional(),
    reason: correctionReasonSchema,
    /** Where the right value comes from, e.g. `DfE grant conditions §5`. */
    source: correctionSourceSchema,
  }),
);

export const ruleCorrectionEventDefinitions = [RuleValueCorrected] as const;
export type RuleCorrectionEvent = EventsOf<typeof ruleCorrectionEventDefinitions>;
export type RuleValueCorrectedData = Extract<RuleCorrectionEvent, { type: 'RuleValueCorrected' }>['data'];

/** One stream per academic year: the consistency boundary for that year's corrections. */
export const ruleCorrectionsStreamId = (academicYear: AcademicYear): string => `ruleCorrections-${academicYear.replace('/', '-')}`;
