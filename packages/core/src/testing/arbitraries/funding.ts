import fc from 'fast-check';
import type { MentorAllowance, ClaimableInput, TrainingSession } from '../../funding/claimableAmount.js';
import type { ClaimCommand } from '../../funding/claim/commands.js';
import type { DomainEvent, StoredEvent } from '../../kernel/envelope.js';
import { seededIds } from '../../kernel/ids.js';
import type { Instant } from '../../kernel/instant.js';
import { toStoredEvent, type EventRegistry } from '../../kernel/registry.js';
import { standardRuleBook } from '../../rules/ruleBook.js';
import { REGIONS, type Region, type RuleSet } from '../../rules/ruleSet.js';
import { dateArbitrary } from '../arbitraries.js';

export const regionArbitrary: fc.Arbitrary<Region> = fc.constantFrom(...REGIONS);

/** Sessions of 1 minute to a full day, dated from a month before the 2024/25 training window to a month after. */
export const trainingSessionArbitrary = (from = '2024-03-01', to = '2025-06-30'): fc.Arbitrary<TrainingSession> =>
  fc.record({ date: dateArbitrary(from, to), minutes: fc.integer({ min: 1, max: 24 * 60 }) });

export const trainingSessionsArbitrary = (maxLength = 30): fc.Arbitrary<TrainingSession[]> => fc.array(trainingSessionArbitrary(), { maxLength });

const placementIds = fc.uniqueArray(fc.stringMatching(/^placement-[a-z0-9]{1,8}$/), { maxLength: 3 });

/** The input of `claimableAmount` for a rule set of the standard book (2024/25 by default). */
export const claimableInputArbitrary = (ruleSet: RuleSet = standardRuleBook.ruleSetFor('2024/25')): fc.Arbitrary<ClaimableInput> =>
  fc.record({
    ruleSet: fc.constant(ruleSet),
    region: regionArbitrary,
    sessions: trainingSessionsArbitrary(),
    placementIds,
    refresher: fc.boolean(),
    hoursClaimedElsewhere: fc.integer({ min: 0, max: 30 }),
    employedByClaimingSchool: fc.boolean(),
  });

/** Allowances as a service could compute them: consistent minutes and hours, any cap use. */
export const mentorAllowanceArbitrary: fc.Arbitrary<MentorAllowance> = fc
  .record({
    trainedMinutes: fc.integer({ min: 0, max: 40 * 60 }),
    capHours: fc.constantFrom(6, 16, 20),
    refresher: fc.boolean(),
    hoursClaimedElsewhere: fc.integer({ min: 0, max: 25 }),
    placementIds: fc.uniqueArray(fc.stringMatching(/^placement-[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 3 }),
    employedByClaimingSchool: fc.constant(true),
  })
  .map((allowance) => ({ ...allowance, trainedHours: Math.floor(allowance.trainedMinutes / 60) }));

const notWhole = fc.oneof(fc.constant(0), fc.integer({ min: -50, max: -1 }), fc.double({ min: 0.01, max: 40, noInteger: true, noNaN: true }), fc.constant(Number.NaN));
const blank = fc.constantFrom('', '   ', 'x'.repeat(1001));

/**
 * Commands a claim must refuse whatever its state: each has one field out of its range (or a mentor line
 * that cannot be), so a decider that accepts one has a hole.
 */
export const invalidClaimCommandArbitrary: fc.Arbitrary<ClaimCommand> = fc.oneof(
  fc.record({
    type: fc.constant('AddMentorToClaim' as const),
    mentorId: fc.constant('mentor-x'),
    hours: notWhole,
    allowance: mentorAllowanceArbitrary,
  }),
  mentorAllowanceArbitrary.chain((allowance) =>
    fc.record({
      type: fc.constant('AddMentorToClaim' as const),
      mentorId: fc.constant('mentor-x'),
      hours: fc.integer({ min: Math.max(1, Math.min(allowance.trainedHours, allowance.capHours) - allowance.hoursClaimedElsewhere + 1), max: 60 }),
      allowance: fc.constant(allowance),
    }),
  ),
  fc.record({
    type: fc.constant('AddMentorToClaim' as const),
    mentorId: fc.constant('mentor-x'),
    hours: fc.integer({ min: 1, max: 20 }),
    allowance: mentorAllowanceArbitrary.map((allowance) => ({ ...allowance, placementIds: [] })),
  }),
  fc.record({ type: fc.constant('RemoveMentorFromClaim' as const), mentorId: fc.constant('mentor-nobody'), reason: fc.constant('left') }),
  fc.record({ type: fc.constant('MarkClaimPaid' as const), ratePence: notWhole, paymentReference: fc.constant('PAY-1') }),
  fc.record({ type: fc.constant('RequestClaimPaymentInformation' as const), reason: blank }),
  fc.record({ type: fc.constant('SampleClaimForAssurance' as const), reason: blank }),
  fc.record({ type: fc.constant('RecordSchoolNotApproval' as const), reason: blank }),
  fc.record({ type: fc.constant('RejectClaimPayment' as const), reason: blank }),
  fc.record({ type: fc.constant('SendClaimPaymentInformation' as const), information: blank }),
  fc.record({
    type: fc.constant('RequestClawback' as const),
    requestedBy: fc.constant('auditor-1'),
    ratePence: fc.constant(4380),
    lines: fc.constant([{ mentorId: 'mentor-nobody', hours: 1, reason: 'not assured' }]),
  }),
  fc.record({ type: fc.constant('ApproveClawback' as const), approvedBy: blank }),
  fc.record({ type: fc.constant('RejectClawback' as const), rejectedBy: fc.constant('auditor-2'), reason: blank }),
  fc.record({
    type: fc.constant('DraftClaim' as const),
    claimId: blank,
    schoolId: fc.constant('school-1'),
    providerId: fc.constant('provider-1'),
    academicYear: fc.constant('2024/25' as const),
    region: regionArbitrary,
    claimant: fc.constant('school' as const),
  }),
);

/**
 * Events as a store would give them back, for folding projections without a store: validated by the
 * registry, numbered in order, each recorded at its `recordedAt` (occurred then too, unless given).
 */
export const validatedStoredEvents = <E extends DomainEvent>(
  registry: EventRegistry,
  events: readonly (E & { readonly recordedAt: Instant; readonly occurredAt?: Instant; readonly streamId?: string })[],
): StoredEvent<E>[] => {
  const ids = seededIds(1);
  return events.map(({ recordedAt, occurredAt = recordedAt, streamId = 'stream', ...event }, i) => {
    const [prepared] = registry.prepare([{ ...(event as unknown as DomainEvent), occurredAt }], ids);
    return toStoredEvent<E>(prepared!, { streamId, streamRevision: 0n, globalPosition: BigInt(i + 1), recordedAt });
  });
};
