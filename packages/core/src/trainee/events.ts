import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { createEventRegistry } from '../kernel/registry.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { personalData } from '../kernel/personalData.js';
import { idSchema } from '../school/events.js';

export const TRAINEE_PHASES = ['early_years', 'primary', 'secondary'] as const;
export type TraineePhase = (typeof TRAINEE_PHASES)[number];

export const STUDY_MODES = ['full_time', 'part_time'] as const;
export type StudyMode = (typeof STUDY_MODES)[number];

export const PROGRAMMES = ['postgraduate', 'undergraduate', 'undergraduate_four_year'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** A trainee's route: phase, full or part time (with their full-time equivalence) and programme. */
export const routeSchema = z
  .object({
    phase: z.enum(TRAINEE_PHASES),
    mode: z.enum(STUDY_MODES),
    /** Full-time equivalence, 0 < fte ≤ 1; 1 for a full-time trainee. */
    fte: z.number().gt(0).max(1),
    programme: z.enum(PROGRAMMES),
  })
  .refine((route) => route.mode === 'part_time' || route.fte === 1, { message: 'a full-time trainee has fte 1', path: ['fte'] });

export type Route = z.output<typeof routeSchema>;

/** A trainee registered with an accredited provider for an academic year. */
export const traineeRegisteredSchema = z.object({
  traineeId: idSchema,
  providerId: idSchema,
  name: personalData(z.string().min(1).max(200), { subjectField: 'traineeId' }),
  academicYear: academicYearSchema,
  route: routeSchema,
});
export const TraineeRegistered = defineEvent('TraineeRegistered', traineeRegisteredSchema);

export const traineeEventDefinitions = [TraineeRegistered] as const;
export const traineeRegistry = createEventRegistry(traineeEventDefinitions);
export type TraineeEvent = EventsOf<typeof traineeEventDefinitions>;

export const traineeStreamId = (traineeId: string): string => `trainee-${traineeId}`;
