import type { IttLedgerEventType, PlanRecord, TraineeTimeline, VerdictRecord } from '@itt-ledger/core';
import type { TimelineEntry } from '../output/model.js';
import { dayOf, ofTypes, type LedgerEvent, type LedgerEventOf } from './events.js';
import { words } from './options.js';

type Entry = TraineeTimeline['entries'][number];

const verdicts = (reviews: readonly VerdictRecord[]): string =>
  reviews.map((r) => `; ${words(r.verdict)} on ${r.reviewedOn}${r.nextDueDate === undefined ? '' : ` (now due ${r.nextDueDate})`}`).join('');

const outcomeText = (outcome: string, concerns: readonly string[]): string => `${words(outcome)}${concerns.length === 0 ? '' : ` (concerns: ${concerns.join(', ')})`}`;

const optional = (texts: readonly string[]): { correction?: string } => (texts.length === 0 ? {} : { correction: texts.join('; ') });

/**
 * The domain's progress timeline for one trainee (`traineeTimelineAsOf`: review points, targets and their
 * fate, joint observations, recovery plans) as timeline rows. Statuses ("held late", "OVERDUE", a plan's next
 * review) are the domain's; the events of the trainee's streams add when each was recorded and, beside the
 * entry, the corrections and withdrawals that changed it.
 */
export const progressRows = (events: readonly LedgerEvent[], timeline: TraineeTimeline): TimelineEntry[] => {
  const mine = events.filter((event) => (event.data as { traineeId?: unknown }).traineeId === timeline.traineeId);
  const all = <T extends IttLedgerEventType>(type: T, match: (event: LedgerEventOf<T>) => boolean) => ofTypes(mine, type).filter(match);
  const first = <T extends IttLedgerEventType>(type: T, match: (event: LedgerEventOf<T>) => boolean) => all(type, match)[0];
  const at = (event: LedgerEvent | undefined) => (event === undefined ? {} : { recordedAt: event.recordedAt });

  const reviewPoint = (entry: Extract<Entry, { kind: 'review_point' }>): TimelineEntry => {
    const r = entry.reviewPoint;
    const id = (event: { data: { reviewPointId: string } }) => event.data.reviewPointId === r.reviewPointId;
    const held = first('ReviewPointHeld', id);
    const source = held ?? first('ReviewPointMissed', id) ?? first('ReviewPointScheduled', id);
    const status = entry.status === 'overdue' ? 'OVERDUE' : words(entry.status);
    const outcome = held === undefined ? '' : `, ${outcomeText(held.data.outcome, held.data.areasOfConcern)}`;
    const lead = r.heldOn === undefined ? '' : r.leadMentorJoined ? '; lead mentor joined' : r.leadMentorRequired ? '; lead mentor required but absent' : '';
    const missed = r.missed === undefined ? '' : ` (${words(r.missed.reason)})`;
    const moved = all('ReviewPointRescheduled', id).map((e) => `; rescheduled ${e.data.previousDueDate} → ${e.data.dueDate}: ${e.data.reason}`);
    return {
      date: entry.date,
      ...at(source),
      kind: 'review point',
      text: `${r.stage} (due ${r.dueDate}): ${status}${outcome}${missed}${lead}${moved.join('')}`,
      ...optional(all('ReviewPointOutcomeCorrected', id).map((e) => `outcome corrected to ${outcomeText(e.data.outcome, e.data.areasOfConcern)} on ${dayOf(e.recordedAt)}: ${e.data.reason}`)),
    };
  };

  const target = (entry: Extract<Entry, { kind: 'target' }>): TimelineEntry => {
    const t = entry.target;
    const id = (event: { data: { targetId: string } }) => event.data.targetId === t.targetId;
    const status = entry.status === 'overdue' ? 'OVERDUE' : words(entry.status);
    return {
      date: entry.date,
      ...at(first('TargetSet', id)),
      kind: 'target',
      text: `${t.targetId} [${t.area}] ${t.description}, due ${t.dueDate}: ${status}${verdicts(t.reviews)}`,
      ...optional(all('TargetWithdrawn', id).map((e) => `withdrawn on ${dayOf(e.recordedAt)}: ${e.data.reason}`)),
    };
  };

  const observation = (event: LedgerEventOf<'JointObservationRecorded'>, withdrawals: readonly LedgerEventOf<'JointObservationWithdrawn'>[]): TimelineEntry => {
    const o = event.data;
    return {
      date: o.date,
      recordedAt: event.recordedAt,
      kind: 'joint observation',
      text: `by ${o.leadMentorId} and ${o.mentorId}, focus: ${o.focus}${o.reviewPointId === undefined ? '' : ` (for ${o.reviewPointId})`}`,
      ...optional(withdrawals.map((e) => `withdrawn on ${dayOf(e.recordedAt)}: ${e.data.reason}`)),
    };
  };

  const plan = (entry: Extract<Entry, { kind: 'irp' }>): TimelineEntry[] => {
    const p: PlanRecord = entry.plan;
    const id = (event: { data: { irpId: string } }) => event.data.irpId === p.irpId;
    const open = p.status === 'open' ? `; open, next review ${entry.nextReviewDue ?? 'not scheduled'}${entry.reviewOverdue ? ' (OVERDUE)' : ''}` : '';
    const opened = first('IndividualRecoveryPlanOpened', id);
    return [
      {
        date: p.openedOn,
        ...at(opened),
        kind: 'IRP opened',
        text: `${p.irpId} agreed with ${p.agreedWith}, owner ${p.ownerId}${p.reviewPointId === undefined ? '' : `, from ${p.reviewPointId}`}: concerns ${p.concerns.join(', ')}${open}`,
      },
      ...p.supportActions.map((a) => ({ date: p.openedOn, ...at(opened), kind: 'IRP support', text: `${a.description} (${a.providedBy})` })),
      ...p.targets.map((t) => ({
        date: t.addedOn,
        ...at(p.openedOn === t.addedOn ? opened : first('IndividualRecoveryPlanReviewed', (e) => id(e) && e.data.reviewedOn === t.addedOn)),
        kind: 'IRP target',
        text: `${t.targetId} [${t.area}] ${t.description}, due ${t.dueDate}: ${words(t.status)}${verdicts(t.reviews)}`,
      })),
      ...p.reviews.map((r) => ({
        date: r.reviewedOn,
        ...at(first('IndividualRecoveryPlanReviewed', (e) => id(e) && e.data.reviewedOn === r.reviewedOn)),
        kind: 'IRP reviewed',
        text: `${p.irpId} by ${r.reviewedBy}`,
      })),
      ...p.extensions.map((x) => ({
        date: x.extendedOn,
        ...at(first('IndividualRecoveryPlanExtended', (e) => id(e) && e.data.extendedOn === x.extendedOn)),
        kind: 'IRP extended',
        text: `${p.irpId}: ${x.reason}`,
      })),
      ...(p.closedOn === undefined
        ? []
        : [{ date: p.closedOn, ...at(first('IndividualRecoveryPlanClosed', id)), kind: 'IRP closed', text: `${p.irpId}: ${words(p.status)}${p.escalatedTo === undefined ? '' : ` to ${words(p.escalatedTo)}`}` }]),
    ];
  };

  const rows = timeline.entries.flatMap((entry): TimelineEntry[] => {
    switch (entry.kind) {
      case 'review_point':
        return [reviewPoint(entry)];
      case 'target':
        return [target(entry)];
      case 'joint_observation': {
        const recorded = first('JointObservationRecorded', (e) => e.data.observationId === entry.observation.observationId);
        return recorded === undefined ? [] : [observation(recorded, [])];
      }
      case 'irp':
        return plan(entry);
    }
  });
  // The domain's timeline leaves withdrawn observations out; an auditor sees them, with their withdrawal beside.
  for (const observationId of new Set(ofTypes(mine, 'JointObservationWithdrawn').map((e) => e.data.observationId))) {
    const recorded = first('JointObservationRecorded', (e) => e.data.observationId === observationId);
    if (recorded !== undefined) rows.push(observation(recorded, all('JointObservationWithdrawn', (e) => e.data.observationId === observationId)));
  }
  return rows;
};
