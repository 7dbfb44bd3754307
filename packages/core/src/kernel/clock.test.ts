import { describe, expect, it } from 'vitest';
import { fixedClock, manualClock, steppingClock, systemClock } from './clock.js';
import { InvalidArgumentError } from './errors.js';
import { isNormalInstant } from './instant.js';

const START = '2024-09-02T08:00:00.000Z';

describe('clocks', () => {
  it('fixedClock always gives the same normalised instant', () => {
    const clock = fixedClock('2024-09-02T09:00:00+01:00');
    expect([clock.now(), clock.now()]).toEqual([START, START]);
    expect(fixedClock(new Date(START)).now()).toBe(START);
  });

  it('steppingClock starts at its start and moves on by its step on every read', () => {
    const clock = steppingClock(START, 250);
    expect([clock.now(), clock.now(), clock.now()]).toEqual([START, '2024-09-02T08:00:00.250Z', '2024-09-02T08:00:00.500Z']);
    const byMs = steppingClock(START);
    byMs.now();
    expect(byMs.now()).toBe('2024-09-02T08:00:00.001Z');
  });

  it('manualClock moves only when told', () => {
    const clock = manualClock(START);
    expect([clock.now(), clock.now()]).toEqual([START, START]);
    clock.advance(60_000);
    expect(clock.now()).toBe('2024-09-02T08:01:00.000Z');
    clock.set('2025-01-01T00:00:00Z');
    expect(clock.now()).toBe('2025-01-01T00:00:00.000Z');
    clock.advance(-1);
    expect(clock.now()).toBe('2024-12-31T23:59:59.999Z');
  });

  it('refuses a start or instant that is not an ISO date-time with a zone, naming the argument', () => {
    expect(() => fixedClock('2024-09-02')).toThrow(InvalidArgumentError);
    expect(() => steppingClock('soon')).toThrow(/^start:/);
    const clock = manualClock(START);
    expect(() => clock.set('2024-09-02T08:00:00')).toThrow(/^at:/);
    expect(clock.now()).toBe(START);
  });

  it('systemClock gives normal instants', () => {
    expect(isNormalInstant(systemClock.now())).toBe(true);
  });
});
