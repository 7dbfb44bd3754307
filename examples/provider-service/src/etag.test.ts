import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etagOf, expectedRevisionFrom } from './etag.js';
import { HttpError } from './http.js';

describe('ETag and If-Match', () => {
  it('reads back every revision it tags', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (revision) => {
        expect(expectedRevisionFrom(etagOf(revision))).toBe(revision);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('takes * as "the stream exists" and refuses weak tags, lists and bare numbers', () => {
    expect(expectedRevisionFrom(undefined)).toBeUndefined();
    expect(expectedRevisionFrom(' * ')).toBe('stream_exists');
    for (const header of ['W/"3"', '"3", "4"', '3', '"03"', '"-1"', '""']) {
      expect(() => expectedRevisionFrom(header)).toThrow(HttpError);
    }
  });

  it('either refuses a header with a 400 naming If-Match or reads the revision it tags', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        try {
          const revision = expectedRevisionFrom(header);
          expect(revision === 'stream_exists' ? '*' : etagOf(revision as bigint)).toBe(header.trim());
        } catch (error) {
          expect(error).toMatchObject({ status: 400, field: 'if-match' });
        }
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});
