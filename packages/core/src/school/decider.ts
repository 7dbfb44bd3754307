import { isDeepStrictEqual } from 'node:util';
import { match } from 'ts-pattern';
import type { AcademicYear } from '../calendar/academicYear.js';
import { evolveWith, type Decider, type EventHandlers } from '../kernel/decider.js';
import { checkCalendar, type TermCalendar } from './calendar.js';
import { parseInput, refuse } from './commandInput.js';
import type { SchoolCommand } from './commands.js';
import { schoolCalendarPublishedSchema, schoolRegisteredSchema, type SchoolEvent } from './events.js';
import { schoolCommandSchema } from './commandSchema.js';

export interface SchoolState {
  readonly schoolId?: string;
  readonly providerId?: string;
  /** The calendar in force for each year: the latest published. */
  readonly calendars: ReadonlyMap<AcademicYear, TermCalendar>;
}

export const initialSchoolState: SchoolState = { calendars: new Map() };

const registeredId = (state: SchoolState, schoolId: string): string => {
  if (state.schoolId === undefined) return refuse('school.not-registered', 'schoolId', `school ${schoolId} is not registered`);
  if (state.schoolId !== schoolId) return refuse('school.wrong-school', 'schoolId', `this stream is school ${state.schoolId}, not ${schoolId}`);
  return state.schoolId;
};

export const schoolHandlers: EventHandlers<SchoolEvent, SchoolState> = {
  SchoolRegistered: (state, { data }) => ({ ...state, schoolId: data.schoolId, providerId: data.providerId }),
  SchoolCalendarPublished: (state, { data }) => ({
    ...state,
    calendars: new Map(state.calendars).set(data.academicYear, { terms: data.terms, closures: data.closures }),
  }),
};

export const schoolDecider: Decider<SchoolCommand, SchoolEvent, SchoolState> = {
  initialState: initialSchoolState,
  commandSchema: schoolCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RegisterSchool' }, ({ type: _, ...input }): SchoolEvent[] => {
        const data = parseInput(schoolRegisteredSchema, input, 'school.invalid');
        if (state.schoolId !== undefined) refuse('school.already-registered', 'schoolId', `school ${state.schoolId} is already registered`);
        return [{ type: 'SchoolRegistered', data }];
      })
      .with({ type: 'PublishSchoolCalendar' }, ({ type: _, ...input }): SchoolEvent[] => {
        const data = parseInput(schoolCalendarPublishedSchema, input, 'calendar.invalid');
        registeredId(state, data.schoolId);
        checkCalendar(data, data.academicYear);
        // Republishing the calendar in force changes nothing.
        const current = state.calendars.get(data.academicYear);
        if (current && isDeepStrictEqual({ terms: current.terms, closures: current.closures }, { terms: data.terms, closures: data.closures })) return [];
        return [{ type: 'SchoolCalendarPublished', data }];
      })
      .exhaustive(),
  evolve: evolveWith(schoolHandlers),
};
