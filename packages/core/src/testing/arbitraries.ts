import fc from 'fast-check';
import type { EventMetadata } from '../kernel/envelope.js';
import type { Instant } from '../kernel/instant.js';

const DAY = 86_400_000;

/** Instants in normal form between two dates (defaults: the 2024/25 and 2025/26 academic years). */
export const instantArbitrary = (
  from: Instant = '2024-09-01T00:00:00.000Z',
  to: Instant = '2026-08-31T23:59:59.999Z',
): fc.Arbitrary<Instant> =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((time) => new Date(time).toISOString());

/** Calendar dates (`YYYY-MM-DD`) between two dates, inclusive. */
export const dateArbitrary = (from = '2024-09-01', to = '2026-08-31'): fc.Arbitrary<string> =>
  fc.integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY }).map((day) => new Date(day * DAY).toISOString().slice(0, 10));

/** Stream ids as the library makes them: an optional prefix and a nanoid-alphabet tail. */
export const streamIdArbitrary = (prefix = ''): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: 8, maxLength: 21 }).map((tail) => prefix + tail);

/** Event ids: UUIDs of versions 4 and 5. */
export const eventIdArbitrary: fc.Arbitrary<string> = fc.uuid({ version: [4, 5] });

/** Metadata with any subset of its fields. */
export const metadataArbitrary: fc.Arbitrary<EventMetadata> = fc.record(
  {
    correlationId: fc.string({ minLength: 1, maxLength: 40 }),
    causationId: fc.string({ minLength: 1, maxLength: 40 }),
    actor: fc.string({ minLength: 1, maxLength: 40 }),
  },
  { requiredKeys: [] },
);
