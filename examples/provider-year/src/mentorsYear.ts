import type { LocalDate, MdrFramework, MentorCommands, MentorDevelopmentReviewCommand, TrainingMode } from '@itt-ledger/core';
import { PROVIDER_YEAR } from './cast.js';
import type { Schedule } from './schedule.js';

/** The provider's Mentor Development Review template, as each mentor receives it (seed 001's shape). */
export const NENE_VALLEY_MDR: MdrFramework = {
  name: 'Nene Valley Mentor Development Review',
  ratingScale: ['not yet', 'emerging', 'secure', 'confident'],
  areas: [
    {
      areaId: 'curriculum',
      title: 'Knowing the ITT curriculum',
      statements: [
        { statementId: 'cur-1', text: 'I know what my trainee is taught at the provider this term.' },
        { statementId: 'cur-2', text: 'I link the centre-based sessions to practice in my classroom.' },
      ],
      suggestedActions: [{ actionId: 'cur-a1', text: 'Join one centre-based session with your trainee.' }],
    },
    {
      areaId: 'coaching',
      title: 'Instructional coaching',
      statements: [
        { statementId: 'coa-1', text: 'I set one precise, short-term target after each observation.' },
        { statementId: 'coa-2', text: 'I model a technique before the trainee practises it.' },
      ],
      suggestedActions: [{ actionId: 'coa-a1', text: 'Watch an experienced mentor’s coaching conversation.' }],
    },
  ],
};

// Amara trains 20 hours across the four modes (one session corrected); Tom trains 10 hours and has
// 4 hours of ECF mentor training recognised as prior learning, which is not training and not funded.
const SESSIONS: readonly (readonly ['amara' | 'tom', LocalDate, number, TrainingMode])[] = [
  ['amara', '2024-09-12', 360, 'full_day_conference'],
  ['amara', '2024-10-03', 360, 'full_day_conference'],
  ['amara', '2024-10-15', 120, 'asynchronous_self_paced'],
  ['amara', '2024-11-14', 60, 'synchronous_online_twilight'],
  ['amara', '2025-01-16', 60, 'synchronous_online_twilight'],
  ['amara', '2025-02-06', 150, 'asynchronous_self_paced'],
  ['amara', '2025-03-13', 120, 'placement_specific_support'],
  ['tom', '2024-09-12', 360, 'full_day_conference'],
  ['tom', '2024-11-14', 120, 'synchronous_online_twilight'],
  ['tom', '2025-03-13', 125, 'placement_specific_support'],
];

/**
 * The mentors of the placements and the lead mentor, registered through `mentorCommands`; the lead
 * mentor's caseload and check-ins; the provider's own 20-hour requirement once the DfE minimum goes; the
 * training; and Amara's Mentor Development Review from induction to the June reflection.
 */
export const scheduleMentors = (schedule: Schedule, mentors: MentorCommands): void => {
  const { providerId, academicYear, schools, leadMentorId } = PROVIDER_YEAR;
  const { amara, tom } = PROVIDER_YEAR.mentors;

  for (const { mentorId, name, schoolId } of Object.values(PROVIDER_YEAR.mentors)) {
    schedule.on('2024-09-02', (o) => mentors.mentor(mentorId, { type: 'RegisterMentor', mentorId, schoolId, providerId, name }, o));
  }
  schedule.on('2024-09-02', (o) => mentors.leadMentor(leadMentorId, { type: 'AppointLeadMentor', leadMentorId, providerId, appointedOn: '2024-09-02' }, o));
  for (const { schoolId } of Object.values(schools)) {
    schedule.on('2024-09-02', (o) => mentors.leadMentor(leadMentorId, { type: 'AssignSchoolToLeadMentor', schoolId, from: '2024-09-02' }, o));
  }
  const checkIns = [
    ['2024-09-23', schools.oakfield.schoolId, 'mentor', amara.mentorId],
    ['2024-09-24', schools.riverside.schoolId, 'trainee', PROVIDER_YEAR.trainees.cat.traineeId],
    ['2024-09-25', schools.hazel.schoolId, 'mentor', PROVIDER_YEAR.mentors.olu.mentorId],
    ['2024-11-13', schools.riverside.schoolId, 'mentor', PROVIDER_YEAR.mentors.sam.mentorId],
    ['2024-11-26', schools.riverside.schoolId, 'trainee', PROVIDER_YEAR.trainees.dan.traineeId],
  ] as const;
  for (const [i, [date, schoolId, subject, subjectId]] of checkIns.entries()) {
    schedule.on(date, (o) => mentors.leadMentor(leadMentorId, { type: 'RecordCheckIn', checkInId: `check-in-${i + 1}`, schoolId, subject, subjectId, date, mode: 'visit' }, o));
  }
  schedule.on('2024-10-10', (o) =>
    mentors.leadMentor(leadMentorId, { type: 'RecordSupervision', supervisionId: 'supervision-1', kind: 'training', mentorIds: [amara.mentorId, tom.mentorId], schoolId: schools.oakfield.schoolId, date: '2024-10-10', minutes: 60, focus: 'Instructional coaching' }, o),
  );

  schedule.on('2024-11-13', (o) =>
    mentors.requirement({ type: 'SetProviderTrainingRequirement', providerId, academicYear, initialMinutes: 20 * 60, refresherMinutes: 6 * 60, effectiveFrom: '2024-11-13', note: 'the provider keeps 20 hours after the DfE minimum is removed' }, o),
  );
  schedule.on('2024-09-20', (o) =>
    mentors.training(tom.mentorId, { type: 'RecognisePriorLearning', recognitionId: 'prior-tom-ecf', mentorId: tom.mentorId, providerId, academicYear, kind: 'ecf_mentor_training', minutes: 4 * 60, recognisedBy: PROVIDER_YEAR.leadershipId, recognisedOn: '2024-09-20' }, o),
  );
  for (const [i, [who, date, minutes, mode]] of SESSIONS.entries()) {
    const { mentorId } = PROVIDER_YEAR.mentors[who];
    schedule.on(date, (o) => mentors.training(mentorId, { type: 'RecordMentorTrainingSession', sessionId: `training-${i + 1}`, mentorId, providerId, date, minutes, mode, academicYear }, o));
  }
  schedule.on('2025-02-10', (o) =>
    mentors.training(amara.mentorId, { type: 'CorrectMentorTrainingSession', sessionId: 'training-6', date: '2025-02-06', minutes: 120, mode: 'asynchronous_self_paced', reason: 'the platform logs 120 minutes' }, o),
  );
  schedule.refused('2025-02-10', 'a training session for a mentor never registered', (o) =>
    mentors.training('mentor-nobody', { type: 'RecordMentorTrainingSession', sessionId: 'training-x', mentorId: 'mentor-nobody', providerId, date: '2025-02-10', minutes: 60, mode: 'synchronous_online_twilight' }, o),
  );

  const mdr = (day: LocalDate, command: MentorDevelopmentReviewCommand) => schedule.on(day, (o) => mentors.review(amara.mentorId, academicYear, command, o));
  mdr('2024-09-20', { type: 'StartMentorDevelopmentReview', mentorId: amara.mentorId, academicYear, providerId, startedOn: '2024-09-20', framework: NENE_VALLEY_MDR });
  const induction = [
    { statementId: 'cur-1', level: 2 },
    { statementId: 'cur-2', level: 1 },
    { statementId: 'coa-1', level: 3 },
    { statementId: 'coa-2', level: 2 },
  ];
  mdr('2024-09-27', { type: 'RecordSelfRatings', stage: 'induction', ratedOn: '2024-09-27', ratings: induction });
  mdr('2024-09-27', { type: 'ChoosePriorityArea', chosenOn: '2024-09-27' });
  mdr('2024-09-27', { type: 'AddDevelopmentAction', actionId: 'mdr-action-1', origin: 'suggested', suggestedActionId: 'cur-a1', addedOn: '2024-09-27', dueBy: '2024-10-25' });
  mdr('2024-09-27', { type: 'AddDevelopmentAction', actionId: 'mdr-action-2', origin: 'own', text: 'Plan one lesson with Ada from the provider’s curriculum map.', addedOn: '2024-09-27' });
  mdr('2024-10-24', { type: 'CompleteDevelopmentAction', actionId: 'mdr-action-1', completedOn: '2024-10-24' });
  mdr('2025-01-15', { type: 'RecordSelfRatings', stage: 'revisit', ratedOn: '2025-01-15', ratings: [{ statementId: 'cur-1', level: 3 }, { statementId: 'cur-2', level: 2 }] });
  mdr('2025-02-05', { type: 'CompleteDevelopmentAction', actionId: 'mdr-action-2', completedOn: '2025-02-05' });
  mdr('2025-06-16', { type: 'RecordSelfRatings', stage: 'reflection', ratedOn: '2025-06-16', ratings: [{ statementId: 'cur-2', level: 3 }, { statementId: 'coa-2', level: 3 }] });
  mdr('2025-06-16', { type: 'RecordDevelopmentReflection', leadMentorId, reflectedOn: '2025-06-16', reflection: 'Links the centre’s sessions to the classroom far better; next, coach a second trainee.' });
  mdr('2025-06-20', { type: 'CompleteMentorDevelopmentReview', completedOn: '2025-06-20', documentRef: 'canvas://mdr/mentor-amara/2024-25' });
};
