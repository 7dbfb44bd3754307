import {
  entitlementAsOf,
  runProjection,
  traineeEntitlement,
  traineeTimelineAsOf,
  welfareConcerns,
  welfareLog,
  type AsOf,
  type LocalDate,
  type RuleBook,
  type StoredEvent,
} from '@itt-ledger/core';
import type { Report, TimelineEntry } from '../output/model.js';
import { chartWeeks, entitlementTotals, flagRows } from './entitlementRows.js';
import { inDateOrder, ofTypes, schoolNames, shown, type LedgerEvent } from './events.js';
import { placementRows } from './placementRows.js';
import { progressRows } from './progressRows.js';

export interface TraineeReplayQuery {
  readonly traineeId: string;
  readonly asOf: AsOf;
  /** The day the domain judges "this week" and "overdue" on. */
  readonly today: LocalDate;
  /** Welfare notes are special category data: only for the welfare lead, and only when asked for. */
  readonly includeWelfare: boolean;
  readonly ruleBook: RuleBook;
}

export const WELFARE_WARNING = 'includes welfare notes: special category data, for the welfare lead only';

// Each row says what it is too: CSV carries neither the title nor the summary.
const welfareRows = (events: readonly LedgerEvent[], traineeId: string): TimelineEntry[] => {
  const log = welfareLog(runProjection(welfareConcerns, events as readonly StoredEvent<never>[]).get(traineeId), traineeId);
  const recorded = ofTypes(events, 'WelfareConcernRecorded');
  return [...log.open, ...log.closed].map((c) => {
    const support = c.supportOffered === undefined ? '' : `; support offered: ${shown(c.supportOffered)}`;
    const closed = c.closedOn === undefined ? '; open' : `; closed on ${c.closedOn}${c.closingNote === undefined ? '' : `: ${shown(c.closingNote)}`}`;
    const at = recorded.find((e) => e.data.concernId === c.concernId)?.recordedAt;
    return { date: c.notedOn, ...(at === undefined ? {} : { recordedAt: at }), kind: 'welfare concern (special category data)', text: `noted by ${c.notedBy}: ${shown(c.note)}${support}${closed}` };
  });
};

/**
 * One trainee's history as it stood: registration, placements and mentoring records (corrections beside
 * them), the domain's progress timeline, the weeks where the entitlement flag was raised, and the weekly
 * entitlement for the chart. `events` are those the clocks let through; the domain's as-of helpers are
 * given the same clocks, so the answer is what the projections said then.
 */
export const replayTrainee = (events: readonly LedgerEvent[], query: TraineeReplayQuery): Report => {
  const { traineeId, asOf, today } = query;
  const stored = events as readonly StoredEvent[];
  const entitlement = traineeEntitlement(entitlementAsOf(stored, asOf), traineeId, { today, ruleBook: query.ruleBook });
  const progress = traineeTimelineAsOf(stored, traineeId, asOf, today);
  const rows = [
    ...placementRows(events, traineeId, schoolNames(events)),
    ...progressRows(events, progress),
    ...(entitlement === undefined ? [] : flagRows(entitlement)),
    ...(query.includeWelfare ? welfareRows(events, traineeId) : []),
  ];
  // Rows of one day keep the order above: the events' own order within each part.
  const timeline = inDateOrder(rows);
  const registered = ofTypes(events, 'TraineeRegistered').find((e) => e.data.traineeId === traineeId);
  const name = registered === undefined ? undefined : shown(registered.data.name);
  const who = `Trainee ${traineeId}${name === undefined ? '' : ` (${name})`}`;
  return {
    title: `${who}: history${query.includeWelfare ? ` (${WELFARE_WARNING})` : ''}`,
    timeline,
    ...(entitlement === undefined ? {} : { weeks: chartWeeks(entitlement) }),
    summary: {
      'judged on': today,
      ...(timeline.length === 0 ? { recorded: 'nothing yet' } : {}),
      placements: entitlement?.placementIds.length ?? 0,
      ...(entitlement === undefined ? {} : entitlementTotals(entitlement)),
      'welfare notes': query.includeWelfare ? WELFARE_WARNING : 'not shown (for the welfare lead only)',
    },
  };
};
