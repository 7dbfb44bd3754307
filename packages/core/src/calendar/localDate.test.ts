import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { academicYearEnd, academicYearOf, academicYearStart, isAcademicYear, nextAcademicYear, previousAcademicYear } from './academicYear.js';
import { addDays, dayNumber, dayOfWeek, daysBetween, isLocalDate, toLocalDate, weekStartOf, weeksBetween } from './localDate.js';

const dates = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays('1970-01-01', n));

describe('LocalDate', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2024-13-01')).toBe(false);
    expect(isLocalDate('2024-9-1')).toBe(false);
    expect(isLocalDate(20240901)).toBe(false);
    expect(() => toLocalDate('2024-02-30', 'meetingDate')).toThrow(/meetingDate/);
  });

  it('knows the day of the week and the Monday of the week', () => {
    expect(dayOfWeek('2024-09-02')).toBe(1);
    expect(dayOfWeek('2024-09-08')).toBe(7);
    expect(weekStartOf('2024-09-08')).toBe('2024-09-02');
    expect(weekStartOf('1969-12-31')).toBe('1969-12-29');
    expect(weeksBetween('2024-09-04', '2024-09-16')).toEqual(['2024-09-02', '2024-09-09', '2024-09-16']);
  });

  it('adds days and counts them back (property)', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
        expect(dayNumber(addDays(date, n))).toBe(dayNumber(date)! + n);
        expect(dayOfWeek(weekStartOf(date))).toBe(1);
        expect(daysBetween(weekStartOf(date), date)).toBeLessThan(7);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe('AcademicYear', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearOf('2024-09-01')).toBe('2024/25');
    expect(academicYearOf('2025-08-31')).toBe('2024/25');
    expect(academicYearOf('1999-09-01')).toBe('1999/00');
    expect(academicYearStart('2024/25')).toBe('2024-09-01');
    expect(academicYearEnd('2024/25')).toBe('2025-08-31');
    expect(nextAcademicYear('1999/00')).toBe('2000/01');
    expect(previousAcademicYear('2025/26')).toBe('2024/25');
    expect(isAcademicYear('2024/26')).toBe(false);
  });

  it('holds every date of its own span (property)', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const year = academicYearOf(date);
        expect(academicYearStart(year) <= date && date <= academicYearEnd(year)).toBe(true);
      }),
      { numRuns: 1000, seed: 12 },
    );
  });
});
