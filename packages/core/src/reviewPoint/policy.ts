import { InvalidArgumentError } from '../kernel/errors.js';
import type { RuleSet } from '../rules/ruleSet.js';

/**
 * A provider's review points: its stages, in programme order, and the stages at which the lead mentor must
 * join. Stages are practice, not a DfE rule (domain.md), so each provider passes its own.
 */
export interface ReviewPolicy {
  readonly stages: readonly string[];
  readonly leadMentorRequiredAt: readonly string[];
}

/** A checked, frozen policy: stages named, distinct, and every lead-mentor stage one of them. */
export const createReviewPolicy = (stages: readonly string[], leadMentorRequiredAt: readonly string[] = stages): ReviewPolicy => {
  if (stages.length === 0) throw new InvalidArgumentError('stages', 'a provider needs at least one review stage');
  if (stages.some((stage) => stage.trim() === '')) throw new InvalidArgumentError('stages', 'a stage needs a name');
  if (new Set(stages).size !== stages.length) throw new InvalidArgumentError('stages', 'stages must be distinct');
  const unknown = leadMentorRequiredAt.find((stage) => !stages.includes(stage));
  if (unknown !== undefined) throw new InvalidArgumentError('leadMentorRequiredAt', `'${unknown}' is not one of the stages`);
  return Object.freeze({ stages: Object.freeze([...stages]), leadMentorRequiredAt: Object.freeze([...leadMentorRequiredAt]) });
};

/**
 * The rule set's stages; by default the lead mentor joins each, as at Horton Grange (seed 004: "Leading key
 * review points at various stages of the programme").
 */
export const defaultReviewPolicy = (ruleSet: RuleSet): ReviewPolicy => createReviewPolicy(ruleSet.reviewPoints.defaultStages.value);
