import type { LocalDate } from '../calendar/localDate.js';
import { InvalidArgumentError } from '../kernel/errors.js';
import { revealOr, type Erased } from '../kernel/personalData.js';
import type { LeadMentorCaseload } from '../leadMentor/caseload.js';
import type { TrainingComplianceRow } from '../mentorTraining/compliance.js';
import { TRAINING_MODES, type TrainingMode } from '../mentorTraining/events.js';
import type { MentorPortfolio } from './portfolio.js';
import { textTable } from '../text/textTable.js';

const MINUTES_PER_HOUR = 60;

/** `20 h`, `10.5 h`, `1.25 h` from whole minutes: hours are decimals only here, in print. */
export const formatHours = (minutes: number): string => {
  if (!Number.isSafeInteger(minutes)) throw new InvalidArgumentError('minutes', `expected whole minutes, got ${minutes}`);
  const hours = (minutes / MINUTES_PER_HOUR).toFixed(2).replace(/\.?0+$/, '');
  return `${hours} h`;
};

const MODE_LABELS: Readonly<Record<TrainingMode, string>> = {
  full_day_conference: 'conference',
  asynchronous_self_paced: 'self-paced',
  synchronous_online_twilight: 'twilight',
  placement_specific_support: 'placement',
};


const nameOf = (name: string | Erased | undefined, fallback: string): string => (name === undefined ? fallback : revealOr(name, '[erased]'));

/** What the DfE requires, said honestly: the minimum in force on the day, or that there is none and since when. */
export const describeDfeMinimum = (row: TrainingComplianceRow): string => {
  const { dfeMinimum } = row;
  if (dfeMinimum.minutes !== null) return `DfE minimum ${formatHours(dfeMinimum.minutes)} (${dfeMinimum.source.split(';')[0]})`;
  const before = dfeMinimum.previously === undefined ? '' : `; it was ${formatHours(dfeMinimum.previously.minutes)} until ${dfeMinimum.previously.until}`;
  return `no DfE minimum since ${dfeMinimum.ruleSetValidFrom} ("${dfeMinimum.quote}")${before}`;
};

const describeRequirement = (row: TrainingComplianceRow): string => {
  const dfe = describeDfeMinimum(row);
  if (row.providerRequirement === undefined) return row.dfeMinimum.minutes === null ? `${dfe}; the provider has set no requirement` : dfe;
  const own = row.purpose === 'initial' ? row.providerRequirement.initialMinutes : row.providerRequirement.refresherMinutes;
  return `${dfe}; provider's own requirement ${formatHours(own)} from ${row.providerRequirement.effectiveFrom}`;
};

const describeStatus = (row: TrainingComplianceRow): string => {
  switch (row.status) {
    case 'compliant':
      return 'compliant';
    case 'no_requirement':
      return 'no requirement to meet';
    case 'in_progress':
      return `${formatHours(row.remainingMinutes ?? 0)} to go by ${row.deadline.date}`;
    case 'overdue':
      return `${formatHours(row.remainingMinutes ?? 0)} short, overdue since ${row.deadline.date}`;
  }
};

/**
 * Training compliance as plain text: hours by mode, prior learning apart, the requirement applied and the
 * DfE's position on the day, and who is not yet compliant. Deterministic: the same rows print the same bytes.
 */
export const formatTrainingCompliance = (title: string, rows: readonly TrainingComplianceRow[], today: LocalDate): string => {
  const sorted = [...rows].sort((a, b) => (a.academicYear + nameOf(a.mentorName, a.mentorId) < b.academicYear + nameOf(b.mentorName, b.mentorId) ? -1 : 1));
  const body = textTable(
    ['mentor', 'year', 'provider', 'purpose', ...TRAINING_MODES.map((mode) => MODE_LABELS[mode]), 'trained', 'prior learning', 'required', 'status'],
    sorted.map((row) => [
      nameOf(row.mentorName, row.mentorId),
      row.academicYear,
      row.providerId,
      row.purpose,
      ...TRAINING_MODES.map((mode) => formatHours(row.minutesByMode[mode])),
      formatHours(row.trainedMinutes),
      formatHours(row.priorLearningMinutes),
      row.requiredMinutes === undefined ? '-' : `${formatHours(row.requiredMinutes.minutes)} (${row.requiredMinutes.basis})`,
      describeStatus(row),
    ]),
    [4, 5, 6, 7, 8, 9],
  );
  const notes = sorted.flatMap((row) => {
    const name = nameOf(row.mentorName, row.mentorId);
    const prior = row.priorLearning.map(
      (entry) => `  ${name}: prior learning ${entry.kind} ${formatHours(entry.minutes)} recognised by ${entry.recognisedBy} on ${entry.recognisedOn} (reduces the requirement; not training, not funded)`,
    );
    return [`  ${name}: ${describeRequirement(row)}; deadline ${row.deadline.date} (${row.deadline.basis === 'provider' ? "provider's" : 'end of the DfE training window'})`, ...prior];
  });
  return [title, '='.repeat(title.length), `as on ${today}`, '', ...body, '', 'Requirements', ...notes, ''].join('\n');
};

/** A mentor's portfolio as plain text, year by year. */
export const formatMentorPortfolio = (portfolio: MentorPortfolio): string => {
  const title = `Portfolio: ${nameOf(portfolio.name, portfolio.mentorId)} (${portfolio.mentorId})`;
  const out = [title, '='.repeat(title.length)];
  for (const year of portfolio.years) {
    out.push('', year.academicYear, '-'.repeat(year.academicYear.length));
    out.push(`trainees mentored: ${year.trainees.map((t) => `${t.traineeId} (${t.placementId}, ${t.schoolId})`).join(', ') || 'none'}`);
    const { training } = year;
    out.push(`training: ${formatHours(training.trainedMinutes)} in ${training.sessions.length} session(s)`);
    for (const s of training.sessions) out.push(`  ${s.date}  ${MODE_LABELS[s.mode].padEnd(10)}  ${formatHours(s.minutes).padStart(6)}  ${s.purpose} with ${s.providerId}${s.title === undefined ? '' : `: ${s.title}`}`);
    for (const p of training.priorLearning) out.push(`  prior learning (not training): ${p.kind} ${formatHours(p.minutes)}, recognised by ${p.recognisedBy} on ${p.recognisedOn}`);
    const review = year.review;
    if (review === undefined) {
      out.push('Mentor Development Review: none');
      continue;
    }
    out.push(`Mentor Development Review with ${review.providerId}: started ${review.startedOn}, ${review.status}${review.completed ? ` on ${review.completed.completedOn}` : ''}`);
    out.push(`  scale: ${review.scale.map((label, i) => `${i + 1} ${label}`).join(', ')}`);
    out.push(`  priority area: ${review.priorityArea?.title ?? 'not chosen'}`);
    const stages = review.areas[0]?.means.map((m) => `${m.stage} ${m.ratedOn}`) ?? [];
    out.push(...textTable(['area', ...stages], review.areas.map((area) => [area.title, ...area.means.map((m) => m.mean.toFixed(1))]), stages.map((_, i) => i + 1)).map((line) => `  ${line}`));
    for (const a of review.actions) {
      out.push(`  action ${a.actionId} (${a.origin}, ${a.areaId}): ${revealOr(a.text, '[erased]')}; added ${a.addedOn}${a.completedOn ? `, done ${a.completedOn}` : ', open'}`);
    }
    if (review.reflection) {
      out.push(`  reflection with ${review.reflection.leadMentorId} on ${review.reflection.reflectedOn}: ${revealOr(review.reflection.reflection, '[erased]')}`);
    }
  }
  return `${out.join('\n')}\n`;
};

/** A lead mentor's caseload as plain text: schools, mentors, trainees, and overdue check-ins. */
export const formatLeadMentorCaseload = (caseload: LeadMentorCaseload, today: LocalDate): string => {
  const title = `Lead mentor caseload: ${caseload.leadMentorId} (${caseload.providerId})`;
  const out = [title, '='.repeat(title.length), `as on ${today}; a check-in is due every ${caseload.checkInIntervalDays} days`];
  for (const school of caseload.schools) {
    out.push('', `${school.name ?? school.schoolId} (${school.schoolId}), since ${school.since}`);
    const rows = [
      ...school.mentors.map((m) => ['mentor', nameOf(m.name, m.mentorId), m.traineeIds.join(', '), m.lastCheckIn ?? '-', m.dueBy, m.overdue ? 'OVERDUE' : '', `${m.supervisions} supervision(s)`]),
      ...school.trainees.map((t) => ['trainee', nameOf(t.name, t.traineeId), t.mentorIds.join(', '), t.lastCheckIn ?? '-', t.dueBy, t.overdue ? 'OVERDUE' : '', `${t.jointObservations} joint observation(s)`]),
    ];
    out.push(...textTable(['who', 'name', 'with', 'last check-in', 'due by', '', 'support'], rows).map((line) => `  ${line}`));
  }
  out.push('', caseload.overdue.length === 0 ? 'No check-ins overdue.' : 'Overdue check-ins:');
  for (const o of caseload.overdue) out.push(`  ${o.subject} ${nameOf(o.name, o.id)} at ${o.schoolId}: due ${o.dueBy}, ${o.daysOverdue} day(s) overdue`);
  return `${out.join('\n')}\n`;
};
