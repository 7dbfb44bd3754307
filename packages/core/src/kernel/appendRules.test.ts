import { describe, expect, it } from 'vitest';
import { checkExpectedRevision, compileFilter, findIdempotentAppend } from './appendRules.js';
import type { StoredEvent } from './envelope.js';
import { WrongExpectedRevisionError } from './errors.js';
import { deriveEventId } from './ids.js';
import type { PreparedEvent } from './registry.js';

describe('checkExpectedRevision', () => {
  const cases: [Parameters<typeof checkExpectedRevision>[1], bigint | undefined, boolean][] = [
    ['any', undefined, true],
    ['any', 4n, true],
    ['no_stream', undefined, true],
    ['no_stream', 0n, false],
    ['stream_exists', undefined, false],
    ['stream_exists', 0n, true],
    [2n, 2n, true],
    [2n, 3n, false],
    [0n, undefined, false],
  ];
  it.each(cases)('expected %s, current %s → ok %s', (expected, current, ok) => {
    const check = () => checkExpectedRevision('s', expected, current);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(WrongExpectedRevisionError);
  });

  it('reports the actual revision, or no_stream', () => {
    expect(() => checkExpectedRevision('s', 1n, undefined)).toThrow(expect.objectContaining({ streamId: 's', expected: 1n, actual: 'no_stream' }));
    expect(() => checkExpectedRevision('s', 'no_stream', 3n)).toThrow(expect.objectContaining({ actual: 3n }));
  });
});

describe('findIdempotentAppend', () => {
  const id = (n: number) => deriveEventId('e', n);
  const stream = [0, 1, 2, 3].map((n) => ({ eventId: id(n), streamRevision: BigInt(n), globalPosition: BigInt(10 + n) })) as unknown as StoredEvent[];
  const batch = (...ns: number[]) => ns.map((n) => ({ eventId: id(n) })) as unknown as PreparedEvent[];
  const find = (eventId: string) => {
    const index = stream.findIndex((event) => event.eventId === eventId);
    return index < 0 ? undefined : BigInt(index);
  };

  it('recognises a batch already standing where this append would have put it', () => {
    expect(findIdempotentAppend(stream, batch(1, 2), 0n, find)).toEqual({ nextExpectedRevision: 2n, position: 12n });
    expect(findIdempotentAppend(stream, batch(0, 1), 'no_stream', find)).toEqual({ nextExpectedRevision: 1n, position: 11n });
    expect(findIdempotentAppend(stream, batch(2, 3), 'any', find)).toEqual({ nextExpectedRevision: 3n, position: 13n });
  });

  it('does not, when the ids are elsewhere, out of order, partly new or the stream is empty', () => {
    expect(findIdempotentAppend(stream, batch(1, 2), 1n, find)).toBeUndefined();
    expect(findIdempotentAppend(stream, batch(2, 1), 'any', find)).toBeUndefined();
    expect(findIdempotentAppend(stream, batch(3, 4), 'any', find)).toBeUndefined();
    expect(findIdempotentAppend(stream, batch(9), 'stream_exists', find)).toBeUndefined();
    expect(findIdempotentAppend([], batch(0), 'any', () => undefined)).toBeUndefined();
    expect(findIdempotentAppend(stream, [], 'any', find)).toBeUndefined();
  });
});

describe('compileFilter', () => {
  const event = (type: string, streamId: string) => ({ type, streamId });
  it('matches everything without a filter', () => {
    expect(compileFilter(undefined)(event('A', 'x'))).toBe(true);
    expect(compileFilter({})(event('A', 'x'))).toBe(true);
  });
  it('ANDs types with prefixes and ORs within each list', () => {
    const keep = compileFilter({ eventTypes: ['A', 'B'], streamPrefixes: ['s-', 't-'] });
    expect(keep(event('A', 's-1'))).toBe(true);
    expect(keep(event('B', 't-1'))).toBe(true);
    expect(keep(event('C', 's-1'))).toBe(false);
    expect(keep(event('A', 'u-1'))).toBe(false);
    expect(compileFilter({ eventTypes: [] })(event('A', 's'))).toBe(false);
  });
});
