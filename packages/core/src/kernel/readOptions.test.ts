import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { checkExpectedRevisionOption, checkStreamId, planAllRead, planStreamRead, planSubscription } from './readOptions.js';

const refusal = (run: () => unknown): InvalidArgumentError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
};

describe('read plans', () => {
  it('default to forwards from the start, or backwards from the end, without a limit', () => {
    expect(planStreamRead()).toEqual({ direction: 'forwards', from: 'start', maxCount: Infinity });
    expect(planStreamRead({ direction: 'backwards' })).toEqual({ direction: 'backwards', from: 'end', maxCount: Infinity });
    expect(planAllRead({ fromPosition: 5n, maxCount: 0 })).toEqual({ direction: 'forwards', from: 5n, maxCount: 0, filter: undefined });
  });

  it('refuse bad counts, directions, starts and filters, naming the option', () => {
    expect(refusal(() => planStreamRead({ maxCount: -1 })).field).toBe('maxCount');
    expect(refusal(() => planStreamRead({ maxCount: 1.5 })).field).toBe('maxCount');
    expect(refusal(() => planStreamRead({ direction: 'sideways' as never })).field).toBe('direction');
    expect(refusal(() => planStreamRead({ fromRevision: -1n })).field).toBe('fromRevision');
    expect(refusal(() => planAllRead({ fromPosition: 3 as never })).field).toBe('fromPosition');
    expect(refusal(() => planAllRead({ filter: { eventTypes: 'A' as never } })).field).toBe('filter.eventTypes');
    expect(refusal(() => planAllRead({ filter: { streamPrefixes: [1] as never } })).field).toBe('filter.streamPrefixes');
  });

  it('subscriptions start after a checkpoint (-1 meaning before everything)', () => {
    expect(planSubscription()).toEqual({ after: 'start', filter: undefined });
    expect(planSubscription({ after: -1n }).after).toBe(-1n);
    expect(planSubscription({ after: 'end', filter: { eventTypes: ['A'] } })).toEqual({ after: 'end', filter: { eventTypes: ['A'] } });
    expect(refusal(() => planSubscription({ after: -2n })).field).toBe('after');
  });
});

describe('checkStreamId', () => {
  it('accepts non-empty ids of at most 512 characters without control characters', () => {
    expect(checkStreamId('trainee-1')).toBe('trainee-1');
    expect(checkStreamId('x'.repeat(512))).toHaveLength(512);
    for (const bad of ['', 'x'.repeat(513), 'a\nb', 'a\u0000b', 7, undefined]) {
      expect(refusal(() => checkStreamId(bad)).field).toBe('streamId');
    }
  });
});

describe('checkExpectedRevisionOption', () => {
  it('reads -1n as no_stream and refuses anything else below zero', () => {
    expect(checkExpectedRevisionOption(undefined)).toBe('any');
    expect(checkExpectedRevisionOption(-1n)).toBe('no_stream');
    for (const ok of ['any', 'no_stream', 'stream_exists', 0n, 12n] as const) expect(checkExpectedRevisionOption(ok)).toBe(ok);
    for (const bad of [-2n, 3, 'latest', null]) expect(refusal(() => checkExpectedRevisionOption(bad)).field).toBe('expectedRevision');
  });
});
