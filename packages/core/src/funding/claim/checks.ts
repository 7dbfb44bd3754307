import { CommandRejectedError } from '../../kernel/errors.js';
import type { z } from 'zod';
import { hoursRemaining } from '../claimableAmount.js';
import { requireWhole } from '../validation.js';
import { mentorAllowanceSchema } from './events.js';
import type { ClaimState, ClaimStatus } from './state.js';

const reject = (reason: string, message: string, field: string): never => {
  throw new CommandRejectedError(`claim.${reason}`, message, field);
};

/** Refuses a command the claim's status does not allow: the lifecycle is a fixed graph. */
export const requireStatus = (state: ClaimState, action: string, allowed: readonly ClaimStatus[]): void => {
  if (state.status === 'none') reject('not-found', `there is no claim to ${action}: draft it first`, 'claimId');
  if (!(allowed as readonly string[]).includes(state.status)) {
    reject('wrong-status', `cannot ${action} a claim that is ${state.status} (only when ${allowed.join(' or ')})`, 'status');
  }
};

export const requireLine = (state: ClaimState, mentorId: unknown, field = 'mentorId') => {
  const line = typeof mentorId === 'string' && Object.hasOwn(state.lines, mentorId) ? state.lines[mentorId] : undefined;
  return line ?? reject('mentor-not-on-claim', `mentor ${String(mentorId)} is not on this claim`, field);
};

/**
 * Checks hours against the allowance: whole hours, more than 0, no more than remain under the cap
 * (per mentor per provider, summed across schools) and no more than the training done; the mentor must
 * have mentored, or been due to mentor, a trainee, and be employed by the claiming school.
 */
export const checkHours = (hours: unknown, given: unknown, prefix = ''): z.output<typeof mentorAllowanceSchema> => {
  const field = (name: string) => `${prefix}${name}`;
  const parsed = mentorAllowanceSchema.safeParse(given);
  if (!parsed.success) return reject('allowance-invalid', `${field('allowance')}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, field('allowance'));
  const allowance = parsed.data;
  if (allowance.placementIds.length === 0) {
    reject('mentor-not-eligible', 'the mentor mentored no trainee this year, nor was due to', field('mentorId'));
  }
  if (!allowance.employedByClaimingSchool) reject('mentor-not-employed', 'the claiming school did not employ the mentor this year', field('mentorId'));
  const whole = requireWhole(hours, field('hours'), 1, 'claim.hours-invalid');
  const underCap = Math.max(0, allowance.capHours - allowance.hoursClaimedElsewhere);
  if (whole > underCap) {
    reject('hours-over-cap', `${whole} h is more than the ${underCap} h left under the ${allowance.capHours} h cap (${allowance.hoursClaimedElsewhere} h claimed elsewhere)`, field('hours'));
  }
  if (whole > hoursRemaining(allowance)) {
    reject('hours-over-training', `${whole} h is more than the ${hoursRemaining(allowance)} h of training not yet claimed (${allowance.trainedHours} h done)`, field('hours'));
  }
  return allowance;
};
