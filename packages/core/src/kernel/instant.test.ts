import { describe, expect, it } from 'vitest';
import { parseInstant, toInstant } from './instant.js';
import { InvalidArgumentError } from './errors.js';

describe('instants', () => {
  it('normalises offsets to UTC with milliseconds', () => {
    expect(parseInstant('2024-09-02T09:00:00+01:00')).toBe('2024-09-02T08:00:00.000Z');
    expect(parseInstant('2024-09-02T08:00Z')).toBe('2024-09-02T08:00:00.000Z');
  });
  it('refuses dates that do not exist and strings without a zone', () => {
    expect(parseInstant('2024-02-30T00:00:00.000Z')).toBeUndefined();
    expect(parseInstant('2024-09-02T08:00:00')).toBeUndefined();
    expect(() => toInstant('yesterday', 'occurredAt')).toThrow(InvalidArgumentError);
  });
});
