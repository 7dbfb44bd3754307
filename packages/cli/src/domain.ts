import { createIttLedgerRegistry } from '@itt-ledger/core';
import type { ReportCommand } from './report.js';
import { entitlementReport } from './reports/entitlement.js';
import { fundingReport } from './reports/funding.js';
import { irpsReport } from './reports/irps.js';
import { mentorsReport } from './reports/mentors.js';
import { STANDARD_RULES, type ReportRules } from './reports/options.js';
import { replayReport } from './reports/replay.js';
import { schoolSummaryReport } from './reports/schoolSummary.js';

/**
 * What the `itt-ledger` binary knows of the domain: every event type a store may hold, and the reports.
 * The one place to wire them: each report is a module in `reports/` built on the domain's read models.
 */
export const domainRegistry = createIttLedgerRegistry();

/** The six reports, judging by a rule book: the library's standard one, or a provider's own. */
export const createDomainReports = (rules: ReportRules = STANDARD_RULES): readonly ReportCommand[] => [
  replayReport(rules),
  entitlementReport(rules),
  irpsReport(),
  mentorsReport(rules),
  fundingReport(rules),
  schoolSummaryReport(rules),
];

export const domainReports: readonly ReportCommand[] = createDomainReports();
