import { InvalidArgumentError } from '../kernel/errors.js';

/** Who a report is for. Each report names its audience, and what it must never contain follows from it. */
export const REPORT_AUDIENCES = ['provider_leadership', 'lead_mentor', 'school', 'trainee', 'funding', 'auditor', 'welfare_lead'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

/**
 * Only these may read special category data (welfare notes): the provider's designated welfare lead (a
 * provider may designate its lead mentor, who "monitors the progress and welfare of each ITT teacher",
 * seed 004).
 */
export const SPECIAL_CATEGORY_AUDIENCES: readonly ReportAudience[] = ['welfare_lead'];

export interface ReportKind {
  readonly name: string;
  readonly audience: readonly ReportAudience[];
  /** True only for a report every one of whose audience may read special category data. */
  readonly specialCategoryData: boolean;
}

export const reportKind = (name: string, audience: readonly ReportAudience[], specialCategoryData = false): ReportKind => {
  if (specialCategoryData && !audience.every((who) => SPECIAL_CATEGORY_AUDIENCES.includes(who))) {
    throw new InvalidArgumentError('audience', `report ${name}: special category data only for ${SPECIAL_CATEGORY_AUDIENCES.join(', ')}`);
  }
  return Object.freeze({ name, audience: Object.freeze([...audience]), specialCategoryData });
};

export const REPORTS = Object.freeze({
  traineeTimeline: reportKind('trainee progress timeline', ['provider_leadership', 'lead_mentor', 'trainee', 'auditor']),
  irpRegister: reportKind('IRP register', ['provider_leadership']),
  reviewPointCompliance: reportKind('review-point compliance', ['provider_leadership', 'lead_mentor', 'auditor']),
  schoolSummary: reportKind('school summary report', ['school', 'provider_leadership', 'lead_mentor']),
  welfareLog: reportKind('welfare log', ['welfare_lead'], true),
});
