import type { PlanRecord, VerdictRecord } from './planRecords.js';
import type { TimelineEntry, TraineeTimeline } from './timeline.js';

const words = (value: string): string => value.replaceAll('_', ' ');

const verdicts = (reviews: readonly VerdictRecord[]): string =>
  reviews.map((r) => `${words(r.verdict)} on ${r.reviewedOn}${r.nextDueDate === undefined ? '' : ` (now due ${r.nextDueDate})`}`).join('; ');

const planLines = (plan: PlanRecord, nextReviewDue: string | undefined, overdue: boolean): string[] => {
  const lines = [
    `IRP ${plan.irpId} opened with ${plan.agreedWith} (owner ${plan.ownerId}): concerns ${plan.concerns.join(', ')}`,
    ...plan.supportActions.map((action) => `  support: ${action.description} (${action.providedBy})`),
    ...plan.targets.map((t) => `  target ${t.targetId} [${t.area}] ${t.description}, due ${t.dueDate}: ${t.reviews.length === 0 ? 'not yet reviewed' : verdicts(t.reviews)}`),
    ...plan.reviews.map((r) => `  reviewed on ${r.reviewedOn} by ${r.reviewedBy}`),
    ...plan.extensions.map((e) => `  extended on ${e.extendedOn}: ${e.reason}`),
  ];
  if (plan.status === 'open') lines.push(`  open; next review ${nextReviewDue ?? 'not scheduled'}${overdue ? ' (OVERDUE)' : ''}`);
  else lines.push(`  closed on ${plan.closedOn ?? '?'}: ${plan.status}${plan.escalatedTo === undefined ? '' : ` to ${words(plan.escalatedTo)}`}`);
  return lines;
};

const entryLines = (entry: TimelineEntry): string[] => {
  switch (entry.kind) {
    case 'review_point': {
      const r = entry.reviewPoint;
      const outcome = r.outcome === undefined ? '' : `, ${words(r.outcome)}${r.areasOfConcern.length === 0 ? '' : ` (concerns: ${r.areasOfConcern.join(', ')})`}`;
      const lead = r.heldOn === undefined ? '' : r.leadMentorJoined ? '; lead mentor joined' : r.leadMentorRequired ? '; lead mentor required but absent' : '';
      return [`review point ${r.stage} (due ${r.dueDate}): ${entry.status === 'overdue' ? 'OVERDUE' : words(entry.status)}${outcome}${lead}`];
    }
    case 'target': {
      const t = entry.target;
      const fate = t.reviews.length === 0 ? '' : `; ${verdicts(t.reviews)}`;
      return [`target ${t.targetId} [${t.area}] ${t.description}, due ${t.dueDate}: ${entry.status === 'overdue' ? 'OVERDUE' : words(entry.status)}${fate}`];
    }
    case 'joint_observation': {
      const o = entry.observation;
      return [`joint observation by ${o.leadMentorId} and ${o.mentorId}, focus ${o.focus}`, `  feedback for the trainee: ${o.feedbackForTrainee}`];
    }
    case 'irp':
      return planLines(entry.plan, entry.nextReviewDue, entry.reviewOverdue);
  }
};

/** A trainee's progress timeline as plain text, the same bytes for the same timeline. */
export const formatTraineeTimeline = (timeline: TraineeTimeline, options: { readonly name?: string } = {}): string => {
  const who = options.name === undefined ? `trainee ${timeline.traineeId}` : `${options.name} (trainee ${timeline.traineeId})`;
  const title = `Progress of ${who} as of ${timeline.today}`;
  const lines = [title, '='.repeat(title.length), `For: ${timeline.report.audience.map(words).join(', ')}`, ''];
  if (timeline.entries.length === 0) lines.push('Nothing recorded yet.');
  for (const entry of timeline.entries) {
    const [first = '', ...rest] = entryLines(entry);
    lines.push(`${entry.date}  ${first}`, ...rest.map((line) => `            ${line}`));
  }
  return `${lines.join('\n')}\n`;
};
