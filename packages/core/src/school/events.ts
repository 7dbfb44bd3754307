import { z } from 'zod';
import { academicYearSchema } from '../calendar/academicYear.js';
import { createEventRegistry } from '../kernel/registry.js';
import { defineEvent, type EventsOf } from '../kernel/eventDefinition.js';
import { REGIONS } from '../rules/ruleSet.js';
import { closuresSchema, termsSchema } from './calendar.js';

export const idSchema = z.string().min(1).max(100);

/** An id that names a stream (`placement-{id}`): stream ids hold no control characters. */
// eslint-disable-next-line no-control-regex
export const streamKeySchema = idSchema.regex(/^[^\u0000-\u001f]*$/, 'expected no control characters');

export const SCHOOL_PHASES = ['early_years', 'primary', 'secondary', 'all_through'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

export const SCHOOL_SETTINGS = ['urban', 'rural'] as const;
export type SchoolSetting = (typeof SCHOOL_SETTINGS)[number];

/** A placement school or early-years setting joined a provider's partnership. */
export const schoolRegisteredSchema = z.object({
  schoolId: idSchema,
  providerId: idSchema,
  name: z.string().min(1).max(200),
  /** The school's unique reference number in Get Information About Schools. */
  urn: z.string().min(1).max(20).optional(),
  phase: z.enum(SCHOOL_PHASES),
  region: z.enum(REGIONS),
  setting: z.enum(SCHOOL_SETTINGS).optional(),
});
export const SchoolRegistered = defineEvent('SchoolRegistered', schoolRegisteredSchema);

/** The school's terms and closures for a year; a later one for the same year supersedes the earlier. */
export const schoolCalendarPublishedSchema = z.object({
  schoolId: idSchema,
  academicYear: academicYearSchema,
  terms: termsSchema,
  closures: closuresSchema,
});
export const SchoolCalendarPublished = defineEvent('SchoolCalendarPublished', schoolCalendarPublishedSchema);

export const schoolEventDefinitions = [SchoolRegistered, SchoolCalendarPublished] as const;
export const schoolRegistry = createEventRegistry(schoolEventDefinitions);
export type SchoolEvent = EventsOf<typeof schoolEventDefinitions>;

export const schoolStreamId = (schoolId: string): string => `school-${schoolId}`;
