import { createRuleBook, sourced, standardRuleSets, type RuleSet } from '@itt-ledger/core';

/**
 * A provider's own rule: two hours of mentoring a week, above the DfE's 1.5. A rule is data with a source,
 * so the value cites the provider's policy; every other value stays the standard one, year by year.
 */
const weeklyMinutes = sourced(120, 'mentoring entitlement per trainee on placement', 'two hours of mentoring every placement week', 'our partnership agreement 2024/25, section 4');

export const providerRuleBook = createRuleBook(
  standardRuleSets.map((ruleSet): RuleSet => ({ ...ruleSet, mentoring: { ...ruleSet.mentoring, weeklyEntitlementMinutes: weeklyMinutes } })),
);
