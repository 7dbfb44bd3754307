import {
  behindThisWeek,
  entitlementAsOf,
  eventsAsOf,
  runProjection,
  traineeEntitlement,
  traineeTimelineAsOf,
  trainingCompliance,
  trainingComplianceProjection,
  type AsOf,
  type EntitlementSummary,
  type LocalDate,
  type StoredEvent,
  type TimelineEntry,
} from '@itt-ledger/core';

/** One line per aspect of a subject, as the events that satisfy one `AsOf` show it on `today`. */
export type View = readonly (readonly [aspect: string, text: string])[];

const words = (value: string) => value.replaceAll('_', ' ');

const entitlementText = (summary: EntitlementSummary | undefined): string => {
  if (summary === undefined) return 'not known';
  const flag = summary.flag ? `; ACTION since ${summary.flag.since}` : '';
  return `met ${summary.weeksMet}, short ${summary.weeksShort}; shortfall ${summary.cumulativeShortfallMinutes} min${flag}`;
};

const thisWeekText = (summary: EntitlementSummary | undefined): string => {
  const week = summary?.thisWeek;
  if (week === undefined) return '-';
  return week.exempt ? `exempt (${words(week.exempt)}), ${week.receivedMinutes} min` : `${week.receivedMinutes} of ${week.entitledMinutes} min`;
};

const reviewPointText = (entry: Extract<TimelineEntry, { kind: 'review_point' }>): string => {
  const r = entry.reviewPoint;
  return `${r.stage} ${words(entry.status)}${r.outcome === undefined ? '' : ` (${words(r.outcome)})`}`;
};

const planText = (entry: Extract<TimelineEntry, { kind: 'irp' }>): string => {
  const { plan } = entry;
  if (plan.status !== 'open') return `${plan.irpId} closed on ${plan.closedOn ?? '?'}: ${words(plan.status)}`;
  return `${plan.irpId} open; next review ${entry.nextReviewDue ?? 'not set'}${entry.reviewOverdue ? ' (overdue)' : ''}`;
};

/**
 * A trainee as the domain's as-of reads give them: the weekly entitlement (`entitlementAsOf`, then
 * `traineeEntitlement`) and the progress timeline (`traineeTimelineAsOf`), both judged on `today`.
 */
export const traineeView = (events: readonly StoredEvent[], traineeId: string, asOf: AsOf, today: LocalDate): View => {
  const entitlement = traineeEntitlement(entitlementAsOf(events, asOf), traineeId, { today });
  const { entries } = traineeTimelineAsOf(events, traineeId, asOf, today);
  const reviewPoints = entries.flatMap((entry) => (entry.kind === 'review_point' ? [reviewPointText(entry)] : []));
  const plans = entries.flatMap((entry) => (entry.kind === 'irp' ? [planText(entry)] : []));
  const targets = entries.flatMap((entry) => (entry.kind === 'target' ? [`${entry.target.targetId} ${words(entry.status)}`] : []));
  return [
    ['entitlement', entitlementText(entitlement)],
    ['this week', thisWeekText(entitlement)],
    ['review points', reviewPoints.join('; ') || 'none'],
    ['targets', targets.join('; ') || 'none'],
    ['recovery plan', plans.join('; ') || 'none'],
  ];
};

/**
 * A mentor: their training against the requirement in force (`trainingCompliance` over the events as of
 * then) and their trainees this week (`behindThisWeek` by mentor over `entitlementAsOf`).
 */
export const mentorView = (events: readonly StoredEvent[], mentorId: string, asOf: AsOf, today: LocalDate): View => {
  const compliance = runProjection(trainingComplianceProjection, eventsAsOf(events, asOf) as StoredEvent<never>[]);
  const training = trainingCompliance(compliance, { today, mentorId }).map((row) => {
    const required = row.requiredMinutes === undefined ? 'no requirement' : `${row.requiredMinutes.minutes} required (${row.requiredMinutes.basis})`;
    return `${row.academicYear}: ${row.trainedMinutes} min in ${row.sessionCount} sessions, ${required}; ${words(row.status)}`;
  });
  const mine = behindThisWeek(entitlementAsOf(events, asOf), { today, by: 'mentor' }).find((row) => row.id === mentorId);
  const trainees = mine === undefined ? 'none on placement' : `${mine.trainees} on placement, ${mine.behind} behind${mine.behindTraineeIds.length > 0 ? ` (${mine.behindTraineeIds.join(', ')})` : ''}, ${mine.flagged} flagged`;
  return [
    ['training', training.join('; ') || 'none recorded'],
    ['trainees this week', trainees],
  ];
};
