import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { RecognitionKind } from './events.js';

export interface AllocateProtectedTime {
  readonly type: 'AllocateProtectedTime';
  readonly mentorId: string;
  readonly schoolId: string;
  readonly academicYear: AcademicYear;
  readonly minutesPerWeek: number;
  readonly effectiveFrom: LocalDate;
}

export interface RecordProtectedTimeUse {
  readonly type: 'RecordProtectedTimeUse';
  readonly mentorId: string;
  readonly weekOf: LocalDate;
  readonly minutesUsed: number;
  readonly minutesFromPpa?: number;
}

export interface AwardRecognition {
  readonly type: 'AwardRecognition';
  readonly recognitionId: string;
  readonly mentorId: string;
  readonly kind: RecognitionKind;
  readonly title: string;
  readonly awardedOn: LocalDate;
  readonly awardedBy: string;
  readonly academicYear?: AcademicYear;
  readonly accreditedMinutes?: number;
}

export interface RevokeRecognition {
  readonly type: 'RevokeRecognition';
  readonly recognitionId: string;
  readonly reason: string;
}

export type MentorSupportCommand = AllocateProtectedTime | RecordProtectedTimeUse | AwardRecognition | RevokeRecognition;
