import fc from 'fast-check';
import type { AcademicYear } from '../../calendar/academicYear.js';
import { addDays, type LocalDate } from '../../calendar/localDate.js';
import type { DomainEvent, StoredEvent } from '../../kernel/envelope.js';
import type { MdrFramework } from '../../mentorDevelopmentReview/events.js';
import type { MentorTrainingCommand, RecordMentorTrainingSession } from '../../mentorTraining/commands.js';
import { PRIOR_LEARNING_KINDS, TRAINING_MODES, type TrainingMode } from '../../mentorTraining/events.js';

/** Short ids from a small pool, so that generated commands often meet the same session or mentor. */
export const smallIdArbitrary = (prefix: string, count = 4): fc.Arbitrary<string> => fc.integer({ min: 1, max: count }).map((n) => `${prefix}${n}`);

export const trainingModeArbitrary: fc.Arbitrary<TrainingMode> = fc.constantFrom(...TRAINING_MODES);

/** A school day of the 2024/25 training year (September to May). */
export const trainingDateArbitrary = (from: LocalDate = '2024-09-02', days = 270): fc.Arbitrary<LocalDate> =>
  fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));

/** Whole minutes of one session: a twilight hour up to a long conference day. */
export const trainingMinutesArbitrary: fc.Arbitrary<number> = fc.integer({ min: 1, max: 8 * 60 });

/** Valid session commands for one mentor in 2024/25, with providers from a small pool. */
export const recordTrainingSessionArbitrary = (mentorId = 'm1', academicYear: AcademicYear = '2024/25'): fc.Arbitrary<RecordMentorTrainingSession> =>
  fc.record({
    sessionId: smallIdArbitrary('s', 12),
    providerId: smallIdArbitrary('p', 2),
    date: trainingDateArbitrary(),
    minutes: trainingMinutesArbitrary,
    mode: trainingModeArbitrary,
  }).map((fields) => ({ type: 'RecordMentorTrainingSession' as const, mentorId, academicYear, ...fields }));

/** Any training command for one mentor, valid or not, naming sessions and recognitions from small pools. */
export const mentorTrainingCommandArbitrary = (mentorId = 'm1'): fc.Arbitrary<MentorTrainingCommand> =>
  fc.oneof(
    { weight: 4, arbitrary: recordTrainingSessionArbitrary(mentorId) },
    {
      weight: 2,
      arbitrary: fc.record({ sessionId: smallIdArbitrary('s', 12), date: trainingDateArbitrary(), minutes: trainingMinutesArbitrary, mode: trainingModeArbitrary }).map(
        (fields) => ({ type: 'CorrectMentorTrainingSession' as const, reason: 'corrected', ...fields }),
      ),
    },
    { weight: 1, arbitrary: smallIdArbitrary('s', 12).map((sessionId) => ({ type: 'WithdrawMentorTrainingSession' as const, sessionId, reason: 'withdrawn' })) },
    {
      weight: 1,
      arbitrary: fc.record({ recognitionId: smallIdArbitrary('r', 3), providerId: smallIdArbitrary('p', 2), kind: fc.constantFrom(...PRIOR_LEARNING_KINDS), minutes: fc.integer({ min: 1, max: 20 * 60 }) }).map(
        (fields) => ({ type: 'RecognisePriorLearning' as const, mentorId, academicYear: '2024/25' as const, recognisedBy: 'tutor-1', recognisedOn: '2024-09-10', ...fields }),
      ),
    },
    { weight: 1, arbitrary: smallIdArbitrary('r', 3).map((recognitionId) => ({ type: 'WithdrawPriorLearning' as const, recognitionId, reason: 'withdrawn' })) },
  );

/** A broken value for a session command field, and the field it breaks. */
export const invalidTrainingSessionArbitrary: fc.Arbitrary<{ readonly command: RecordMentorTrainingSession; readonly field: string }> = fc
  .tuple(
    recordTrainingSessionArbitrary(),
    fc.oneof(
      fc.record({ field: fc.constant('minutes'), value: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 24 * 60 + 1 }), fc.double({ min: 0.1, max: 100, noInteger: true })) }),
      fc.record({ field: fc.constant('date'), value: fc.constantFrom('2024-02-30', '2024-9-1', '', '01/10/2024', '2024-13-01') }),
      fc.record({ field: fc.constant('mode'), value: fc.constantFrom('webinar', '', 'FULL_DAY_CONFERENCE') }),
      fc.record({ field: fc.constant('providerId'), value: fc.constantFrom('', 'x'.repeat(101)) }),
      fc.record({ field: fc.constant('sessionId'), value: fc.constant('') }),
    ),
  )
  .map(([command, broken]) => ({ command: { ...command, [broken.field]: broken.value }, field: broken.field }));

/**
 * Domain events as stored events, for folding projections in tests without a store: positions in order,
 * one instant for both clocks (or `occurredAt` from the event's own date when `at` returns one).
 */
export const asStoredEvents = <E extends DomainEvent>(events: readonly E[], at: (event: E) => string = () => '2024-09-02T08:00:00.000Z'): StoredEvent<E>[] =>
  events.map(
    (event, index) =>
      ({
        ...event,
        schemaVersion: 1,
        metadata: {},
        eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        streamId: 'test',
        streamRevision: BigInt(index),
        globalPosition: BigInt(index),
        occurredAt: at(event),
        recordedAt: at(event),
      }) as unknown as StoredEvent<E>,
  );

/**
 * An illustrative MDR template: seed 001 names "Professional Knowledge" as an area; the rest of the wording
 * is made up for tests and demos, as a provider would write its own.
 */
export const exampleMdrFramework: MdrFramework = {
  name: 'Mentor Development Review (example)',
  ratingScale: ['not yet', 'emerging', 'secure', 'confident'],
  areas: [
    {
      areaId: 'knowledge',
      title: 'Professional Knowledge',
      statements: [
        { statementId: 'k1', text: 'I know the ITT curriculum my trainee follows.' },
        { statementId: 'k2', text: 'I can link what my trainee learns at the provider to practice in school.' },
      ],
      suggestedActions: [
        { actionId: 'k-a1', text: "Read the provider's curriculum map for the term." },
        { actionId: 'k-a2', text: 'Attend a centre-based session with the trainee.' },
      ],
    },
    {
      areaId: 'coaching',
      title: 'Instructional Coaching',
      statements: [
        { statementId: 'c1', text: 'I set one precise, short-term target after each observation.' },
        { statementId: 'c2', text: 'I model the technique before the trainee practises it.' },
      ],
      suggestedActions: [{ actionId: 'c-a1', text: 'Observe an experienced mentor’s coaching conversation.' }],
    },
  ],
};

/** Frameworks of a few areas with unique ids, and the ids of their statements. */
export const mdrFrameworkArbitrary: fc.Arbitrary<MdrFramework> = fc
  .record({ areas: fc.integer({ min: 1, max: 4 }), statements: fc.integer({ min: 1, max: 4 }), scale: fc.integer({ min: 2, max: 6 }) })
  .map(({ areas, statements, scale }) => ({
    name: 'generated',
    ratingScale: Array.from({ length: scale }, (_, i) => `level ${i + 1}`),
    areas: Array.from({ length: areas }, (_, a) => ({
      areaId: `a${a}`,
      title: `Area ${a}`,
      statements: Array.from({ length: statements }, (_, s) => ({ statementId: `a${a}s${s}`, text: `Statement ${s}` })),
      suggestedActions: [{ actionId: `a${a}x`, text: 'Suggested action' }],
    })),
  }));
