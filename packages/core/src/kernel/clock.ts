import { toInstant, type Instant } from './instant.js';

/** The only way the library learns the time: inject one, never call `Date.now()` in domain code. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Always the same instant. */
export const fixedClock = (at: Instant | Date): Clock => {
  const instant = toInstant(at, 'at');
  return { now: () => instant };
};

/** Starts at `start` and moves on by `stepMs` every time it is read: replays stay byte-identical. */
export const steppingClock = (start: Instant | Date, stepMs = 1): Clock => {
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
      time += ms;
    },
  };
};
