import { UsageError } from '../io.js';
import type { ReportCommand } from '../report.js';
import { ledgerEvents } from './events.js';
import { replayMentor } from './mentorReplay.js';
import { STANDARD_RULES, TODAY_OPTION, stringOption, todayOf, type ReportRules } from './options.js';
import { replayTrainee } from './traineeReplay.js';

/**
 * `itt-ledger replay --trainee ID | --mentor ID`: one person's history as it stood, by both clocks, with
 * every correction beside what it corrected. Meant for an auditor: welfare notes only with
 * `--include-welfare`, which marks the report as special category data for the welfare lead.
 */
export const replayReport = ({ ruleBook }: ReportRules = STANDARD_RULES): ReportCommand => ({
  name: 'replay',
  summary: "a trainee's or a mentor's history as of a date, corrections beside what they corrected",
  access: {
    audience: ['provider_leadership', 'lead_mentor', 'auditor'],
    // The subject's own record, as an auditor replays it; welfare notes only with --include-welfare.
    personalFields: [
      'TraineeRegistered.name',
      'MentorMeetingRecorded.targetsDiscussed.*',
      'MentorMeetingRecorded.reflection',
      'MentoringContactRecorded.note',
      'TargetReviewed.comment',
      'JointObservationRecorded.feedbackForTrainee',
      'MentorRegistered.name',
      'MentorDetailsCorrected.name',
    ],
    specialCategoryOption: 'include-welfare',
  },
  options: {
    trainee: { type: 'string', valueName: 'ID', description: "replay this trainee: placements, weekly entitlement, meetings, review points, targets, IRPs" },
    mentor: { type: 'string', valueName: 'ID', description: "replay this mentor: training, MDR, trainees mentored, funding claims" },
    ...TODAY_OPTION,
    'include-welfare': { type: 'boolean', description: "add the trainee's welfare notes (special category data: for the welfare lead only)" },
  },
  run: async (context) => {
    const traineeId = stringOption(context, 'trainee');
    const mentorId = stringOption(context, 'mentor');
    if ((traineeId === undefined) === (mentorId === undefined)) throw new UsageError('replay needs one of --trainee ID or --mentor ID');
    const includeWelfare = context.options['include-welfare'] === true;
    if (includeWelfare && traineeId === undefined) throw new UsageError('--include-welfare is for a trainee replay (--trainee ID)');
    const today = todayOf(context);
    const events = await ledgerEvents(context);
    return traineeId !== undefined ? replayTrainee(events, { traineeId, asOf: context.asOf, today, includeWelfare, ruleBook }) : replayMentor(events, { mentorId: mentorId!, today, ruleBook });
  },
});
