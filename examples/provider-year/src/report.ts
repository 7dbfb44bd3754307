import {
  formatClaimsRegister,
  formatMentorPortfolio,
  formatTrainingCompliance,
  mentorPortfolio,
  mentorPortfolioProjection,
  providerClaimsRegister,
  standardRuleBook,
  trainingCompliance,
  trainingComplianceProjection,
  type RuleBook,
} from '@itt-ledger/core';
import { PROVIDER_YEAR } from './cast.js';
import { directoryOf, type YearEvent } from './directory.js';
import { behindSection, clocksSection, entitlementSection } from './entitlementReport.js';
import { recoveryPlanSection, reviewPointsSection } from './progressReport.js';
import { foldReadModels, providerYearProjections } from './readModels.js';
import { heading, indent } from './text.js';

export interface ProviderYearReportOptions {
  readonly ruleBook?: RuleBook;
  /** The commands refused during the run (they wrote nothing, so the events cannot tell them). */
  readonly refusals?: readonly string[];
}


/**
 * The provider's year as plain text, from its events alone (in global order): every read model is folded
 * from zero, so the report of a JSON Lines export, of EventStoreDB and of the in-memory store are the same
 * bytes. Each area prints with its own formatter.
 */
export const formatProviderYear = (events: readonly YearEvent[], options: ProviderYearReportOptions = {}): string => {
  const { providerId, academicYear, today, weekInView } = PROVIDER_YEAR;
  const ruleBook = options.ruleBook ?? standardRuleBook;
  const projections = providerYearProjections(ruleBook);
  const models = foldReadModels(projections, events);
  const directory = directoryOf(events);
  const schoolIds = Object.values(PROVIDER_YEAR.schools).map((school) => school.schoolId);
  const streams = new Set(events.map((event) => event.streamId)).size;
  const title = `Provider year: ${providerId}, ${academicYear}`;

  const out = [
    title,
    '='.repeat(title.length),
    `Reported on ${today} from ${events.length} events in ${streams} streams, each with two clocks: occurredAt (when it`,
    'happened in the school) and recordedAt (when the provider entered it). Minutes unless marked.',
  ];
  out.push(...heading(`1. Weekly mentoring entitlement, per trainee (as of ${today})`));
  out.push(...entitlementSection(events, directory, today));
  out.push(...heading(`2. Behind this week: ${weekInView}, as the provider knew it that evening`));
  out.push(...behindSection(events, weekInView));
  out.push(...heading('3. Two clocks: records entered late, corrected or withdrawn'));
  out.push(...clocksSection(events, directory));
  out.push(...heading(`4. Review points (as of ${today})`));
  out.push(...reviewPointsSection(models, directory, schoolIds, today));
  const irpTrainee = PROVIDER_YEAR.trainees[PROVIDER_YEAR.irpTraineeKey].traineeId;
  out.push(...heading('5. Individual Recovery Plan'));
  out.push(...recoveryPlanSection(models, directory, providerId, irpTrainee, today));
  out.push(...heading('6. Mentor training'));
  const compliance = trainingCompliance(models.state(trainingComplianceProjection), { today, providerId, academicYear, ruleBook });
  out.push(...indent(formatTrainingCompliance(`Mentor training compliance: ${providerId}, ${academicYear}`, compliance, today)));
  const portfolio = mentorPortfolio(models.state(mentorPortfolioProjection), PROVIDER_YEAR.mentors.amara.mentorId);
  if (portfolio) out.push('', ...indent(formatMentorPortfolio(portfolio)));
  out.push(...heading('7. Mentor-training funding'));
  const register = providerClaimsRegister(models.state(projections.claimsRegister), providerId, academicYear);
  out.push(...indent(formatClaimsRegister(`Funding claims register: ${providerId}, ${academicYear}`, register)));
  if (options.refusals !== undefined) {
    out.push(...heading('8. Refused on the way (nothing written)'));
    out.push(...indent(options.refusals));
  }
  return `${out.join('\n')}\n`;
};
