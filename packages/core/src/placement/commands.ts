import type { AcademicYear } from '../calendar/academicYear.js';
import type { LocalDate } from '../calendar/localDate.js';
import type { TermCalendar } from '../school/calendar.js';
import type { AttendeeRole, ContactKind, EarlyEndReason, MentorChangeReason, PauseReason } from './events.js';

/** Another placement of the same trainee, as the placement service read it from its stream. */
export interface OtherPlacement {
  readonly placementId: string;
  readonly startDate: LocalDate;
  readonly lastDay: LocalDate;
}

/**
 * What arranging a placement needs from other aggregates; `placementCommands` reads it with
 * `aggregateStream` and passes it in, so the decision itself stays pure.
 */
export interface ArrangementContext {
  /** The trainee as registered, or null when no such trainee is registered. */
  readonly trainee: { readonly providerId: string } | null;
  readonly schoolRegistered: boolean;
  readonly traineePlacements: readonly OtherPlacement[];
}

export interface ArrangePlacement {
  readonly type: 'ArrangePlacement';
  readonly placementId: string;
  readonly traineeId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly mentorId: string;
  readonly jobShareMentorId?: string | undefined;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate;
  readonly calendar?: TermCalendar | undefined;
  readonly context: ArrangementContext;
}

export interface ChangePlacementMentor {
  readonly type: 'ChangePlacementMentor';
  readonly placementId: string;
  readonly mentorId: string;
  readonly previousMentorId: string;
  readonly effectiveFrom: LocalDate;
  readonly reason: MentorChangeReason;
}

export interface ExtendPlacement {
  readonly type: 'ExtendPlacement';
  readonly placementId: string;
  readonly endDate: LocalDate;
  readonly reason: string;
  readonly context: { readonly traineePlacements: readonly OtherPlacement[] };
}

export interface PausePlacement {
  readonly type: 'PausePlacement';
  readonly placementId: string;
  readonly pausedFrom: LocalDate;
  readonly reason: PauseReason;
}

export interface ResumePlacement {
  readonly type: 'ResumePlacement';
  readonly placementId: string;
  readonly resumedOn: LocalDate;
}

export interface EndPlacementEarly {
  readonly type: 'EndPlacementEarly';
  readonly placementId: string;
  readonly lastDay: LocalDate;
  readonly reason: EarlyEndReason;
}

export interface CompletePlacement {
  readonly type: 'CompletePlacement';
  readonly placementId: string;
  readonly completedOn: LocalDate;
}

export interface RecordMentorMeeting {
  readonly type: 'RecordMentorMeeting';
  readonly placementId: string;
  readonly recordId: string;
  readonly mentorId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly present: readonly { readonly role: AttendeeRole; readonly personId?: string | undefined }[];
  readonly targetsDiscussed: readonly string[];
  readonly reflection?: string | undefined;
}

export interface RecordMentoringContact {
  readonly type: 'RecordMentoringContact';
  readonly placementId: string;
  readonly recordId: string;
  readonly mentorId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly kind: ContactKind;
  readonly note?: string | undefined;
}

export interface CorrectMentoringRecord {
  readonly type: 'CorrectMentoringRecord';
  readonly placementId: string;
  readonly recordId: string;
  readonly date: LocalDate;
  readonly minutes: number;
  readonly reason: string;
}

export interface WithdrawMentoringRecord {
  readonly type: 'WithdrawMentoringRecord';
  readonly placementId: string;
  readonly recordId: string;
  readonly reason: string;
}

export type PlacementLifecycleCommand =
  | ArrangePlacement
  | ChangePlacementMentor
  | ExtendPlacement
  | PausePlacement
  | ResumePlacement
  | EndPlacementEarly
  | CompletePlacement;

export type MentoringRecordCommand = RecordMentorMeeting | RecordMentoringContact | CorrectMentoringRecord | WithdrawMentoringRecord;

export type PlacementCommand = PlacementLifecycleCommand | MentoringRecordCommand;
