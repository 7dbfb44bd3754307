import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { PriorLearningKind, TrainingMode, TrainingPurpose } from './events.js';

export interface RecordMentorTrainingSession {
  readonly type: 'RecordMentorTrainingSession';
  readonly sessionId: string;
  readonly mentorId: string;
  readonly providerId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly mode: TrainingMode;
  /** The year of mentoring it is for; defaults to the year of `date`. */
  readonly academicYear?: AcademicYear;
  /**
   * Left out, it follows the record: `refresher` once the mentor has trained with this provider in an
   * earlier year. Give `refresher` for a mentor whose earlier training predates this record.
   */
  readonly purpose?: TrainingPurpose;
  readonly title?: string;
}

export interface CorrectMentorTrainingSession {
  readonly type: 'CorrectMentorTrainingSession';
  readonly sessionId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly mode: TrainingMode;
  readonly reason: string;
}

export interface WithdrawMentorTrainingSession {
  readonly type: 'WithdrawMentorTrainingSession';
  readonly sessionId: string;
  readonly reason: string;
}

export interface RecognisePriorLearning {
  readonly type: 'RecognisePriorLearning';
  readonly recognitionId: string;
  readonly mentorId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly kind: PriorLearningKind;
  readonly description?: string;
  readonly minutes: number;
  readonly recognisedBy: string;
  readonly recognisedOn: LocalDate;
}

export interface WithdrawPriorLearning {
  readonly type: 'WithdrawPriorLearning';
  readonly recognitionId: string;
  readonly reason: string;
}

export type MentorTrainingCommand =
  | RecordMentorTrainingSession
  | CorrectMentorTrainingSession
  | WithdrawMentorTrainingSession
  | RecognisePriorLearning
  | WithdrawPriorLearning;
