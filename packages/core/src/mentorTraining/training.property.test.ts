import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandRejectedError } from '../kernel/errors.js';
import { runProjection } from '../kernel/projection.js';
import {
  asStoredEvents,
  invalidTrainingSessionArbitrary,
  mentorTrainingCommandArbitrary,
  recordTrainingSessionArbitrary,
  trainingMinutesArbitrary,
  trainingModeArbitrary,
} from '../testing/arbitraries/mentors.js';
import type { MentorTrainingCommand } from './commands.js';
import { trainingCompliance } from './compliance.js';
import { trainingComplianceProjection, type TrainingComplianceEvent } from './complianceProjection.js';
import { mentorTrainingDecider, type MentorTrainingState } from './decider.js';
import type { MentorTrainingEvent } from './events.js';

const RUNS = { numRuns: 1000, seed: 20241113 };
const TODAY = '2024-10-01';

/** Runs commands through the decider as a command handler would: refused ones change nothing. */
const run = (commands: readonly MentorTrainingCommand[]) => {
  let state: MentorTrainingState = mentorTrainingDecider.initialState;
  const events: MentorTrainingEvent[] = [];
  for (const command of commands) {
    try {
      const decided = mentorTrainingDecider.decide(command, state);
      for (const event of decided) state = mentorTrainingDecider.evolve(state, event);
      events.push(...decided);
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
    }
  }
  return { state, events };
};

const rows = (events: readonly TrainingComplianceEvent[]) =>
  trainingCompliance(runProjection(trainingComplianceProjection, asStoredEvents(events)), { today: TODAY }).map(
    ({ mentorId, providerId, trainedMinutes, minutesByMode, sessionCount, priorLearningMinutes, remainingMinutes, status }) => ({
      mentorId,
      providerId,
      trainedMinutes,
      minutesByMode,
      sessionCount,
      priorLearningMinutes,
      remainingMinutes,
      status,
    }),
  );

const commandsArbitrary = fc.array(mentorTrainingCommandArbitrary(), { maxLength: 30 });

describe('mentor training properties', () => {
  it('only ever refuses with a CommandRejectedError, and withdrawn sessions never count', () => {
    fc.assert(
      fc.property(commandsArbitrary, (commands) => {
        const { state, events } = run(commands);
        const byProvider = new Map<string, number>();
        for (const session of state.sessions.values()) {
          if (!session.withdrawn) byProvider.set(session.providerId, (byProvider.get(session.providerId) ?? 0) + session.minutes);
        }
        const projected = new Map(rows(events).map((row) => [row.providerId, row.trainedMinutes]));
        for (const providerId of new Set([...byProvider.keys(), ...projected.keys()])) {
          expect(projected.get(providerId) ?? 0).toBe(byProvider.get(providerId) ?? 0);
        }
      }),
      RUNS,
    );
  });

  it('prior learning never counts as minutes trained', () => {
    fc.assert(
      fc.property(commandsArbitrary, (commands) => {
        const { events } = run(commands);
        const withoutPrior = events.filter((event) => !event.type.startsWith('MentorPriorLearning'));
        const strip = (list: ReturnType<typeof rows>) => list.filter((row) => row.sessionCount > 0).map(({ providerId, trainedMinutes, minutesByMode }) => ({ providerId, trainedMinutes, minutesByMode }));
        expect(strip(rows(events))).toEqual(strip(rows(withoutPrior)));
      }),
      RUNS,
    );
  });

  it("compliance doesn't depend on the order sessions were recorded", () => {
    const sessions = fc.uniqueArray(
      fc.tuple(fc.constantFrom('m1', 'm2', 'm3'), recordTrainingSessionArbitrary()).map(([mentorId, command]) => ({ ...command, mentorId })),
      { selector: (command) => `${command.mentorId}|${command.sessionId}`, maxLength: 25 },
    );
    fc.assert(
      fc.property(
        sessions.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([recorded, shuffled]) => {
          const completed = (list: typeof recorded): TrainingComplianceEvent[] =>
            list.map(({ type: _type, ...data }) => ({ type: 'MentorTrainingSessionCompleted', data: { ...data, purpose: 'initial' } }));
          expect(rows(completed(shuffled))).toEqual(rows(completed(recorded)));
        },
      ),
      RUNS,
    );
  });

  it('a correction and then its reversal restore the result', () => {
    fc.assert(
      fc.property(
        commandsArbitrary,
        fc.nat(),
        fc.record({ minutes: trainingMinutesArbitrary, mode: trainingModeArbitrary, day: fc.integer({ min: 0, max: 200 }) }),
        (commands, pick, change) => {
          const { state, events } = run(commands);
          const live = [...state.sessions.entries()].filter(([, session]) => !session.withdrawn);
          fc.pre(live.length > 0);
          const [sessionId, original] = live[pick % live.length]!;
          const date = `2024-${String(9 + Math.floor(change.day / 60)).padStart(2, '0')}-${String(1 + (change.day % 28)).padStart(2, '0')}`;
          const { events: back } = run([
            ...commands,
            { type: 'CorrectMentorTrainingSession', sessionId, date, minutes: change.minutes, mode: change.mode, reason: 'typo' },
            { type: 'CorrectMentorTrainingSession', sessionId, date: original.date, minutes: original.minutes, mode: original.mode, reason: 'undo' },
          ]);
          expect(rows(back)).toEqual(rows(events));
        },
      ),
      RUNS,
    );
  });

  it('refuses invalid sessions, naming the field, and decides nothing', () => {
    fc.assert(
      fc.property(commandsArbitrary, invalidTrainingSessionArbitrary, (commands, { command, field }) => {
        const { state } = run(commands);
        let refused: unknown;
        try {
          mentorTrainingDecider.decide(command, state);
        } catch (error) {
          refused = error;
        }
        expect(refused).toBeInstanceOf(CommandRejectedError);
        // A duplicate id may be found first; otherwise the broken field is named.
        const error = refused as CommandRejectedError;
        if (error.reason !== 'training.duplicate-session') expect(error.field).toBe(field);
      }),
      RUNS,
    );
  });
});
