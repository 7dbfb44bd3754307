import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { ActionOrigin, MdrFramework, MdrStage } from './events.js';

export interface StartMentorDevelopmentReview {
  readonly type: 'StartMentorDevelopmentReview';
  readonly mentorId: string;
  readonly academicYear: AcademicYear;
  readonly providerId: string;
  readonly startedOn: LocalDate;
  readonly framework: MdrFramework;
}

export interface RecordSelfRatings {
  readonly type: 'RecordSelfRatings';
  readonly stage: MdrStage;
  readonly ratedOn: LocalDate;
  readonly ratings: readonly { readonly statementId: string; readonly level: number }[];
  readonly note?: string;
}

/** Left out, the area is the one the induction ratings suggest (the lowest rated). */
export interface ChoosePriorityArea {
  readonly type: 'ChoosePriorityArea';
  readonly areaId?: string;
  readonly chosenOn: LocalDate;
}

/** In the priority area unless `areaId` says otherwise; a suggested action's text is the suggestion's. */
export interface AddDevelopmentAction {
  readonly type: 'AddDevelopmentAction';
  readonly actionId: string;
  readonly areaId?: string;
  readonly origin: ActionOrigin;
  readonly suggestedActionId?: string;
  readonly text?: string;
  readonly addedOn: LocalDate;
  readonly dueBy?: LocalDate;
}

export interface CompleteDevelopmentAction {
  readonly type: 'CompleteDevelopmentAction';
  readonly actionId: string;
  readonly completedOn: LocalDate;
  readonly note?: string;
}

export interface RecordDevelopmentReflection {
  readonly type: 'RecordDevelopmentReflection';
  readonly leadMentorId: string;
  readonly reflectedOn: LocalDate;
  readonly reflection: string;
  readonly nextSteps?: string;
}

export interface CompleteMentorDevelopmentReview {
  readonly type: 'CompleteMentorDevelopmentReview';
  readonly completedOn: LocalDate;
  readonly documentRef?: string;
}

export type MentorDevelopmentReviewCommand =
  | StartMentorDevelopmentReview
  | RecordSelfRatings
  | ChoosePriorityArea
  | AddDevelopmentAction
  | CompleteDevelopmentAction
  | RecordDevelopmentReflection
  | CompleteMentorDevelopmentReview;
