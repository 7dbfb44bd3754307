import type { AcademicYear } from '../calendar/academicYear.js';
import { localDateOf, type LocalDate } from '../calendar/localDate.js';
import type { StoredEvent } from '../kernel/envelope.js';
import type { Instant } from '../kernel/instant.js';
import { defineProjection, type Projection } from '../kernel/projection.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { Region } from '../rules/ruleSet.js';
import type { MentorAllowance } from './claimableAmount.js';
import type { ClaimEvent, Claimant } from './claim/events.js';
import type { ClaimStatus } from './claim/state.js';
import { correctedRuleBook, isCorrected, type RuleCorrection } from './effectiveRules.js';
import type { RuleCorrectionEvent } from './ruleCorrection/events.js';

/** The hourly rate a claim is worth at, and where that figure comes from. */
export interface RegisterRate {
  readonly pence: number;
  /** The document the rate comes from (a correction's source once corrected). */
  readonly source: string;
  /** The row of domain.md the rule set cites. */
  readonly rule: string;
  /** Why the rate is not the rule book's own, when a correction changed it. */
  readonly correctedBecause?: string;
}

/** One step in the history of a line's amount: when it was claimed, and each re-derivation after. */
export interface AmountChange {
  readonly recordedAt: Instant;
  readonly hours: number;
  readonly ratePence: number;
  readonly amountPence: number;
  readonly previousAmountPence?: number;
  readonly reason: string;
  readonly source: string;
}

export interface RegisterLine {
  readonly mentorId: string;
  readonly hours: number;
  /** `hours × rate.pence` under the rules as now known. */
  readonly amountPence: number;
  readonly allowance: MentorAllowance;
  readonly notAssured?: string;
  readonly clawedBackHours: number;
  readonly history: readonly AmountChange[];
}

export interface RegisterClaim {
  readonly claimId: string;
  readonly schoolId: string;
  readonly providerId: string;
  readonly academicYear: AcademicYear;
  readonly region: Region;
  readonly claimant: Claimant;
  /** The date whose rule set prices the claim: the day it was drafted. */
  readonly ruleDate: LocalDate;
  readonly status: ClaimStatus;
  readonly statusHistory: readonly { readonly status: ClaimStatus; readonly recordedAt: Instant; readonly note?: string }[];
  readonly rate: RegisterRate;
  /** By mentor id (a Map: mentor ids as object keys would give every claim its own hidden class). */
  readonly lines: ReadonlyMap<string, RegisterLine>;
  /** Money facts: what was paid (at the rate then applied) and clawed back. */
  readonly paidPence: number;
  readonly paidRatePence?: number;
  readonly paymentReference?: string;
  readonly clawbackPendingPence: number;
  readonly clawedBackPence: number;
  readonly pendingClawback?: readonly { readonly mentorId: string; readonly hours: number }[];
}

/**
 * The claims register's fold state. The maps and index arrays belong to the fold and change in place (a
 * replay of a year is hundreds of thousands of events: copying them per event would be quadratic); each
 * claim record is an immutable value, replaced when an event changes it.
 */
export interface ClaimsRegisterState {
  readonly claims: Map<string, RegisterClaim>;
  readonly byProviderYear: Map<string, string[]>;
  readonly bySchool: Map<string, string[]>;
  readonly byYear: Map<AcademicYear, string[]>;
  readonly byMentor: Map<string, string[]>;
  readonly corrections: RuleCorrection[];
  /** Rates by year, date and region under the corrections folded so far; emptied by a correction. */
  readonly rates: Map<string, RegisterRate>;
}

export type ClaimsRegisterEvent = ClaimEvent | RuleCorrectionEvent;

export const providerYearKey = (providerId: string, academicYear: AcademicYear): string => `${providerId}\u0000${academicYear}`;

/** Appends to an index list; `once` scans a short list first (a mentor re-added to the same claim). */
const index = (map: Map<string, string[]>, key: string, claimId: string, once = false): void => {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [claimId]);
  else if (!once || !ids.includes(claimId)) ids.push(claimId);
};

const rateOf = (ruleBook: RuleBook, state: ClaimsRegisterState, year: AcademicYear, on: LocalDate, region: Region): RegisterRate => {
  const key = `${year} ${on} ${region}`;
  const cached = state.rates.get(key);
  if (cached !== undefined) return cached;
  const sourced = correctedRuleBook(ruleBook, state.corrections).ruleSetFor(year, on).funding.hourlyRatePence[region];
  const base = { pence: sourced.value, source: sourced.source, rule: sourced.rule };
  const rate = isCorrected(sourced) ? { ...base, correctedBecause: sourced.correction.reason } : base;
  state.rates.set(key, rate);
  return rate;
};

const mapLines = (lines: ReadonlyMap<string, RegisterLine>, change: (line: RegisterLine) => RegisterLine): Map<string, RegisterLine> => {
  const next = new Map<string, RegisterLine>();
  for (const [mentorId, line] of lines) next.set(mentorId, change(line));
  return next;
};

const withLine = (lines: ReadonlyMap<string, RegisterLine>, mentorId: string, change: (line: RegisterLine) => RegisterLine): ReadonlyMap<string, RegisterLine> => {
  const line = lines.get(mentorId);
  return line === undefined ? lines : new Map(lines).set(mentorId, change(line));
};

/** The claims register: every claim, its lines, their amounts and how each amount was reached. */
export const createClaimsRegister = (ruleBook: RuleBook = standardRuleBook): Projection<ClaimsRegisterEvent, ClaimsRegisterState> => {
  type Of<K extends ClaimsRegisterEvent['type']> = StoredEvent<Extract<ClaimsRegisterEvent, { type: K }>>;
  const update = (state: ClaimsRegisterState, claimId: string, change: (claim: RegisterClaim) => RegisterClaim): ClaimsRegisterState => {
    const claim = state.claims.get(claimId);
    if (claim !== undefined) state.claims.set(claimId, change(claim));
    return state;
  };
  const moveTo =
    (status: ClaimStatus, note?: (event: Of<ClaimEvent['type']>) => string | undefined) =>
    (state: ClaimsRegisterState, event: Of<ClaimEvent['type']>): ClaimsRegisterState =>
      update(state, event.data.claimId, (claim) => {
        const text = note?.(event);
        const entry = text === undefined ? { status, recordedAt: event.recordedAt } : { status, recordedAt: event.recordedAt, note: text };
        return { ...claim, status, statusHistory: [...claim.statusHistory, entry] };
      });
  const withReason = (event: Of<ClaimEvent['type']>) => ('reason' in event.data ? event.data.reason : undefined);

  const reprice = (state: ClaimsRegisterState, event: Of<'RuleValueCorrected'>): ClaimsRegisterState => {
    state.corrections.push({ ...event.data, recordedAt: event.recordedAt });
    state.rates.clear();
    for (const claimId of state.byYear.get(event.data.academicYear) ?? []) {
      update(state, claimId, (claim) => {
        const rate = rateOf(ruleBook, state, claim.academicYear, claim.ruleDate, claim.region);
        if (rate.pence === claim.rate.pence) return rate === claim.rate ? claim : { ...claim, rate };
        const { reason, source } = event.data;
        const lines = mapLines(claim.lines, (line) => {
          const amountPence = line.hours * rate.pence;
          const change: AmountChange = { recordedAt: event.recordedAt, hours: line.hours, ratePence: rate.pence, amountPence, previousAmountPence: line.amountPence, reason, source };
          return { ...line, amountPence, history: [...line.history, change] };
        });
        return { ...claim, rate, lines };
      });
    }
    return state;
  };

  return defineProjection<ClaimsRegisterEvent, ClaimsRegisterState>({
    name: 'funding-claims-register',
    initialState: () => ({ claims: new Map(), byProviderYear: new Map(), bySchool: new Map(), byYear: new Map(), byMentor: new Map(), corrections: [], rates: new Map() }),
    handlers: {
      FundingClaimDrafted: (state, event) => {
        const { claimId, schoolId, providerId, academicYear, region, claimant } = event.data;
        if (state.claims.has(claimId)) return state;
        const ruleDate = localDateOf(event.occurredAt);
        const rate = rateOf(ruleBook, state, academicYear, ruleDate, region);
        state.claims.set(claimId, {
          claimId,
          schoolId,
          providerId,
          academicYear,
          region,
          claimant,
          ruleDate,
          status: 'draft',
          statusHistory: [{ status: 'draft', recordedAt: event.recordedAt }],
          rate,
          lines: new Map(),
          paidPence: 0,
          clawbackPendingPence: 0,
          clawedBackPence: 0,
        });
        index(state.byProviderYear, providerYearKey(providerId, academicYear), claimId);
        index(state.bySchool, schoolId, claimId);
        index(state.byYear, academicYear, claimId);
        return state;
      },
      FundingClaimMentorAdded: (state, event) => {
        const { claimId, mentorId, hours, allowance } = event.data;
        index(state.byMentor, mentorId, claimId, true);
        return update(state, claimId, (claim) => {
          const amountPence = hours * claim.rate.pence;
          const claimed: AmountChange = { recordedAt: event.recordedAt, hours, ratePence: claim.rate.pence, amountPence, reason: 'claimed', source: claim.rate.source };
          const line: RegisterLine = { mentorId, hours, amountPence, allowance, clawedBackHours: 0, history: [claimed] };
          return { ...claim, lines: new Map(claim.lines).set(mentorId, line) };
        });
      },
      FundingClaimMentorRemoved: (state, { data }) =>
        update(state, data.claimId, (claim) => {
          const lines = new Map(claim.lines);
          lines.delete(data.mentorId);
          return { ...claim, lines };
        }),
      FundingClaimSubmitted: (state, event) =>
        moveTo('submitted')(
          update(state, event.data.claimId, (claim) => {
            // One new map for all the lines: a copy per line made a submission quadratic in its lines.
            const lines = new Map(claim.lines);
            for (const { mentorId, allowance } of event.data.allowances) {
              const line = lines.get(mentorId);
              if (line !== undefined) lines.set(mentorId, { ...line, allowance });
            }
            return { ...claim, lines };
          }),
          event,
        ),
      FundingClaimPaymentStarted: moveTo('payment_in_progress'),
      FundingClaimPaymentInformationRequested: moveTo('payment_information_requested', withReason),
      FundingClaimPaymentInformationSent: moveTo('payment_in_progress'),
      FundingClaimPaid: (state, event) =>
        moveTo('paid', (e) => `paid ${(e as Of<'FundingClaimPaid'>).data.paymentReference}`)(
          update(state, event.data.claimId, (claim) => ({
            ...claim,
            paidPence: claim.paidPence + event.data.amountPence,
            paidRatePence: event.data.ratePence,
            paymentReference: event.data.paymentReference,
          })),
          event,
        ),
      FundingClaimPaymentNotApproved: moveTo('payment_not_approved', withReason),
      FundingClaimSampled: moveTo('sampling_in_progress', withReason),
      FundingClaimAssured: moveTo('paid', () => 'assured'),
      FundingClaimMentorNotAssured: (state, event) =>
        moveTo('provider_not_approved', (e) => `${(e as Of<'FundingClaimMentorNotAssured'>).data.mentorId}: ${withReason(e) ?? ''}`)(
          update(state, event.data.claimId, (claim) => ({ ...claim, lines: withLine(claim.lines, event.data.mentorId, (line) => ({ ...line, notAssured: event.data.reason })) })),
          event,
        ),
      FundingClaimNotApprovedBySchool: moveTo('not_approved_by_school', withReason),
      FundingClawbackRequested: (state, event) =>
        moveTo('clawback_requested', () => `by ${event.data.requestedBy}`)(
          update(state, event.data.claimId, (claim) => ({
            ...claim,
            clawbackPendingPence: event.data.amountPence,
            pendingClawback: event.data.lines.map(({ mentorId, hours }) => ({ mentorId, hours })),
          })),
          event,
        ),
      FundingClawbackApproved: moveTo('clawback_in_progress', (e) => `approved by ${(e as Of<'FundingClawbackApproved'>).data.approvedBy}`),
      FundingClawbackRejected: (state, event) =>
        moveTo('clawback_rejected', withReason)(
          update(state, event.data.claimId, ({ pendingClawback: _dropped, ...claim }) => ({ ...claim, clawbackPendingPence: 0 })),
          event,
        ),
      FundingClawbackCompleted: (state, event) =>
        moveTo('clawback_complete')(
          update(state, event.data.claimId, ({ pendingClawback = [], ...claim }) => {
            let lines = claim.lines;
            for (const { mentorId, hours } of pendingClawback) lines = withLine(lines, mentorId, (line) => ({ ...line, clawedBackHours: line.clawedBackHours + hours }));
            return { ...claim, lines, clawedBackPence: claim.clawedBackPence + claim.clawbackPendingPence, clawbackPendingPence: 0 };
          }),
          event,
        ),
      RuleValueCorrected: reprice,
    },
  });
};
