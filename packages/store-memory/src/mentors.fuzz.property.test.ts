import {
  CommandRejectedError,
  createCommandHandler,
  createEventRegistry,
  createProjectionRunner,
  leadMentorDecider,
  leadMentorStreamId,
  mentorDecider,
  mentorDevelopmentReviewDecider,
  mentorDevelopmentReviewStreamId,
  mentorStreamId,
  mentorSupportDecider,
  mentorSupportStreamId,
  mentorTrainingDecider,
  mentorTrainingStreamId,
  providerTrainingRequirementDecider,
  providerTrainingRequirementStreamId,
  leadMentorCommandSchema,
  manualClock,
  mentorCommandSchema,
  mentorCommands,
  mentorDevelopmentReviewCommandSchema,
  mentorSupportCommandSchema,
  mentorTrainingCommandSchema,
  providerTrainingRequirementCommandSchema,
  seededIds,
  validateCommand,
  withInlineProjections,
  type Decider,
  type DomainEvent,
  type EventStore,
  type MentorCommands,
} from '@itt-ledger/core';
import {
  MENTOR_YEAR,
  corruptedInput,
  exampleMdrFramework,
  mentorYearEventDefinitions,
  mentorYearProjections,
  runMentorYear,
  type CorruptedInput,
} from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { callLabel, countingReads, sendCorrupted, type FuzzOutcome } from './fuzz.fixtures.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

// Every command of the mentors' aggregates, sent through the application service as untrusted input with
// one thing broken: refused with a typed error naming the broken field, or accepted when the break is
// harmless; never a crash, never a write on a refusal.

const { providerId, schoolId, academicYear, fullMentorId: asha, partMentorId: ben, leadMentorId: natalie } = MENTOR_YEAR;

type Method = keyof MentorCommands;
/** A service call as data: the method and its arguments by name, so one of them can be broken. */
interface Call {
  readonly method: Method;
  readonly args: Record<string, unknown>;
}

const call = (method: Method, args: Record<string, unknown>): Call => ({ method, args });

/** One valid call per command type, against the state `runMentorYear` leaves. */
const VALID: readonly Call[] = [
  call('mentor', { mentorId: 'mentor-new', command: { type: 'RegisterMentor', mentorId: 'mentor-new', schoolId, providerId, name: 'Nia Reed', email: 'nia@example.org', trn: '1234567' } }),
  call('mentor', { mentorId: asha, command: { type: 'CorrectMentorDetails', name: 'Asha Patel-Khan', email: 'asha@example.org', trn: '7654321' } }),
  call('mentor', { mentorId: ben, command: { type: 'MoveMentorToSchool', schoolId: 'school-elm', effectiveFrom: '2025-07-01' } }),
  call('training', {
    mentorId: asha,
    command: { type: 'RecordMentorTrainingSession', sessionId: 'fuzz-session', mentorId: asha, providerId, date: '2025-04-10', minutes: 60, mode: 'synchronous_online_twilight', academicYear, purpose: 'initial', title: 'Feedback' },
  }),
  call('training', { mentorId: asha, command: { type: 'CorrectMentorTrainingSession', sessionId: 'session-1', date: '2024-09-12', minutes: 300, mode: 'full_day_conference', reason: 'left early' } }),
  call('training', { mentorId: asha, command: { type: 'WithdrawMentorTrainingSession', sessionId: 'session-2', reason: 'entered twice' } }),
  call('training', {
    mentorId: ben,
    command: { type: 'RecognisePriorLearning', recognitionId: 'fuzz-prior', mentorId: ben, providerId, academicYear, kind: 'npqltd', description: 'NPQLTD', minutes: 60, recognisedBy: 'tutor-jo', recognisedOn: '2024-10-01' },
  }),
  call('training', { mentorId: ben, command: { type: 'WithdrawPriorLearning', recognitionId: 'prior-ben-ecf', reason: 'not evidenced' } }),
  call('requirement', {
    command: { type: 'SetProviderTrainingRequirement', providerId, academicYear: '2025/26', initialMinutes: 1200, refresherMinutes: 360, effectiveFrom: '2025-09-01', completeBy: '2026-05-29', note: 'as before' },
  }),
  call('review', { mentorId: ben, academicYear, command: { type: 'StartMentorDevelopmentReview', mentorId: ben, academicYear, providerId, startedOn: '2024-09-20', framework: exampleMdrFramework } }),
  call('review', { mentorId: asha, academicYear, command: { type: 'RecordSelfRatings', stage: 'revisit', ratedOn: '2025-03-01', ratings: [{ statementId: 'k1', level: 3 }], note: 'better' } }),
  call('review', { mentorId: asha, academicYear, command: { type: 'ChoosePriorityArea', areaId: 'coaching', chosenOn: '2025-03-01' } }),
  call('review', {
    mentorId: asha,
    academicYear,
    command: { type: 'AddDevelopmentAction', actionId: 'fuzz-action', areaId: 'coaching', origin: 'own', text: 'Film a lesson', addedOn: '2025-03-01', dueBy: '2025-04-01' },
  }),
  call('review', { mentorId: asha, academicYear, command: { type: 'CompleteDevelopmentAction', actionId: 'action-1', completedOn: '2024-10-24', note: 'done' } }),
  call('review', { mentorId: asha, academicYear, command: { type: 'RecordDevelopmentReflection', leadMentorId: natalie, reflectedOn: '2025-06-16', reflection: 'Grew', nextSteps: 'More' } }),
  call('review', { mentorId: asha, academicYear, command: { type: 'CompleteMentorDevelopmentReview', completedOn: '2025-06-20', documentRef: 'canvas://mdr' } }),
  call('leadMentor', { mentorId: ben, command: { type: 'AppointLeadMentor', leadMentorId: ben, providerId, appointedOn: '2025-01-06' } }),
  call('leadMentor', { mentorId: natalie, command: { type: 'EndLeadMentorAppointment', endedOn: '2025-08-29', reason: 'moved on' } }),
  call('leadMentor', { mentorId: natalie, command: { type: 'AssignSchoolToLeadMentor', schoolId: 'school-elm', from: '2025-01-06' } }),
  call('leadMentor', { mentorId: natalie, command: { type: 'ReleaseSchoolFromLeadMentor', schoolId, releasedOn: '2025-07-18' } }),
  call('leadMentor', {
    mentorId: natalie,
    command: { type: 'RecordCheckIn', checkInId: 'fuzz-check-in', schoolId, subject: 'mentor', subjectId: asha, date: '2025-03-03', mode: 'phone', note: 'all well' },
  }),
  call('leadMentor', { mentorId: natalie, command: { type: 'WithdrawCheckIn', checkInId: 'ci-1', reason: 'wrong school' } }),
  call('leadMentor', {
    mentorId: natalie,
    command: { type: 'RecordSupervision', supervisionId: 'fuzz-supervision', kind: 'supervision', mentorIds: [asha, ben], schoolId, date: '2025-03-04', minutes: 45, focus: 'Feedback' },
  }),
  call('support', { mentorId: asha, command: { type: 'AllocateProtectedTime', mentorId: asha, schoolId, academicYear: '2025/26', minutesPerWeek: 90, effectiveFrom: '2025-09-01' } }),
  call('support', { mentorId: ben, command: { type: 'RecordProtectedTimeUse', mentorId: ben, weekOf: '2024-09-30', minutesUsed: 50, minutesFromPpa: 10 } }),
  call('support', {
    mentorId: asha,
    command: { type: 'AwardRecognition', recognitionId: 'fuzz-recognition', mentorId: asha, kind: 'accredited_hours', title: 'Accredited', awardedOn: '2025-04-01', awardedBy: providerId, academicYear, accreditedMinutes: 600 },
  }),
  call('support', { mentorId: asha, command: { type: 'RevokeRecognition', recognitionId: 'cert-asha-2024', reason: 'issued in error' } }),
];

const send = (service: MentorCommands, method: Method, args: Record<string, unknown>): Promise<unknown> => {
  const { mentorId, academicYear: year, command } = args as { mentorId: string; academicYear: never; command: never };
  switch (method) {
    case 'requirement':
      return service.requirement(command);
    case 'review':
      return service.review(mentorId, year, command);
    default:
      return service[method](mentorId, command);
  }
};

/** A year of mentoring on a store with the read models inline, and the service over it. */
const mentorYearStore = async () => {
  const clock = manualClock('2024-09-02T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(mentorYearEventDefinitions), clock, ids: seededIds(11) });
  const runner = createProjectionRunner({ store, projections: mentorYearProjections });
  const inline = withInlineProjections(store, runner);
  await runMentorYear({ store: inline, clock });
  clock.set('2025-07-01T09:00:00.000Z');
  const counted = countingReads(inline);
  return { store, runner, counted, service: mentorCommands({ store: counted.store, clock }) };
};

const fuzzed = new Set<string>();
const outcomes: Record<FuzzOutcome, number> = { accepted: 0, invalid: 0, rejected: 0, invalidArgument: 0 };

/** The path of the break inside what was validated: the command's own fields, or the argument's name. */
const validatedPath = (path: CorruptedInput['path']): CorruptedInput['path'] => (path[0] === 'command' ? path.slice(1) : path);

/** One valid call of each type with one argument or field broken (never the argument list itself). */
const corruptedCall = fc
  .constantFrom(...VALID)
  .chain((valid) => corruptedInput(valid.args).filter(({ path }) => path.length > 0).map((corrupted) => ({ method: valid.method, label: callLabel(valid), corrupted })));

describe('mentor commands fuzzed through the service (properties)', () => {
  it('parses each valid command to itself: no field of a command type is dropped', async () => {
    const schemas = {
      mentor: mentorCommandSchema,
      training: mentorTrainingCommandSchema,
      requirement: providerTrainingRequirementCommandSchema,
      review: mentorDevelopmentReviewCommandSchema,
      leadMentor: leadMentorCommandSchema,
      support: mentorSupportCommandSchema,
    } as const;
    const { store, service } = await mentorYearStore();
    for (const { method, args } of VALID) {
      expect(validateCommand<unknown>(schemas[method], args.command)).toStrictEqual(args.command);
      const before = await store.readAll();
      const result = await send(service, method, structuredClone(args)).then(
        (accepted) => ({ accepted }),
        (error: unknown) => ({ error }),
      );
      if ('error' in result) {
        // Refused for the state the year left (e.g. a completed review), never for its shape.
        expect(result.error).toBeInstanceOf(CommandRejectedError);
        expect(await store.readAll()).toEqual(before);
      } else {
        const appended = (await store.readAll()).slice(before.length);
        for (const event of appended) expect(JSON.stringify(event.data)).not.toContain('undefined');
      }
    }
  });

  it('refuses a corrupted field with a typed error naming it, writes nothing, and never crashes', async () => {
    const { store, counted, service } = await mentorYearStore();
    await fc.assert(
      fc.asyncProperty(corruptedCall, async ({ method, label, corrupted }) => {
        fuzzed.add(label);
        // An invalid argument is the service's own check: a command that names another mentor than its stream.
        const outcome = await sendCorrupted({ store, counted }, validatedPath(corrupted.path), () => send(service, method, corrupted.input as Record<string, unknown>));
        outcomes[outcome]++;
      }),
      { numRuns: 600, seed: 20250901 },
    );
    expect([...fuzzed].sort()).toStrictEqual(VALID.map(callLabel).sort());
  }, 60_000);

  it('each decider refuses a corrupted command through its own command schema, before the handler reads', async () => {
    const { store } = await mentorYearStore();
    const counted = countingReads(store as unknown as EventStore<DomainEvent>);
    const clock = manualClock('2025-07-01T09:00:00.000Z');
    const handler = (decider: Decider<any, any, any>) => createCommandHandler({ store: counted.store, decider, clock });
    const handlers = {
      mentor: handler(mentorDecider),
      training: handler(mentorTrainingDecider),
      requirement: handler(providerTrainingRequirementDecider),
      review: handler(mentorDevelopmentReviewDecider),
      leadMentor: handler(leadMentorDecider),
      support: handler(mentorSupportDecider),
    } as const;
    const streamOf = (method: Method, args: Record<string, unknown>): string => {
      const { mentorId, academicYear: year, command } = args as { mentorId: string; academicYear: never; command: { providerId: string } };
      if (method === 'requirement') return providerTrainingRequirementStreamId(command.providerId);
      if (method === 'review') return mentorDevelopmentReviewStreamId(mentorId, year);
      return { mentor: mentorStreamId, training: mentorTrainingStreamId, leadMentor: leadMentorStreamId, support: mentorSupportStreamId }[method](mentorId);
    };
    const corruptedCommand = fc
      .constantFrom(...VALID)
      .chain((valid) => corruptedInput(valid.args.command).map((corrupted) => ({ valid, corrupted })));
    for (const decider of [mentorDecider, mentorTrainingDecider, providerTrainingRequirementDecider, mentorDevelopmentReviewDecider, leadMentorDecider, mentorSupportDecider]) {
      expect(decider.commandSchema).toBeDefined();
    }
    await fc.assert(
      fc.asyncProperty(corruptedCommand, async ({ valid, corrupted }) => {
        const send = () => handlers[valid.method](streamOf(valid.method, valid.args), corrupted.input);
        expect(await sendCorrupted({ store, counted }, corrupted.path, send)).not.toBe('invalidArgument');
      }),
      { numRuns: 300, seed: 20250902 },
    );
  }, 60_000);

  it('keeps ids such as __proto__ and constructor as plain data: read models compute and rebuild the same, no prototype changes', async () => {
    const { store, runner, service } = await mentorYearStore();
    const before = (await store.readAll()).length;
    for (const id of ['__proto__', 'constructor', 'toString']) {
      await service.mentor(id, { type: 'RegisterMentor', mentorId: id, schoolId: '__proto__', providerId: 'constructor', name: id });
      await service.training(id, { type: 'RecordMentorTrainingSession', sessionId: '__proto__', mentorId: id, providerId: '__proto__', date: '2024-10-01', minutes: 60, mode: 'full_day_conference' });
      await service.requirement({ type: 'SetProviderTrainingRequirement', providerId: '__proto__', academicYear, initialMinutes: 60, refresherMinutes: 30, effectiveFrom: '2024-09-01' });
      await service.review(id, academicYear, { type: 'StartMentorDevelopmentReview', mentorId: id, academicYear, providerId: '__proto__', startedOn: '2024-09-20', framework: exampleMdrFramework });
      await service.leadMentor(id, { type: 'AppointLeadMentor', leadMentorId: id, providerId: '__proto__', appointedOn: '2024-09-02' });
      await service.leadMentor(id, { type: 'AssignSchoolToLeadMentor', schoolId: '__proto__', from: '2024-09-02' });
      await service.leadMentor(id, { type: 'RecordCheckIn', checkInId: '__proto__', schoolId: '__proto__', subject: 'mentor', subjectId: 'constructor', date: '2024-10-01', mode: 'visit' });
      await service.support(id, { type: 'AwardRecognition', recognitionId: '__proto__', mentorId: id, kind: 'title', title: 'Lead', awardedOn: '2024-10-01', awardedBy: 'constructor' });
    }
    expect((await store.readAll()).length).toBe(before + 3 * 7 + 1);
    expect(Object.prototype).not.toHaveProperty('polluted');
    const rebuilt = createProjectionRunner({ store, projections: mentorYearProjections });
    await rebuilt.rebuild();
    for (const projection of mentorYearProjections) expect(rebuilt.state(projection)).toEqual(runner.state(projection));
  });

  afterAll(() => {
    console.log(
      `[fuzz] mentors: ${VALID.length} command types, ${outcomes.accepted} accepted, ${outcomes.invalid} refused as invalid input, ` +
        `${outcomes.rejected} refused by a rule, ${outcomes.invalidArgument} refused for a mismatched mentor`,
    );
  });
});
