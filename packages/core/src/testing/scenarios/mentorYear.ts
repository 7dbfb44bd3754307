import type { LocalDate } from '../../calendar/localDate.js';
import type { ManualClock } from '../../kernel/clock.js';
import { createCommandHandler, type HandleOptions } from '../../kernel/commandHandler.js';
import { CommandRejectedError, CommandValidationError } from '../../kernel/errors.js';
import type { Instant } from '../../kernel/instant.js';
import type { EventStore } from '../../kernel/store.js';
import { leadMentorCaseload } from '../../leadMentor/caseload.js';
import { leadMentorCaseloadProjection } from '../../leadMentor/caseloadProjection.js';
import { leadMentorQaDecider } from '../../leadMentorQa/decider.js';
import { leadMentorQaEventDefinitions, leadMentorQaStreamId, type LeadMentorQaEvent } from '../../leadMentorQa/events.js';
import { mentorsDomainDefinitions } from '../../mentor/domain.js';
import { mentorCommands } from '../../mentor/mentorCommands.js';
import { mentorSupportSummary, mentorSupportProjection } from '../../mentorSupport/supportProjection.js';
import { formatLeadMentorCaseload, formatMentorPortfolio, formatTrainingCompliance } from '../../mentorReports/format.js';
import { mentorPortfolio } from '../../mentorReports/portfolio.js';
import { mentorPortfolioProjection } from '../../mentorReports/portfolioProjection.js';
import { trainingCompliance } from '../../mentorTraining/compliance.js';
import { trainingComplianceProjection } from '../../mentorTraining/complianceProjection.js';
import type { TrainingMode } from '../../mentorTraining/events.js';
import type { AnyProjection, Projection } from '../../kernel/projection.js';
import { placementsDomainDefinitions } from '../../placement/domain.js';
import { placementCommands } from '../../placement/placementCommands.js';
import type { RuleBook } from '../../rules/ruleBook.js';
import { exampleMdrFramework } from '../arbitraries/mentors.js';

/** Every event type the mentor year appends or reads: build the store's registry from these. */
export const mentorYearEventDefinitions = [...placementsDomainDefinitions, ...mentorsDomainDefinitions, ...leadMentorQaEventDefinitions] as const;

/** The read models the mentor year is reported from; run them over the store (inline or afterwards). */
export const mentorYearProjections: readonly AnyProjection[] = [trainingComplianceProjection, mentorPortfolioProjection, leadMentorCaseloadProjection, mentorSupportProjection];

/** Who is in the scenario; ids are fixed so that output is byte-identical run after run. */
export const MENTOR_YEAR = Object.freeze({
  providerId: 'provider-northants',
  schoolId: 'school-horton',
  academicYear: '2024/25',
  /** The day the year is reported on: after the June reflection and the end of the training window. */
  today: '2025-06-30',
  /** The day the lead mentor's caseload is read on: in the spring term, with the placements still running. */
  caseloadDay: '2025-02-10',
  /** Compliant: 20 hours across the four modes, funded in full. */
  fullMentorId: 'mentor-asha',
  /** Part-way: 10 hours, with 4 hours of ECF mentor training recognised as prior learning. */
  partMentorId: 'mentor-ben',
  leadMentorId: 'mentor-natalie',
  trainees: { cara: 'trainee-cara', dev: 'trainee-dev' },
  placements: { cara: 'placement-cara-horton', dev: 'placement-dev-horton' },
} as const);

export interface MentorYearResult {
  readonly today: LocalDate;
  /** Commands refused on the way (the scenario tries a few that must be), as `day reason (field)`; bad input as `day COMMAND_INVALID (field)`. */
  readonly refusals: readonly string[];
}

const at = (day: LocalDate, time = '16:00'): Instant => `${day}T${time}:00.000Z`;

/**
 * A mentor year on any store whose registry knows `mentorYearEventDefinitions`: a school, two trainees and
 * their placements; two mentors, one trained for 20 hours across the four modes and one for 10 (with ECF
 * prior learning recognised); the provider keeping its own 20-hour requirement after the DfE dropped the
 * minimum on 13 Nov 2024; a lead mentor with check-ins and a joint observation; one mentor's Mentor
 * Development Review from induction to the June reflection; protected time and a certificate. Each step
 * runs at its own time on `clock` (the store's clock), in order.
 */
export const runMentorYear = async (deps: { readonly store: EventStore; readonly clock: ManualClock; readonly ruleBook?: RuleBook }): Promise<MentorYearResult> => {
  const { store, clock } = deps;
  const places = placementCommands({ store, clock, ...(deps.ruleBook ? { ruleBook: deps.ruleBook } : {}) });
  const mentors = mentorCommands({ store, clock });
  const qa = createCommandHandler({ store: store as unknown as EventStore<LeadMentorQaEvent>, decider: leadMentorQaDecider, clock });
  const { providerId, schoolId, academicYear, fullMentorId: asha, partMentorId: ben, leadMentorId: natalie, trainees, placements } = MENTOR_YEAR;
  // Steps are written by topic and run in date order (a stable sort keeps a day's steps as written).
  const steps: { readonly day: LocalDate; readonly run: (options: HandleOptions) => Promise<unknown> }[] = [];
  const on = (day: LocalDate, run: (options: HandleOptions) => Promise<unknown>): void => void steps.push({ day, run });

  on('2024-09-02', (o) => places.school({ type: 'RegisterSchool', schoolId, providerId, name: 'Horton Grange Primary', phase: 'primary', region: 'rest_of_england', setting: 'urban' }, o));
  for (const [mentorId, name] of [[asha, 'Asha Patel'], [ben, 'Ben Okoro'], [natalie, 'Natalie Blott']] as const) {
    on('2024-09-02', (o) => mentors.mentor(mentorId, { type: 'RegisterMentor', mentorId, schoolId, providerId, name }, o));
  }
  const route = { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } as const;
  on('2024-09-02', (o) => places.trainee({ type: 'RegisterTrainee', traineeId: trainees.cara, providerId, name: 'Cara Singh', academicYear, route }, o));
  on('2024-09-02', (o) => places.trainee({ type: 'RegisterTrainee', traineeId: trainees.dev, providerId, name: 'Dev Malik', academicYear, route }, o));
  const placement = { schoolId, providerId, academicYear, startDate: '2024-09-16', endDate: '2025-02-14' } as const;
  on('2024-09-03', (o) => places.arrange({ ...placement, placementId: placements.cara, traineeId: trainees.cara, mentorId: asha }, o));
  on('2024-09-03', (o) => places.arrange({ ...placement, placementId: placements.dev, traineeId: trainees.dev, mentorId: ben }, o));

  // The provider keeps 20 hours as its own requirement once the DfE minimum goes on 13 Nov 2024.
  on('2024-11-13', (o) =>
    mentors.requirement({ type: 'SetProviderTrainingRequirement', providerId, academicYear, initialMinutes: 20 * 60, refresherMinutes: 6 * 60, effectiveFrom: '2024-11-13', note: 'we keep the 20 hours' }, o),
  );
  on('2024-09-20', (o) =>
    mentors.training(ben, { type: 'RecognisePriorLearning', recognitionId: 'prior-ben-ecf', mentorId: ben, providerId, academicYear, kind: 'ecf_mentor_training', minutes: 4 * 60, recognisedBy: 'tutor-jo', recognisedOn: '2024-09-20' }, o),
  );
  const sessions: readonly [string, LocalDate, number, TrainingMode][] = [
    [asha, '2024-09-12', 360, 'full_day_conference'],
    [asha, '2024-10-03', 360, 'full_day_conference'],
    [asha, '2024-10-15', 120, 'asynchronous_self_paced'],
    [asha, '2024-11-14', 60, 'synchronous_online_twilight'],
    [asha, '2025-01-16', 60, 'synchronous_online_twilight'],
    [asha, '2025-02-06', 150, 'asynchronous_self_paced'],
    [asha, '2025-03-13', 120, 'placement_specific_support'],
    [ben, '2024-09-12', 360, 'full_day_conference'],
    [ben, '2024-11-14', 60, 'synchronous_online_twilight'],
    [ben, '2025-01-16', 60, 'synchronous_online_twilight'],
    [ben, '2025-03-13', 120, 'asynchronous_self_paced'],
  ];
  for (const [i, [mentorId, date, minutes, mode]] of sessions.entries()) {
    on(date, (o) => mentors.training(mentorId, { type: 'RecordMentorTrainingSession', sessionId: `session-${i + 1}`, mentorId, providerId, date, minutes, mode }, o));
  }
  // A module logged as 150 minutes that took 120, and a session logged twice: corrected and withdrawn.
  on('2025-01-20', (o) => mentors.training(ben, { type: 'RecordMentorTrainingSession', sessionId: 'session-dup', mentorId: ben, providerId, date: '2025-01-16', minutes: 60, mode: 'synchronous_online_twilight' }, o));
  on('2025-01-21', (o) => mentors.training(ben, { type: 'WithdrawMentorTrainingSession', sessionId: 'session-dup', reason: 'entered twice' }, o));
  on('2025-02-10', (o) => mentors.training(asha, { type: 'CorrectMentorTrainingSession', sessionId: 'session-6', date: '2025-02-06', minutes: 120, mode: 'asynchronous_self_paced', reason: 'the platform logs 120 minutes' }, o));
  // Refused: a session for a mentor never registered, and a zero-minute session.
  on('2025-02-10', (o) => mentors.training('mentor-nobody', { type: 'RecordMentorTrainingSession', sessionId: 'x', mentorId: 'mentor-nobody', providerId, date: '2025-02-10', minutes: 60, mode: 'synchronous_online_twilight' }, o));
  on('2025-02-10', (o) => mentors.training(ben, { type: 'RecordMentorTrainingSession', sessionId: 'y', mentorId: ben, providerId, date: '2025-02-10', minutes: 0, mode: 'synchronous_online_twilight' }, o));

  // The lead mentor: appointed, the school assigned, check-ins, supervision and a joint observation.
  on('2024-09-02', (o) => mentors.leadMentor(natalie, { type: 'AppointLeadMentor', leadMentorId: natalie, providerId, appointedOn: '2024-09-02' }, o));
  on('2024-09-02', (o) => mentors.leadMentor(natalie, { type: 'AssignSchoolToLeadMentor', schoolId, from: '2024-09-02' }, o));
  const checkIns: readonly [string, 'mentor' | 'trainee', string, LocalDate][] = [
    ['ci-1', 'mentor', asha, '2024-09-23'],
    ['ci-2', 'trainee', trainees.cara, '2024-09-23'],
    ['ci-3', 'mentor', ben, '2024-09-24'],
    ['ci-4', 'trainee', trainees.dev, '2024-09-24'],
    ['ci-5', 'mentor', asha, '2025-01-27'],
    ['ci-6', 'trainee', trainees.cara, '2025-02-03'],
    ['ci-7', 'trainee', trainees.dev, '2025-01-20'],
  ];
  for (const [checkInId, subject, subjectId, date] of checkIns) {
    on(date, (o) => mentors.leadMentor(natalie, { type: 'RecordCheckIn', checkInId, schoolId, subject, subjectId, date, mode: 'visit' }, o));
  }
  on('2024-10-10', (o) => mentors.leadMentor(natalie, { type: 'RecordSupervision', supervisionId: 'sup-1', kind: 'training', mentorIds: [asha, ben], schoolId, date: '2024-10-10', minutes: 60, focus: 'Instructional coaching' }, o));
  on('2024-11-20', (o) =>
    qa(
      leadMentorQaStreamId(placements.cara),
      {
        type: 'RecordJointObservation',
        observationId: 'obs-1',
        traineeId: trainees.cara,
        placementId: placements.cara,
        schoolId,
        leadMentorId: natalie,
        mentorId: asha,
        date: '2024-11-20',
        focus: 'Behaviour routines',
        feedbackForTrainee: 'Clear routines; narrate the positive.',
        feedbackForMentor: 'Target was precise; model it first next time.',
      },
      o,
    ),
  );

  // Asha's Mentor Development Review, from induction to the June reflection.
  const mdr = (day: LocalDate, command: Parameters<typeof mentors.review>[2]) => on(day, (o) => mentors.review(asha, academicYear, command, o));
  mdr('2024-09-20', { type: 'StartMentorDevelopmentReview', mentorId: asha, academicYear, providerId, startedOn: '2024-09-20', framework: exampleMdrFramework });
  mdr('2024-09-27', {
    type: 'RecordSelfRatings',
    stage: 'induction',
    ratedOn: '2024-09-27',
    ratings: [
      { statementId: 'k1', level: 2 },
      { statementId: 'k2', level: 1 },
      { statementId: 'c1', level: 3 },
      { statementId: 'c2', level: 2 },
    ],
  });
  mdr('2024-09-27', { type: 'ChoosePriorityArea', chosenOn: '2024-09-27' });
  mdr('2024-09-27', { type: 'AddDevelopmentAction', actionId: 'action-1', origin: 'suggested', suggestedActionId: 'k-a1', addedOn: '2024-09-27', dueBy: '2024-10-25' });
  mdr('2024-09-27', { type: 'AddDevelopmentAction', actionId: 'action-2', origin: 'own', text: 'Sit in on the provider’s phonics session with Cara.', addedOn: '2024-09-27' });
  mdr('2024-10-24', { type: 'CompleteDevelopmentAction', actionId: 'action-1', completedOn: '2024-10-24' });
  mdr('2025-01-15', { type: 'RecordSelfRatings', stage: 'revisit', ratedOn: '2025-01-15', ratings: [{ statementId: 'k1', level: 3 }, { statementId: 'k2', level: 2 }] });
  mdr('2025-02-05', { type: 'CompleteDevelopmentAction', actionId: 'action-2', completedOn: '2025-02-05' });
  mdr('2025-06-16', {
    type: 'RecordSelfRatings',
    stage: 'reflection',
    ratedOn: '2025-06-16',
    ratings: [{ statementId: 'k2', level: 3 }, { statementId: 'c2', level: 3 }],
  });
  mdr('2025-06-16', { type: 'RecordDevelopmentReflection', leadMentorId: natalie, reflectedOn: '2025-06-16', reflection: 'Links centre and school far better; next, coaching with a second trainee.' });
  mdr('2025-06-20', { type: 'CompleteMentorDevelopmentReview', completedOn: '2025-06-20', documentRef: 'canvas://mdr/mentor-asha/2024-25' });
  // Refused: a revisit once the review is completed.
  mdr('2025-06-21', { type: 'RecordSelfRatings', stage: 'revisit', ratedOn: '2025-06-21', ratings: [{ statementId: 'k1', level: 4 }] });

  // Protected time, as the school records it, and recognition.
  for (const mentorId of [asha, ben]) {
    on('2024-09-02', (o) => mentors.support(mentorId, { type: 'AllocateProtectedTime', mentorId, schoolId, academicYear, minutesPerWeek: 60, effectiveFrom: '2024-09-02' }, o));
  }
  const weeks: readonly [string, LocalDate, number, number][] = [
    [asha, '2024-09-16', 60, 0],
    [asha, '2024-09-23', 60, 0],
    [ben, '2024-09-16', 30, 30],
    [ben, '2024-09-23', 45, 15],
  ];
  for (const [mentorId, weekOf, minutesUsed, minutesFromPpa] of weeks) {
    on(weekOf, (o) => mentors.support(mentorId, { type: 'RecordProtectedTimeUse', mentorId, weekOf, minutesUsed, minutesFromPpa }, o));
  }
  on('2025-03-20', (o) =>
    mentors.support(asha, { type: 'AwardRecognition', recognitionId: 'cert-asha-2024', mentorId: asha, kind: 'training_certificate', title: 'Initial mentor training (20 hours)', awardedOn: '2025-03-20', awardedBy: providerId, academicYear }, o),
  );

  const refusals: string[] = [];
  for (const { day, run } of steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    clock.set(at(day, '17:00'));
    try {
      await run({ occurredAt: at(day, '15:30') });
    } catch (error) {
      if (error instanceof CommandValidationError) refusals.push(`${day} ${error.code} (${error.field})`);
      else if (error instanceof CommandRejectedError) refusals.push(`${day} ${error.reason} (${error.field ?? '-'})`);
      else throw error;
    }
  }
  return { today: MENTOR_YEAR.today, refusals };
};

/** The mentor year's reports as plain text, from the states of `mentorYearProjections`. */
export const formatMentorYear = (state: <S>(projection: Projection<any, S>) => S, today: LocalDate = MENTOR_YEAR.today): string => {
  const { providerId, academicYear, fullMentorId, partMentorId, leadMentorId } = MENTOR_YEAR;
  const compliance = trainingCompliance(state(trainingComplianceProjection), { today, providerId, academicYear });
  const parts = [formatTrainingCompliance(`Mentor training compliance: ${providerId}, ${academicYear}`, compliance, today)];
  for (const mentorId of [fullMentorId, partMentorId]) {
    const portfolio = mentorPortfolio(state(mentorPortfolioProjection), mentorId);
    if (portfolio) parts.push(formatMentorPortfolio(portfolio));
    const support = mentorSupportSummary(state(mentorSupportProjection), mentorId, academicYear);
    parts.push(
      `Support for ${mentorId}: ${support.allocatedMinutesPerWeek ?? 0} min a week protected; ${support.usedMinutes} of ${support.allocatedMinutes} min used over ${support.weeksRecorded} week(s), ` +
        `${support.minutesFromPpa} min of mentoring in PPA time; ${support.traineeCount} trainee(s); recognition: ${support.recognitions.map((r) => r.title).join(', ') || 'none'}\n`,
    );
  }
  const caseload = leadMentorCaseload(state(leadMentorCaseloadProjection), leadMentorId, { today: MENTOR_YEAR.caseloadDay });
  if (caseload) parts.push(formatLeadMentorCaseload(caseload, MENTOR_YEAR.caseloadDay));
  return parts.join('\n');
};
