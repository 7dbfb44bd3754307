import { describe, expect, it } from 'vitest';
import { deriveEventId, isUuid, randomIds, seededIds } from './ids.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STREAM_TAIL = /^[A-Za-z0-9_-]{21}$/;

const take = (seed: number, n = 5) => {
  const ids = seededIds(seed);
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? ids.eventId() : ids.streamId('s-')));
};

describe('seededIds', () => {
  it('gives the same sequence for the same seed', () => {
    expect(take(42)).toEqual(take(42));
  });

  it('gives different sequences for different seeds', () => {
    expect(take(1)).not.toEqual(take(2));
    expect(seededIds(1).eventId()).not.toBe(seededIds(2).eventId());
  });

  it('makes version 4 UUIDs, distinct within a sequence', () => {
    const ids = seededIds(3);
    const many = Array.from({ length: 2_000 }, () => ids.eventId());
    for (const id of many) expect(id).toMatch(UUID_V4);
    expect(new Set(many).size).toBe(many.length);
  });

  it('makes stream ids of 21 url-safe characters after the prefix', () => {
    const ids = seededIds(4);
    const id = ids.streamId('trainee-');
    expect(id.startsWith('trainee-')).toBe(true);
    expect(id.slice('trainee-'.length)).toMatch(STREAM_TAIL);
    expect(ids.streamId()).toMatch(STREAM_TAIL);
  });
});

describe('randomIds', () => {
  it('makes version 4 UUIDs and prefixed stream ids', () => {
    expect(randomIds.eventId()).toMatch(UUID_V4);
    expect(randomIds.eventId()).not.toBe(randomIds.eventId());
    expect(randomIds.streamId('x-')).toMatch(/^x-[A-Za-z0-9_-]{21}$/);
  });

  it('keeps making distinct version 4 UUIDs across many refills of its pool', () => {
    const many = Array.from({ length: 2_000 }, () => randomIds.eventId());
    for (const id of many) expect(id).toMatch(UUID_V4);
    expect(new Set(many).size).toBe(many.length);
    // The variant nibble is spread over 8–b, as in any random v4 UUID.
    expect(new Set(many.map((id) => id[19])).size).toBe(4);
  });
});

describe('deriveEventId', () => {
  it('is a deterministic version 5 UUID', () => {
    const id = deriveEventId('command-1', 0);
    expect(id).toMatch(UUID_V5);
    expect(deriveEventId('command-1', 0)).toBe(id);
    expect(isUuid(id)).toBe(true);
  });

  it('differs when any part differs, or the parts are split differently', () => {
    const ids = [
      deriveEventId('command-1', 0),
      deriveEventId('command-1', 1),
      deriveEventId('command-2', 0),
      deriveEventId('command-1'),
      deriveEventId('ab', 'c'),
      deriveEventId('a', 'bc'),
      deriveEventId('abc'),
      deriveEventId('a\u0000b'),
      deriveEventId('a', 'b'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('matches an independent RFC 4122 version 5 computation in the URL namespace', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'itt-ledger:["x"]') and 'itt-ledger:["command-1",0]'.
    expect(deriveEventId('x')).toBe('cba22bf3-8c1b-5204-8496-36a7f329b3cf');
    expect(deriveEventId('command-1', 0)).toBe('869fa033-69f2-5f6e-a7f8-6ab709a9fbee');
  });
});

describe('isUuid', () => {
  it('accepts UUIDs of versions 1 to 8 only', () => {
    expect(isUuid('0b7c5b1e-3d2a-4f6e-9a1b-2c3d4e5f6a7b')).toBe(true);
    expect(isUuid('0B7C5B1E-3D2A-4F6E-9A1B-2C3D4E5F6A7B')).toBe(true);
    for (const bad of ['', 'x', '0b7c5b1e-3d2a-0f6e-9a1b-2c3d4e5f6a7b', '0b7c5b1e-3d2a-4f6e-7a1b-2c3d4e5f6a7b', '0b7c5b1e3d2a4f6e9a1b2c3d4e5f6a7b', 42, null]) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});
