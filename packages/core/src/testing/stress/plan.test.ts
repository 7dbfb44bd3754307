import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../kernel/errors.js';
import type { EventStore } from '../../kernel/store.js';
import type { ContractEvent } from '../contract/fixtures.js';
import { planStress } from './plan.js';
import { runStressTest } from './runStressTest.js';

const options = { commands: 400, streams: 10, hotStreams: 2, seed: 5, prefix: 'p-', occurredAt: '2024-09-02T08:00:00.000Z' };

describe('the stress workload', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(planStress(options)).toEqual(planStress(options));
    expect(planStress({ ...options, seed: 6 })).not.toEqual(planStress(options));
  });

  it('mixes every kind of command, sends half of them to the hot streams, and stays under the prefix', () => {
    const plan = planStress(options);
    expect(new Set(plan.map((step) => step.kind))).toEqual(new Set(['retrying', 'stale', 'idempotent', 'direct']));
    const hot = plan.filter((step) => step.streamId === 'p-stock-0' || step.streamId === 'p-stock-1').length;
    expect(hot / plan.length).toBeGreaterThan(0.45);
    expect(plan.every((step) => step.streamId.startsWith('p-stock-'))).toBe(true);
  });

  it.each([
    ['handlers', { handlers: 0 }],
    ['commands', { commands: 1.5 }],
    ['hotStreams', { hotStreams: -1 }],
    ['maxAttempts', { maxAttempts: 0 }],
  ])('refuses a bad %s before touching the store', async (field, bad) => {
    const untouched = {} as EventStore<ContractEvent>;
    await expect(runStressTest(untouched, bad)).rejects.toThrow(expect.objectContaining({ field }));
    await expect(runStressTest(untouched, bad)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
