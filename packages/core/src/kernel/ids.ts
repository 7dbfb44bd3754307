import { createHash, randomUUID } from 'node:crypto';
import { customRandom, nanoid, urlAlphabet } from 'nanoid';

/** Where ids come from: injected so that a replay or a test produces the same ids every time. */
export interface IdGenerator {
  /** An event id: always a UUID, as EventStoreDB requires. */
  eventId(): string;
  /** An aggregate or stream id (nanoid), optionally after a prefix such as `trainee-`. */
  streamId(prefix?: string): string;
}

const STREAM_ID_SIZE = 21;

export const randomIds: IdGenerator = {
  eventId: () => randomUUID(),
  streamId: (prefix = '') => prefix + nanoid(STREAM_ID_SIZE),
};

/** A seeded random number generator in [0, 1) (mulberry32): reproducible workloads and ids, never secrets. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Deterministic ids from a seed: the same seed gives the same sequence of ids. */
export const seededIds = (seed: number): IdGenerator => {
  const random = seededRandom(seed);
  const bytes = (size: number) => {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) out[i] = Math.floor(random() * 256);
    return out;
  };
  const nextStreamId = customRandom(urlAlphabet, STREAM_ID_SIZE, bytes);
  return {
    eventId: () => formatUuid(bytes(16), 4),
    streamId: (prefix = '') => prefix + nextStreamId(),
  };
};

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const formatUuid = (bytes: Uint8Array, version: 4 | 5): string => {
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | (version << 4);
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i] ?? 0];
  }
  return out;
};

// The RFC 4122 URL namespace; names are prefixed with `itt-ledger:` so our ids cannot collide with others'.
const NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/**
 * A UUID (version 5) derived from its parts: the same command retried yields the same event ids,
 * which is what makes a retried append a no-op on the store.
 */
export const deriveEventId = (...parts: readonly (string | number)[]): string => {
  // JSON keeps the parts apart: ('a', 'b') and ('a,b') name different ids.
  const hash = createHash('sha1').update(NAMESPACE).update(`itt-ledger:${JSON.stringify(parts)}`).digest();
  return formatUuid(new Uint8Array(hash.subarray(0, 16)), 5);
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
