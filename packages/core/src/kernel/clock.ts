import { InvalidArgumentError } from './errors.js';
import { toInstant, type Instant } from './instant.js';

// Time only moves forward, by whole milliseconds: recordedAt must never go back.
const checkStep = (field: string, ms: number) => {
  if (!Number.isInteger(ms) || ms < 0) throw new InvalidArgumentError(field, `expected a whole number of milliseconds ≥ 0, got ${ms}`);
};

/** The only way the library learns the time: inject one, never call `Date.now()` in domain code. */
export interface Clock {
  now(): Instant;
}

/** The wall clock. Formatting a Date costs more than reading it, so the string is kept for the millisecond. */
export const systemClock: Clock = (() => {
  let lastTime = Number.NaN;
  let lastInstant = '';
  return {
    now: () => {
      // eslint-disable-next-line no-restricted-syntax -- the one place the library reads the wall clock
      const time = Date.now();
      if (time !== lastTime) {
        lastTime = time;
        lastInstant = new Date(time).toISOString();
      }
      return lastInstant;
    },
  };
})();

/** Always the same instant. */
export const fixedClock = (at: Instant | Date): Clock => {
  const instant = toInstant(at, 'at');
  return { now: () => instant };
};

/** Starts at `start` and moves on by `stepMs` every time it is read: replays stay byte-identical. */
export const steppingClock = (start: Instant | Date, stepMs = 1): Clock => {
  checkStep('stepMs', stepMs);
  let time = Date.parse(toInstant(start, 'start'));
  return {
    now: () => {
      const instant = new Date(time).toISOString();
      time += stepMs;
      return instant;
    },
  };
};

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  set(at: Instant | Date): void;
  advance(ms: number): void;
}

export const manualClock = (start: Instant | Date): ManualClock => {
  let time = Date.parse(toInstant(start, 'start'));
  return {
    now: () => new Date(time).toISOString(),
    set: (at) => {
      time = Date.parse(toInstant(at, 'at'));
    },
    advance: (ms) => {
      // A test may move a manual clock back, as `set` can; it must still be a whole number.
      if (!Number.isInteger(ms)) throw new InvalidArgumentError('ms', `expected a whole number of milliseconds, got ${ms}`);
      time += ms;
    },
  };
};
