import { localDateOf, type LocalDate, type StoredEvent } from '@itt-ledger/core';

type Data = Readonly<Record<string, unknown>>;
const dataOf = (event: StoredEvent): Data => event.data as Data;

// The fields that name a person in an event's data: a trainee, a mentor in one of their roles.
const PERSON_FIELDS = ['traineeId', 'mentorId', 'leadMentorId', 'jobShareMentorId', 'previousMentorId', 'subjectId'] as const;

/** Whether an event names one of `ids` (or one of their placements): what an auditor reads about a person. */
export const concerns = (ids: ReadonlySet<string>, placementIds: ReadonlySet<string> = new Set()) => (event: StoredEvent): boolean => {
  const data = dataOf(event);
  if (PERSON_FIELDS.some((field) => ids.has(data[field] as string))) return true;
  if (Array.isArray(data.mentorIds) && data.mentorIds.some((id) => ids.has(id as string))) return true;
  return typeof data.placementId === 'string' && placementIds.has(data.placementId);
};

/**
 * The placements a person is on: as the trainee, or as a mentor (arranged with them, or changed to them).
 * A correction names only the placement and the record, so this is how it reaches the mentor's view.
 */
export const placementsOf = (events: readonly StoredEvent[], personId: string): Set<string> => {
  const on = (event: StoredEvent) =>
    (event.type === 'PlacementArranged' || event.type === 'PlacementMentorChanged') && PERSON_FIELDS.some((field) => field !== 'previousMentorId' && dataOf(event)[field] === personId);
  return new Set(events.flatMap((event) => (on(event) ? [dataOf(event).placementId as string] : [])));
};

/** Whether an event is about the person or one of their placements. */
export const about = (events: readonly StoredEvent[], personId: string): ((event: StoredEvent) => boolean) => concerns(new Set([personId]), placementsOf(events, personId));

/** Entered on a later day than it happened: what "known at" and "happened by" disagree about. */
export const enteredLate = (event: StoredEvent): boolean => localDateOf(event.recordedAt) > localDateOf(event.occurredAt);

const KEY_FIELDS = ['recordId', 'sessionId', 'recognitionId', 'targetId', 'irpId', 'observationId', 'reviewPointId', 'checkInId', 'concernId', 'placementId'] as const;

/** `MentorMeetingRecorded eve-2024-10-02`: an event's type and the id of what it is about. */
export const eventLabel = (event: StoredEvent): string => {
  const data = dataOf(event);
  const key = KEY_FIELDS.find((field) => typeof data[field] === 'string');
  return key === undefined ? event.type : `${event.type} ${String(data[key])}`;
};

/** A correction is a new event; these are the ones that change or withdraw an earlier record. */
export const isCorrection = (event: StoredEvent): boolean => /(Corrected|Withdrawn|Amended)$/.test(event.type);

/** `happened 2024-10-02, entered 2024-10-09` */
export const clocksOf = (event: StoredEvent): string => `happened ${localDateOf(event.occurredAt)}, entered ${localDateOf(event.recordedAt)}`;

/** The trainee with an Individual Recovery Plan: the first one opened. */
export const traineeWithPlan = (events: readonly StoredEvent[]): string | undefined => {
  const opened = events.find((event) => event.type === 'IndividualRecoveryPlanOpened');
  return opened === undefined ? undefined : (dataOf(opened).traineeId as string);
};

/** The days a plan of the trainee opened and closed, by when it happened. */
export const planDays = (events: readonly StoredEvent[], traineeId: string): LocalDate[] =>
  events
    .filter((event) => (event.type === 'IndividualRecoveryPlanOpened' || event.type === 'IndividualRecoveryPlanClosed') && dataOf(event).traineeId === traineeId)
    .map((event) => localDateOf(event.occurredAt));

/** The mentor named on the first mentoring record entered late, if any. */
export const mentorOfLateRecord = (events: readonly StoredEvent[]): string | undefined => {
  const late = events.find((event) => (event.type === 'MentorMeetingRecorded' || event.type === 'MentoringContactRecorded') && enteredLate(event));
  return late === undefined ? undefined : (dataOf(late).mentorId as string);
};

/** The mentor a trainee's first placement was arranged with. */
export const mentorOfTrainee = (events: readonly StoredEvent[], traineeId: string): string | undefined => {
  const arranged = events.find((event) => event.type === 'PlacementArranged' && dataOf(event).traineeId === traineeId);
  return arranged === undefined ? undefined : (dataOf(arranged).mentorId as string);
};
