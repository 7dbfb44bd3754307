import type { LocalDate } from '../calendar/localDate.js';

export interface RegisterMentor {
  readonly type: 'RegisterMentor';
  readonly mentorId: string;
  readonly schoolId: string;
  readonly providerId?: string;
  readonly name: string;
  readonly email?: string;
  readonly trn?: string;
}

/** Name, email or TRN as they should be; at least one. */
export interface CorrectMentorDetails {
  readonly type: 'CorrectMentorDetails';
  readonly name?: string;
  readonly email?: string;
  readonly trn?: string;
}

export interface MoveMentorToSchool {
  readonly type: 'MoveMentorToSchool';
  readonly schoolId: string;
  readonly effectiveFrom: LocalDate;
}

export type MentorCommand = RegisterMentor | CorrectMentorDetails | MoveMentorToSchool;
