import { CommandRejectedError, type HandleOptions, type Instant, type LocalDate, type ManualClock } from '@itt-ledger/core';

/** A command sent on one day about something that happened on that day or before. */
export interface Step {
  /** When it happened in the school: `occurredAt` of the events it writes. */
  readonly occurredOn: LocalDate;
  /** When the provider's system learnt it: the clock is set to this before the step runs (`recordedAt`). */
  readonly recordedOn: LocalDate;
  readonly run: (options: HandleOptions) => Promise<unknown>;
  /** A command the rules must refuse, and what it tried: the demo shows the refusal, and fails if it was accepted. */
  readonly refused?: string;
}

export interface Schedule {
  /** A step that happened on `occurredOn` and was entered on `recordedOn` (the same day unless given). */
  on(occurredOn: LocalDate, run: Step['run'], recordedOn?: LocalDate): void;
  /** A step the rules must refuse; `what` says what it tried. */
  refused(occurredOn: LocalDate, what: string, run: Step['run']): void;
  /** Runs every step in the order the system learnt of them; returns the refusals, `date what: reason (field)`. */
  run(clock: ManualClock, actor: string): Promise<string[]>;
}

/** In the school at half past three; entered at five. */
const occurredAt = (day: LocalDate): Instant => `${day}T15:30:00.000Z`;
const recordedAt = (day: LocalDate): Instant => `${day}T17:00:00.000Z`;

/**
 * Steps are written area by area and run in recorded-time order (a stable sort keeps one day's steps as
 * written), so the clock only moves forward and each event's two clocks tell when it happened and when
 * it was entered.
 */
export const createSchedule = (): Schedule => {
  const steps: Step[] = [];
  return {
    on: (occurredOn, run, recordedOn = occurredOn) => void steps.push({ occurredOn, recordedOn, run }),
    refused: (occurredOn, what, run) => void steps.push({ occurredOn, recordedOn: occurredOn, run, refused: what }),
    run: async (clock, actor) => {
      const refusals: string[] = [];
      const ordered = [...steps].sort((a, b) => (a.recordedOn < b.recordedOn ? -1 : a.recordedOn > b.recordedOn ? 1 : 0));
      for (const step of ordered) {
        clock.set(recordedAt(step.recordedOn));
        try {
          await step.run({ occurredAt: occurredAt(step.occurredOn), metadata: { actor } });
        } catch (error) {
          if (step.refused === undefined || !(error instanceof CommandRejectedError)) throw error;
          refusals.push(`${step.occurredOn} ${step.refused}: ${error.reason} (${error.field ?? '-'})`);
          continue;
        }
        if (step.refused !== undefined) throw new Error(`accepted, but the rules must refuse it: ${step.refused} (${step.occurredOn})`);
      }
      return refusals;
    },
  };
};
