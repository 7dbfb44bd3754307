import { systemClock, type Clock } from '@itt-ledger/core';
import type { CliIo } from './io.js';

export interface Progress {
  /** Counts `count` more events; on a terminal, redraws the line at most every {@link REDRAW_MS} of the clock. */
  tick(count?: number): void;
  /** Clears the line, so the report starts on a clean one. */
  done(): void;
}

export const REDRAW_MS = 100;
/** The clock is read once per this many events, not per event: a replay reads millions. */
export const CHECK_EVERY = 500;
const CLEAR_LINE = '\r\u001b[2K';
const silent: Progress = { tick: () => undefined, done: () => undefined };
const grouped = new Intl.NumberFormat('en-GB');

/** `reading export.jsonl: 120,000 events (40,000/s)` on stderr, overwritten in place; nothing when not on a terminal. */
export const createProgress = (io: Pick<CliIo, 'stderr' | 'isTTY' | 'clock'>, label: string): Progress => {
  if (!io.isTTY) return silent;
  const clock: Clock = io.clock ?? systemClock;
  const started = Date.parse(clock.now());
  let lastDraw = started;
  let count = 0;
  let nextCheck = CHECK_EVERY;
  let drawn = false;
  return {
    tick: (n = 1) => {
      count += n;
      if (count < nextCheck) return;
      nextCheck = count + CHECK_EVERY;
      const now = Date.parse(clock.now());
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const rate = Math.round((count * 1000) / Math.max(1, now - started));
      io.stderr.write(`${CLEAR_LINE}${label}: ${grouped.format(count)} events (${grouped.format(rate)}/s)`);
      drawn = true;
    },
    done: () => {
      if (drawn) io.stderr.write(CLEAR_LINE);
      drawn = false;
    },
  };
};
