import { z } from 'zod';
import { InvalidArgumentError } from '../kernel/errors.js';
import type { LocalDate } from './localDate.js';

/** An academic year as England writes it, `2024/25`: 1 September 2024 to 31 August 2025 (domain.md, glossary). */
export type AcademicYear = `${number}/${number}`;

const FORM = /^(\d{4})\/(\d{2})$/;

export const isAcademicYear = (value: unknown): value is AcademicYear => {
  const match = typeof value === 'string' ? FORM.exec(value) : null;
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
};

export const academicYearSchema = z.string().refine(isAcademicYear, { message: 'expected an academic year such as 2024/25' }) as z.ZodType<AcademicYear>;

export const toAcademicYear = (value: string, field = 'academicYear'): AcademicYear => {
  if (!isAcademicYear(value)) throw new InvalidArgumentError(field, `expected an academic year such as 2024/25, got ${JSON.stringify(value)}`);
  return value;
};

const startYear = (year: AcademicYear): number => Number(year.slice(0, 4));

const named = (first: number): AcademicYear => `${first}/${String((first + 1) % 100).padStart(2, '0')}` as AcademicYear;

/** The academic year a date falls in: September onwards belongs to the year that starts then. */
export const academicYearOf = (date: LocalDate): AcademicYear => {
  const year = Number(date.slice(0, 4));
  return named(Number(date.slice(5, 7)) >= 9 ? year : year - 1);
};

export const academicYearStart = (year: AcademicYear): LocalDate => `${startYear(year)}-09-01`;
export const academicYearEnd = (year: AcademicYear): LocalDate => `${startYear(year) + 1}-08-31`;
export const nextAcademicYear = (year: AcademicYear): AcademicYear => named(startYear(year) + 1);
export const previousAcademicYear = (year: AcademicYear): AcademicYear => named(startYear(year) - 1);
