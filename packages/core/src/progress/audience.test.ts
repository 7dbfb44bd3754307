import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../kernel/errors.js';
import { REPORTS, SPECIAL_CATEGORY_AUDIENCES, reportKind } from './audience.js';
import { endOfDay } from './asOf.js';

describe('report audiences', () => {
  it('gives special category data only to audiences cleared for it', () => {
    expect(() => reportKind('welfare digest', ['school', 'welfare_lead'], true)).toThrow(InvalidArgumentError);
    for (const report of Object.values(REPORTS)) {
      expect(report.specialCategoryData).toBe(report.audience.every((who) => SPECIAL_CATEGORY_AUDIENCES.includes(who)));
    }
    expect(REPORTS.schoolSummary.audience).toContain('school');
    expect(Object.isFrozen(REPORTS.irpRegister.audience)).toBe(true);
  });

  it('reads "as of a date" as the end of that school day', () => {
    expect(endOfDay('2024-11-21')).toBe('2024-11-21T23:59:59.999Z');
    expect(() => endOfDay('2024-11-31')).toThrow(InvalidArgumentError);
  });
});
