import { steppingClock } from '@itt-ledger/core';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY, createProgress } from './progress.js';

const sink = () => {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
};

describe('progress', () => {
  it('on a terminal, redraws one line in place with the count and the rate, then clears it', () => {
    const stderr = sink();
    // Every read of this clock is 50 ms after the last: a redraw every other check.
    const progress = createProgress({ stderr, isTTY: true, clock: steppingClock('2024-09-02T08:00:00.000Z', 50) }, 'reading x.jsonl');
    for (let i = 0; i < 8; i++) progress.tick(CHECK_EVERY);
    progress.done();
    const frames = stderr.text().split('\r\u001b[2K');
    expect(frames).toEqual(['', 'reading x.jsonl: 1,000 events (10,000/s)', 'reading x.jsonl: 2,000 events (10,000/s)', 'reading x.jsonl: 3,000 events (10,000/s)', 'reading x.jsonl: 4,000 events (10,000/s)', '']);
  });

  it('reads the clock only every few hundred events, and prints nothing for a short read', () => {
    const stderr = sink();
    let reads = 0;
    const progress = createProgress({ stderr, isTTY: true, clock: { now: () => (reads++, '2024-09-02T08:00:00.000Z') } }, 'x');
    for (let i = 0; i < CHECK_EVERY * 3; i++) progress.tick();
    progress.done();
    expect(reads).toBe(4);
    expect(stderr.text()).toBe('');
  });

  it('stays quiet when not on a terminal', () => {
    const stderr = sink();
    const progress = createProgress({ stderr, isTTY: false, clock: steppingClock('2024-09-02T08:00:00.000Z', 1_000) }, 'x');
    for (let i = 0; i < 10; i++) progress.tick(CHECK_EVERY);
    progress.done();
    expect(stderr.text()).toBe('');
  });
});
