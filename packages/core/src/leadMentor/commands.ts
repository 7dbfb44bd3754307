import type { LocalDate } from '../calendar/localDate.js';
import type { CheckInMode, CheckInSubject, SupervisionKind } from './events.js';

export interface AppointLeadMentor {
  readonly type: 'AppointLeadMentor';
  readonly leadMentorId: string;
  readonly providerId: string;
  readonly appointedOn: LocalDate;
}

export interface EndLeadMentorAppointment {
  readonly type: 'EndLeadMentorAppointment';
  readonly endedOn: LocalDate;
  readonly reason: string;
}

export interface AssignSchoolToLeadMentor {
  readonly type: 'AssignSchoolToLeadMentor';
  readonly schoolId: string;
  readonly from: LocalDate;
}

export interface ReleaseSchoolFromLeadMentor {
  readonly type: 'ReleaseSchoolFromLeadMentor';
  readonly schoolId: string;
  readonly releasedOn: LocalDate;
}

export interface RecordCheckIn {
  readonly type: 'RecordCheckIn';
  readonly checkInId: string;
  readonly schoolId: string;
  readonly subject: CheckInSubject;
  readonly subjectId: string;
  readonly date: LocalDate;
  readonly mode: CheckInMode;
  readonly note?: string;
}

export interface WithdrawCheckIn {
  readonly type: 'WithdrawCheckIn';
  readonly checkInId: string;
  readonly reason: string;
}

export interface RecordSupervision {
  readonly type: 'RecordSupervision';
  readonly supervisionId: string;
  readonly kind: SupervisionKind;
  readonly mentorIds: readonly string[];
  readonly schoolId?: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly focus: string;
}

export type LeadMentorCommand =
  | AppointLeadMentor
  | EndLeadMentorAppointment
  | AssignSchoolToLeadMentor
  | ReleaseSchoolFromLeadMentor
  | RecordCheckIn
  | WithdrawCheckIn
  | RecordSupervision;
