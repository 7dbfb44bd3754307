import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateOption, parseOptions } from './args.js';
import { UsageError } from './io.js';

describe('dates on the command line', () => {
  it('takes a date as the end of that day in UTC, and an instant in any ISO form with a zone', () => {
    expect(parseDateOption('as-of', '2024-09-13')).toBe('2024-09-13T23:59:59.999Z');
    expect(parseDateOption('as-of', '2024-02-29')).toBe('2024-02-29T23:59:59.999Z');
    expect(parseDateOption('known-at', '2024-09-13T10:00:00Z')).toBe('2024-09-13T10:00:00.000Z');
    expect(parseDateOption('known-at', '2024-09-13T10:00+01:00')).toBe('2024-09-13T09:00:00.000Z');
  });

  it('refuses anything else with a usage error naming the flag (property)', () => {
    const notADate = fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(s));
    const impossible = fc.constantFrom('2023-02-29', '2024-13-01', '2024-09-31', '2024-09-13T25:00:00Z', '2024-09-13T10:00:00', '13/09/2024', '');
    fc.assert(
      fc.property(fc.oneof(notADate, impossible), fc.constantFrom('as-of', 'known-at'), (value, flag) => {
        expect(() => parseDateOption(flag, value)).toThrow(UsageError);
        expect(() => parseDateOption(flag, value)).toThrow(new RegExp(`^--${flag}: expected a date \\(YYYY-MM-DD\\) or an ISO 8601 instant with a zone`));
      }),
      { numRuns: 300, seed: 20240902 },
    );
  });
});

describe('options', () => {
  const specs = { room: { type: 'string', description: 'r', valueName: 'ID', required: true }, json: { type: 'boolean', description: 'j' } } as const;

  it('parses strictly and checks required options', () => {
    expect(parseOptions('stock', ['--room', 'r1', '--json'], specs)).toEqual({ room: 'r1', json: true });
    expect(parseOptions('stock', ['--room=r1'], specs)).toEqual({ room: 'r1' });
    expect(() => parseOptions('stock', [], specs)).toThrow('stock needs --room ID');
    expect(() => parseOptions('stock', ['--room', ''], specs)).toThrow('--room needs a value');
    expect(() => parseOptions('stock', ['--room', 'r', '-x'], specs)).toThrow("unknown option '-x' for stock");
  });
});
