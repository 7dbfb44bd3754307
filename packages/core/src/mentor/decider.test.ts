import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { deciderSpec } from '../testing/givenWhenThen.js';
import type { RegisterMentor } from './commands.js';
import { mentorDecider } from './decider.js';
import { mentorRegistry, type MentorEvent } from './events.js';

const spec = deciderSpec(mentorDecider);
const register: RegisterMentor = { type: 'RegisterMentor', mentorId: 'm1', schoolId: 's1', providerId: 'p1', name: 'Asha Patel' };
const registered: MentorEvent = { type: 'MentorRegistered', data: { mentorId: 'm1', schoolId: 's1', providerId: 'p1', name: 'Asha Patel' } };

describe('mentor decider', () => {
  it('registers a mentor once, leaving out fields not given', () => {
    const state = spec.given().when({ ...register, email: undefined as unknown as string }).then([registered]);
    expect(state).toMatchObject({ status: 'registered', schoolId: 's1', details: { name: 'Asha Patel' } });
    spec.given([registered]).when(register).thenThrows(CommandRejectedError, { reason: 'mentor.already-registered', field: 'mentorId' });
  });

  it('refuses bad details, naming the field', () => {
    spec.given().when({ ...register, name: '' }).thenThrows(CommandRejectedError, { reason: 'mentor.invalid', field: 'name' });
    spec.given().when({ ...register, email: 'not-an-email' }).thenThrows(CommandRejectedError, { reason: 'mentor.invalid', field: 'email' });
    spec.given().when({ ...register, trn: '12345' }).thenThrows(CommandRejectedError, { reason: 'mentor.invalid', field: 'trn' });
    spec.given().when({ ...register, schoolId: '' }).thenThrows(CommandRejectedError, { reason: 'mentor.invalid', field: 'schoolId' });
  });

  it('corrects details with a new event, only what changed', () => {
    spec
      .given([registered])
      .when({ type: 'CorrectMentorDetails', name: 'Asha Patel', email: 'asha@school.example' })
      .then([{ type: 'MentorDetailsCorrected', data: { mentorId: 'm1', email: 'asha@school.example' } }]);
    spec.given([registered]).when({ type: 'CorrectMentorDetails', name: 'Asha Patel' }).thenNothingHappens();
    spec.given([registered]).when({ type: 'CorrectMentorDetails' }).thenThrows(CommandRejectedError, { reason: 'mentor.nothing-to-correct' });
    spec.given().when({ type: 'CorrectMentorDetails', name: 'A' }).thenThrows(CommandRejectedError, { reason: 'mentor.not-registered' });
    spec.given([registered]).when({ type: 'CorrectMentorDetails', trn: 'x' }).thenThrows(CommandRejectedError, { reason: 'mentor.invalid', field: 'trn' });
  });

  it('moves a mentor to another school, in date order', () => {
    const moved: MentorEvent = { type: 'MentorMovedSchool', data: { mentorId: 'm1', schoolId: 's2', previousSchoolId: 's1', effectiveFrom: '2025-01-06' } };
    const state = spec.given([registered]).when({ type: 'MoveMentorToSchool', schoolId: 's2', effectiveFrom: '2025-01-06' }).then([moved]);
    expect(state).toMatchObject({ schoolId: 's2', movedOn: '2025-01-06' });
    spec.given([registered, moved]).when({ type: 'MoveMentorToSchool', schoolId: 's2', effectiveFrom: '2025-02-01' }).thenNothingHappens();
    spec
      .given([registered, moved])
      .when({ type: 'MoveMentorToSchool', schoolId: 's1', effectiveFrom: '2024-12-01' })
      .thenThrows(CommandRejectedError, { reason: 'mentor.move-out-of-order', field: 'effectiveFrom' });
    spec.given([registered]).when({ type: 'MoveMentorToSchool', schoolId: 's2', effectiveFrom: '2025-13-01' }).thenThrows(CommandRejectedError, { field: 'effectiveFrom' });
    spec.given().when({ type: 'MoveMentorToSchool', schoolId: 's2', effectiveFrom: '2025-01-06' }).thenThrows(CommandRejectedError, { reason: 'mentor.not-registered' });
  });

  it('marks the name, email and TRN as the mentor\u2019s personal data', () => {
    expect(mentorRegistry.personalData('MentorRegistered').map((field) => field.path.join('.'))).toEqual(['name', 'email', 'trn']);
    expect(mentorRegistry.personalData('MentorRegistered').every((field) => field.subjectField === 'mentorId')).toBe(true);
  });
});
