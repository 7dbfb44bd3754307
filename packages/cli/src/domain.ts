import { createEventRegistry, placementsDomainDefinitions } from '@itt-ledger/core';
import type { ReportCommand } from './report.js';

/**
 * What the `itt-ledger` binary knows of the domain: every event type a store may hold, and the reports.
 * The one place to wire them: add each domain area's definitions here, and its reports to the list.
 */
export const domainRegistry = createEventRegistry([...placementsDomainDefinitions]);

export const domainReports: readonly ReportCommand[] = [];
