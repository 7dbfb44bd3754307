import type { AcademicYear } from '../calendar/academicYear.js';
import type { Region } from '../rules/ruleSet.js';
import type { Closure, Term } from './calendar.js';
import type { SchoolPhase, SchoolSetting } from './events.js';

export interface RegisterSchool {
  readonly type: 'RegisterSchool';
  readonly schoolId: string;
  readonly providerId: string;
  readonly name: string;
  readonly urn?: string | undefined;
  readonly phase: SchoolPhase;
  readonly region: Region;
  readonly setting?: SchoolSetting | undefined;
}

/** Publishes (or republishes, superseding) a school's terms and closures for a year. */
export interface PublishSchoolCalendar {
  readonly type: 'PublishSchoolCalendar';
  readonly schoolId: string;
  readonly academicYear: AcademicYear;
  readonly terms: readonly Term[];
  readonly closures: readonly Closure[];
}

export type SchoolCommand = RegisterSchool | PublishSchoolCalendar;
