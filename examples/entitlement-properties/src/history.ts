import {
  mentorsOn,
  placementEntitlement,
  replayEntitlement,
  standardRuleBook,
  type LocalDate,
  type Placement,
  type PlacementEntitlement,
  type PlacementEvent,
  type PlacementsDomainEvent,
  type RuleBook,
} from '@itt-ledger/core';
import { asStoredEvents, placementStateOf, type PlacementHistory } from '@itt-ledger/core/testing';

/** The placement of a generated history (each history has one), as its stream stands. */
export const placementOf = (history: PlacementHistory): Placement => placementStateOf(history.placementEvents).placement!;

/** A mentor meeting on `date`, held with a mentor of the placement that day. */
export const meetingOn = (placement: Placement, date: LocalDate, minutes: number, recordId: string): PlacementEvent => {
  const mentorId = mentorsOn(placement, date)[0]?.mentorId ?? placement.mentors[0]!.mentorId;
  const present = [{ role: 'trainee' as const }, { role: 'mentor' as const, personId: mentorId }];
  return { type: 'MentorMeetingRecorded', data: { placementId: placement.placementId, recordId, traineeId: placement.traineeId, mentorId, date, minutes, present, targetsDiscussed: [] } };
};

// Records go where a live placement takes them: before it completed or ended early, if it has.
const isEnding = (event: PlacementsDomainEvent) => event.type === 'PlacementCompleted' || event.type === 'PlacementEndedEarly';
const withRecords = (events: readonly PlacementsDomainEvent[], records: readonly PlacementEvent[]): PlacementsDomainEvent[] => {
  const end = events.findIndex(isEnding);
  return end < 0 ? [...events, ...records] : [...events.slice(0, end), ...records, ...events.slice(end)];
};

/**
 * The weekly table of a generated history as a provider's own code would get it: the events replayed into
 * the entitlement read model, then asked on the history's `today` under a rule book.
 */
export const entitlementOf = (history: PlacementHistory, options: { readonly ruleBook?: RuleBook; readonly records?: readonly PlacementEvent[] } = {}): PlacementEntitlement => {
  const { ruleBook = standardRuleBook, records = [] } = options;
  const model = replayEntitlement(asStoredEvents(withRecords(history.events, records)));
  return placementEntitlement(model, placementOf(history).placementId, { today: history.today, ruleBook })!;
};
