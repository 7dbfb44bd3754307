import { describe, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { PublishSchoolCalendar, RegisterSchool } from './commands.js';
import { schoolDecider } from './decider.js';
import type { SchoolEvent } from './events.js';

const spec = deciderSpec(schoolDecider);
const register: RegisterSchool = { type: 'RegisterSchool', schoolId: 's1', providerId: 'prov', name: 'Oak Primary', phase: 'primary', region: 'fringe', setting: 'urban' };
const registered: SchoolEvent = { type: 'SchoolRegistered', data: { schoolId: 's1', providerId: 'prov', name: 'Oak Primary', phase: 'primary', region: 'fringe', setting: 'urban' } };
const terms = [
  { from: '2024-09-04', to: '2024-10-25' },
  { from: '2024-11-04', to: '2024-12-20' },
];
const closures = [{ from: '2024-11-04', to: '2024-11-04', reason: 'INSET day' }];
const publish: PublishSchoolCalendar = { type: 'PublishSchoolCalendar', schoolId: 's1', academicYear: '2024/25', terms, closures };
const published: SchoolEvent = { type: 'SchoolCalendarPublished', data: { schoolId: 's1', academicYear: '2024/25', terms, closures } };
const rejected = (reason: string, field: string) => [CommandRejectedError, { reason, field }] as const;

describe('school decider', () => {
  it('registers a school once', () => {
    spec.given().when(register).then([registered]);
    spec.given([registered]).when(register).thenThrows(...rejected('school.already-registered', 'schoolId'));
  });

  it('refuses bad input, naming the field', () => {
    spec.given().when({ ...register, name: '' }).thenThrows(...rejected('school.invalid', 'name'));
    spec.given().when({ ...register, region: 'mars' as never }).thenThrows(...rejected('school.invalid', 'region'));
  });

  it('publishes a calendar, supersedes it with another, and ignores the same one again', () => {
    spec.given([registered]).when(publish).then([published]);
    spec.given([registered, published]).when(publish).thenNothingHappens();
    const later = { ...publish, closures: [] };
    spec.given([registered, published]).when(later).then([{ type: 'SchoolCalendarPublished', data: { ...published.data, closures: [] } }]);
  });

  it('refuses a calendar for a school not registered, or for another school', () => {
    spec.given().when(publish).thenThrows(...rejected('school.not-registered', 'schoolId'));
    spec.given([registered]).when({ ...publish, schoolId: 's2' }).thenThrows(...rejected('school.wrong-school', 'schoolId'));
  });

  it('refuses a calendar that cannot be the year’s', () => {
    const given = spec.given([registered]);
    given.when({ ...publish, terms: [{ from: '2024-08-20', to: '2024-10-25' }] }).thenThrows(...rejected('calendar.term-outside-year', 'terms[0]'));
    given.when({ ...publish, terms: [terms[1]!, terms[0]!] }).thenThrows(...rejected('calendar.terms-overlap', 'terms[1]'));
    given.when({ ...publish, closures: [{ from: '2024-10-30', to: '2024-10-30', reason: 'half term?' }] }).thenThrows(...rejected('calendar.closure-outside-term', 'closures[0]'));
    given.when({ ...publish, terms: [{ from: '2024-10-25', to: '2024-09-04' }] }).thenThrows(...rejected('calendar.invalid', 'terms[0].to'));
    given.when({ ...publish, terms: [] }).thenThrows(...rejected('calendar.invalid', 'terms'));
    given.when({ ...publish, academicYear: '2024/26' }).thenThrows(...rejected('calendar.invalid', 'academicYear'));
  });
});
