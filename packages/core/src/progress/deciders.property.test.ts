import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressStepsArbitrary } from '../testing/arbitraries/progress.js';
import { applyProgressSteps, storedProgressHistory } from '../testing/arbitraries/progressHistory.js';

describe('progress deciders (property)', () => {
  it('decide events their schemas accept, or refuse with a typed reason and change nothing', () => {
    const reasons = new Set<string>();
    fc.assert(
      fc.property(progressStepsArbitrary(), (steps) => {
        // applyProgressSteps rethrows anything but a CommandRejectedError, and folds only what was decided;
        // storedProgressHistory validates every decided event against the registry, as a store would.
        const history = applyProgressSteps(steps);
        expect(storedProgressHistory(history)).toHaveLength(history.events.length);
        for (const reason of history.refusals) {
          expect(reason).toMatch(/^(reviewPoint|target|leadMentorQa|irp|welfare|progress)\.[a-z-]+$/);
          reasons.add(reason);
        }
      }),
      { numRuns: 1000, seed: 20241205 },
    );
    // Random commands meet the refusals of every aggregate.
    for (const prefix of ['reviewPoint', 'target', 'leadMentorQa', 'irp', 'welfare', 'progress']) {
      expect([...reasons].some((reason) => reason.startsWith(`${prefix}.`))).toBe(true);
    }
    expect(reasons.size).toBeGreaterThan(40);
  });
});
