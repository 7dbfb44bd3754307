import { z } from 'zod';
import { academicYearSchema, type AcademicYear } from '../calendar/academicYear.js';
import { localDateSchema } from '../calendar/localDate.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { createEventRegistry } from '../kernel/registry.js';
import { idSchema } from '../school/events.js';

// What a mentor writes about their own practice is their personal data.
const mentorText = <S extends z.ZodType>(schema: S) => personalData(schema, { subjectField: 'mentorId' });
const label = z.string().min(1).max(300);

/** A note on ratings or on a completed action. */
export const mdrNoteSchema = z.string().min(1).max(2000);
export const mdrActionTextSchema = z.string().min(1).max(1000);
export const mdrReflectionSchema = z.string().min(1).max(4000);
export const mdrNextStepsSchema = z.string().min(1).max(2000);
export const mdrDocumentRefSchema = z.string().min(1).max(500);
/** Levels count from 1, the lowest point of the framework's scale. */
export const mdrRatingsSchema = z.array(z.object({ statementId: idSchema, level: z.number().int().min(1).max(10) })).min(1).max(600);

/**
 * The provider's MDR template as the mentor received it (seed 001): areas (e.g. "Professional Knowledge")
 * of statements to rate oneself against, each area with suggested actions, and the rating scale, lowest
 * first. Kept in the event, so a later template never changes what an earlier review meant.
 */
export const mdrFrameworkSchema = z.object({
  name: label,
  ratingScale: z.array(z.string().min(1).max(60)).min(2).max(10),
  areas: z
    .array(
      z.object({
        areaId: idSchema,
        title: label,
        statements: z.array(z.object({ statementId: idSchema, text: z.string().min(1).max(1000) })).min(1).max(30),
        suggestedActions: z.array(z.object({ actionId: idSchema, text: z.string().min(1).max(1000) })).max(30),
      }),
    )
    .min(1)
    .max(20),
});
export type MdrFramework = z.output<typeof mdrFrameworkSchema>;

/** Ratings at induction, at a revisit during the year, or at the June reflection (seed 001). */
export const MDR_STAGES = ['induction', 'revisit', 'reflection'] as const;
export type MdrStage = (typeof MDR_STAGES)[number];

export const ACTION_ORIGINS = ['suggested', 'own'] as const;
export type ActionOrigin = (typeof ACTION_ORIGINS)[number];

const cycle = { mentorId: idSchema, academicYear: academicYearSchema };

/** A mentor began their Mentor Development Review for the year with a provider. */
export const MentorDevelopmentReviewStarted = defineEvent(
  'MentorDevelopmentReviewStarted',
  z.object({ ...cycle, providerId: idSchema, startedOn: localDateSchema, framework: mdrFrameworkSchema }),
);

/** The mentor rated themself against statements: every one at induction, any at a revisit or reflection. */
export const MentorDevelopmentSelfRated = defineEvent(
  'MentorDevelopmentSelfRated',
  z.object({
    ...cycle,
    stage: z.enum(MDR_STAGES),
    ratedOn: localDateSchema,
    ratings: mdrRatingsSchema,
    note: mentorText(mdrNoteSchema).optional(),
  }),
);

/** The priority area for the induction cycle, identified from the initial ratings (seed 001). */
export const MentorDevelopmentPriorityAreaChosen = defineEvent(
  'MentorDevelopmentPriorityAreaChosen',
  z.object({ ...cycle, areaId: idSchema, chosenOn: localDateSchema }),
);

/** An action to improve an area: one of the framework's suggestions, or the mentor's own (seed 001). */
export const MentorDevelopmentActionAdded = defineEvent(
  'MentorDevelopmentActionAdded',
  z.object({
    ...cycle,
    actionId: idSchema,
    areaId: idSchema,
    origin: z.enum(ACTION_ORIGINS),
    /** The suggestion taken, for a `suggested` action. */
    suggestedActionId: idSchema.optional(),
    text: mentorText(mdrActionTextSchema),
    addedOn: localDateSchema,
    dueBy: localDateSchema.optional(),
  }),
);

export const MentorDevelopmentActionCompleted = defineEvent(
  'MentorDevelopmentActionCompleted',
  z.object({ ...cycle, actionId: idSchema, completedOn: localDateSchema, note: mentorText(mdrNoteSchema).optional() }),
);

/** The mentor's reflection on the year's progress with their lead mentor, in June (seed 001). */
export const MentorDevelopmentReflectionRecorded = defineEvent(
  'MentorDevelopmentReflectionRecorded',
  z.object({ ...cycle, leadMentorId: idSchema, reflectedOn: localDateSchema, reflection: mentorText(mdrReflectionSchema), nextSteps: mentorText(mdrNextStepsSchema).optional() }),
);

/** The final document was filed (seed 001: "uploaded to Canvas"): the year's part of the portfolio is closed. */
export const MentorDevelopmentReviewCompleted = defineEvent(
  'MentorDevelopmentReviewCompleted',
  z.object({ ...cycle, completedOn: localDateSchema, documentRef: mdrDocumentRefSchema.optional() }),
);

export const mentorDevelopmentReviewEventDefinitions = [
  MentorDevelopmentReviewStarted,
  MentorDevelopmentSelfRated,
  MentorDevelopmentPriorityAreaChosen,
  MentorDevelopmentActionAdded,
  MentorDevelopmentActionCompleted,
  MentorDevelopmentReflectionRecorded,
  MentorDevelopmentReviewCompleted,
] as const;
export const mentorDevelopmentReviewRegistry = createEventRegistry(mentorDevelopmentReviewEventDefinitions);
export type MentorDevelopmentReviewEvent = EventsOf<typeof mentorDevelopmentReviewEventDefinitions>;

/** One mentor's review for one academic year: `mdr-{mentorId}-{yyyy}`, yyyy the year it starts. */
export const mentorDevelopmentReviewStreamId = (mentorId: string, academicYear: AcademicYear): string => `mdr-${mentorId}-${academicYear.slice(0, 4)}`;
