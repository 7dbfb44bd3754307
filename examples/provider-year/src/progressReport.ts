import {
  formatTraineeTimeline,
  irpRecords,
  irpRegister,
  progressSchools,
  reviewPointCompliance,
  schoolProgress,
  textTable,
  traineeProgress,
  traineeTimeline,
  type LocalDate,
} from '@itt-ledger/core';
import type { Directory } from './directory.js';
import type { ReadModels } from './readModels.js';
import { indent } from './text.js';

const words = (value: string): string => value.replaceAll('_', ' ');
const yesNo = (value: boolean | undefined): string => (value === undefined ? '-' : value ? 'yes' : 'NO');

/** Every review point per school: held on time or late, the lead mentor where required, QA form, joint observation. */
export const reviewPointsSection = (models: ReadModels, directory: Directory, schoolIds: readonly string[], today: LocalDate): string[] => {
  const rows: string[][] = [];
  const totals: string[] = [];
  for (const schoolId of schoolIds) {
    const compliance = reviewPointCompliance(models.state(schoolProgress), schoolId, today);
    for (const row of compliance.rows) {
      rows.push([schoolId, row.traineeId, row.stage, row.dueDate, row.heldOn ?? '-', words(row.timeliness), yesNo(row.leadMentorPresentAsRequired), yesNo(row.qaFormPresent), yesNo(row.jointObservationDone)]);
    }
    const t = compliance.totals;
    totals.push(`${directory.schoolName(schoolId)}: ${t.reviewPoints} review points, ${t.heldOnTime} on time, ${t.heldLate} late, ${t.overdue} overdue, ${t.missed} missed; QA forms ${t.qaFormsPresent} in, ${t.qaFormsMissing} not; joint observations ${t.jointObservationsDone}`);
  }
  const table = textTable(['school', 'trainee', 'stage', 'due', 'held', 'timeliness', 'lead mentor as required', 'QA form', 'joint obs.'], rows);
  return indent([...table, '', ...totals]);
};

/** The recovery-plan trainee's timeline (the trainee progress report) and the provider's IRP register. */
export const recoveryPlanSection = (models: ReadModels, directory: Directory, providerId: string, traineeId: string, today: LocalDate): string[] => {
  const timeline = traineeTimeline(models.state(traineeProgress).get(traineeId), traineeId, today);
  const register = irpRegister(models.state(irpRecords), models.state(progressSchools), providerId, today);
  const outcomes = register.outcomesBySchool.map(
    (o) => `${directory.schoolName(o.schoolId)}: opened ${o.opened}, open ${o.open}, succeeded ${o.succeeded}, extended ${o.extended}, escalated ${o.escalated}`,
  );
  return [
    ...indent(formatTraineeTimeline(timeline, { name: directory.traineeName(traineeId) })),
    '',
    `  The provider's IRP register (for ${register.report.audience.map(words).join(', ')}): ${register.open.length} open, ${register.overdueReviews.length} with a review overdue`,
    ...indent(outcomes, '    '),
  ];
};
