import type { LocalDate } from '../calendar/localDate.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import type { QaAnswers } from './events.js';

export interface RecordJointObservation {
  readonly type: 'RecordJointObservation';
  readonly observationId: string;
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
  readonly leadMentorId: string;
  readonly mentorId: string;
  readonly date: LocalDate;
  readonly focus: string;
  readonly feedbackForTrainee: string;
  readonly feedbackForMentor: string;
  /** The review point it is done for, as its stream stands (see `leadMentorQaService`). */
  readonly reviewPoint?: ReviewPointFacts;
}

export interface WithdrawJointObservation {
  readonly type: 'WithdrawJointObservation';
  readonly observationId: string;
  readonly reason: string;
}

export interface CompleteLeadMentorQaForm {
  readonly type: 'CompleteLeadMentorQaForm';
  /** The held review point the form is for, as its stream stands. */
  readonly reviewPoint: ReviewPointFacts;
  readonly leadMentorId: string;
  readonly completedOn: LocalDate;
  readonly answers: QaAnswers;
  readonly nextStepsForMentor?: string;
}

export interface AmendLeadMentorQaForm {
  readonly type: 'AmendLeadMentorQaForm';
  readonly reviewPointId: string;
  readonly amendedOn: LocalDate;
  readonly answers: QaAnswers;
  readonly nextStepsForMentor?: string;
  readonly reason: string;
}

export type LeadMentorQaCommand = RecordJointObservation | WithdrawJointObservation | CompleteLeadMentorQaForm | AmendLeadMentorQaForm;
