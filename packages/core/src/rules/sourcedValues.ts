import type { RuleSet } from './ruleSet.js';
import type { Sourced } from './sourced.js';

const isSourced = (value: unknown): value is Sourced<unknown> =>
  typeof value === 'object' && value !== null && 'value' in value && 'quote' in value && 'rule' in value;

/** Every sourced value of a rule set with its path (`funding.hourlyRatePence.fringe`), for docs and audits. */
export const sourcedValues = (ruleSet: RuleSet): { readonly path: string; readonly sourced: Sourced<unknown> }[] => {
  const found: { path: string; sourced: Sourced<unknown> }[] = [];
  const walk = (value: unknown, path: string) => {
    if (isSourced(value)) found.push({ path, sourced: value });
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(ruleSet, '');
  return found;
};
