import type { AcademicYear } from '../calendar/academicYear.js';
import type { ClaimStatus } from './claim/state.js';
import { providerYearKey, type ClaimsRegisterState, type RegisterClaim, type RegisterLine, type RegisterRate } from './register.js';

/** A register line: one mentor on one claim, with the claim's facts beside it. */
export interface RegisterLineView extends RegisterLine {
  readonly claimId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly status: ClaimStatus;
  readonly rate: RegisterRate;
}

export interface RegisterTotals {
  readonly claims: number;
  readonly lines: number;
  readonly hours: number;
  /** The sum of the lines' amounts, in pence: integers, so exact. */
  readonly amountPence: number;
  readonly paidPence: number;
  readonly clawedBackPence: number;
}

export interface RegisterView {
  readonly claims: readonly RegisterClaim[];
  readonly lines: readonly RegisterLineView[];
  readonly totals: RegisterTotals;
}

const view = (claims: readonly RegisterClaim[]): RegisterView => {
  const lines: RegisterLineView[] = [];
  let hours = 0;
  let amountPence = 0;
  let paidPence = 0;
  let clawedBackPence = 0;
  for (const claim of claims) {
    paidPence += claim.paidPence;
    clawedBackPence += claim.clawedBackPence;
    const { claimId, schoolId, providerId, academicYear, status, rate } = claim;
    const mentorIds = claim.lines.size === 1 ? claim.lines.keys() : [...claim.lines.keys()].sort();
    for (const mentorId of mentorIds) {
      const line = claim.lines.get(mentorId)!;
      lines.push({ ...line, claimId, schoolId, providerId, academicYear, status, rate });
      hours += line.hours;
      amountPence += line.amountPence;
    }
  }
  return { claims, lines, totals: { claims: claims.length, lines: lines.length, hours, amountPence, paidPence, clawedBackPence } };
};

const claimsOf = (state: ClaimsRegisterState, ids: readonly string[] | undefined): RegisterClaim[] =>
  (ids ?? []).flatMap((id) => {
    const claim = state.claims.get(id);
    return claim === undefined ? [] : [claim];
  });

/** A provider's claims register for a year, claims in the order they were drafted. */
export const providerClaimsRegister = (state: ClaimsRegisterState, providerId: string, academicYear: AcademicYear): RegisterView =>
  view(claimsOf(state, state.byProviderYear.get(providerYearKey(providerId, academicYear))));

/** A school's claims register, for one year or all. */
export const schoolClaimsRegister = (state: ClaimsRegisterState, schoolId: string, academicYear?: AcademicYear): RegisterView =>
  view(claimsOf(state, state.bySchool.get(schoolId)).filter((claim) => academicYear === undefined || claim.academicYear === academicYear));

/** A draft holds no hours yet, and a claim whose payment was not approved was never funded. */
const holdsHours = (status: ClaimStatus): boolean => status !== 'draft' && status !== 'payment_not_approved';

/**
 * Hours the mentor's submitted claims with this provider and year hold, from every school: what the cap
 * (per mentor per accredited provider, summed across schools) has already used. Clawed-back hours stay
 * counted: the training they stood for was not assured, so it cannot be claimed again elsewhere.
 */
export const hoursClaimedWithProvider = (
  state: ClaimsRegisterState,
  query: { readonly mentorId: string; readonly providerId: string; readonly academicYear: AcademicYear; readonly exceptClaimId?: string },
): number => {
  let hours = 0;
  for (const claim of claimsOf(state, state.byMentor.get(query.mentorId))) {
    if (claim.claimId === query.exceptClaimId || claim.providerId !== query.providerId || claim.academicYear !== query.academicYear) continue;
    if (holdsHours(claim.status)) hours += claim.lines.get(query.mentorId)?.hours ?? 0;
  }
  return hours;
};

/** A refresher mentor is already on a submitted claim with the same provider in an earlier academic year. */
export const isRefresherMentor = (
  state: ClaimsRegisterState,
  query: { readonly mentorId: string; readonly providerId: string; readonly academicYear: AcademicYear },
): boolean =>
  claimsOf(state, state.byMentor.get(query.mentorId)).some(
    (claim) => claim.providerId === query.providerId && claim.academicYear < query.academicYear && holdsHours(claim.status) && claim.lines.has(query.mentorId),
  );
