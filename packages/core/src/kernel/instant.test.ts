import { describe, expect, it } from 'vitest';
import { isNormalInstant, parseInstant, toInstant } from './instant.js';
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
  it('accepts valid Dates and refuses invalid ones and non-strings', () => {
    expect(parseInstant(new Date('2024-09-02T08:00:00.000Z'))).toBe('2024-09-02T08:00:00.000Z');
    expect(parseInstant(new Date(Number.NaN))).toBeUndefined();
    expect(parseInstant(1725264000000)).toBeUndefined();
    expect(toInstant('2024-09-02T08:00:00.5Z')).toBe('2024-09-02T08:00:00.500Z');
  });
  it('isNormalInstant accepts only the stored form', () => {
    expect(isNormalInstant('2024-09-02T08:00:00.000Z')).toBe(true);
    expect(isNormalInstant('2024-09-02T08:00:00Z')).toBe(false);
    expect(isNormalInstant('2024-09-02T09:00:00.000+01:00')).toBe(false);
    expect(isNormalInstant('2024-02-30T08:00:00.000Z')).toBe(false);
  });
});
