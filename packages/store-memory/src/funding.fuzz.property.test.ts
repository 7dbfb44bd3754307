import {
  claimCommandSchema,
  claimDecider,
  claimStreamId,
  createClaimService,
  createClaimsRegister,
  createCommandHandler,
  createEventRegistry,
  createProjectionRunner,
  createRuleCorrectionDecider,
  fundingInputs,
  manualClock,
  ruleCorrectionCommandSchema,
  ruleCorrectionsStreamId,
  seededIds,
  standardRuleBook,
  validateCommand,
  withInlineProjections,
  type ClaimService,
} from '@itt-ledger/core';
import { FUNDING_YEAR, corruptedInput, fundingYearEventDefinitions, runFundingYear, type CorruptedInput } from '@itt-ledger/core/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { callLabel, countingReads, sendCorrupted, type FuzzOutcome } from './fuzz.fixtures.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

// Every claim and rule-correction command, and every claim service method, sent as untrusted input with one
// thing broken: refused with a typed error naming the broken field, or accepted when the break is
// harmless; never a crash, never a write on a refusal, never a read before bad input is refused.

const { providerId, schoolId, academicYear, claimId: paidClaimId, fullMentorId, partMentorId } = FUNDING_YEAR;
const DRAFT_CLAIM = 'claim-fuzz-draft';

type Method = 'send' | 'correct' | 'draft' | 'addMentor' | 'submit' | 'pay' | 'requestClawback' | 'claimable';
interface Call {
  readonly method: Method;
  readonly args: Record<string, unknown>;
}

const allowance = {
  trainedMinutes: 600,
  trainedHours: 10,
  capHours: 20,
  refresher: false,
  hoursClaimedElsewhere: 0,
  placementIds: ['placement-x'],
  employedByClaimingSchool: true,
};
const send = (claimId: string, command: Record<string, unknown>): Call => ({ method: 'send', args: { claimId, command } });

/** One valid call per command type and per service method, against the state `runFundingYear` leaves. */
const VALID: readonly Call[] = [
  send('claim-fuzz-raw', { type: 'DraftClaim', claimId: 'claim-fuzz-raw', schoolId, providerId, academicYear, region: 'rest_of_england', claimant: 'school' }),
  send(DRAFT_CLAIM, { type: 'AddMentorToClaim', mentorId: 'mentor-zed', hours: 1, allowance }),
  send(DRAFT_CLAIM, { type: 'RemoveMentorFromClaim', mentorId: 'mentor-zed', reason: 'added by mistake' }),
  send(DRAFT_CLAIM, { type: 'SubmitClaim', submittedBy: 'headteacher', allowances: { 'mentor-zed': allowance } }),
  send(DRAFT_CLAIM, { type: 'StartClaimPayment' }),
  send(DRAFT_CLAIM, { type: 'RequestClaimPaymentInformation', reason: 'bank details' }),
  send(DRAFT_CLAIM, { type: 'SendClaimPaymentInformation', information: 'sort code sent' }),
  send(DRAFT_CLAIM, { type: 'MarkClaimPaid', ratePence: 4380, paymentReference: 'PAY-FUZZ' }),
  send(DRAFT_CLAIM, { type: 'RejectClaimPayment', reason: 'no bank details' }),
  send(paidClaimId, { type: 'SampleClaimForAssurance', reason: 'random sample' }),
  send(paidClaimId, { type: 'AssureClaim' }),
  send(paidClaimId, { type: 'MarkClaimMentorNotAssured', mentorId: fullMentorId, reason: 'no evidence of training' }),
  send(paidClaimId, { type: 'RecordSchoolNotApproval', reason: 'school disagrees' }),
  send(paidClaimId, { type: 'RequestClawback', requestedBy: 'auditor-1', ratePence: 4380, lines: [{ mentorId: fullMentorId, hours: 2, reason: 'not evidenced' }] }),
  send(paidClaimId, { type: 'ApproveClawback', approvedBy: 'auditor-2' }),
  send(paidClaimId, { type: 'RejectClawback', rejectedBy: 'auditor-2', reason: 'evidence found' }),
  send(paidClaimId, { type: 'CompleteClawback' }),
  {
    method: 'correct',
    args: {
      command: { type: 'CorrectRuleValue', academicYear, path: 'funding.hourlyRatePence.rest_of_england', value: 4400, validFrom: '2025-01-01', reason: 'keyed wrongly', source: 'DfE grant conditions §5' },
    },
  },
  { method: 'draft', args: { input: { claimId: 'claim-fuzz-service', schoolId, providerId, academicYear, claimant: 'mentor' } } },
  { method: 'addMentor', args: { claimId: DRAFT_CLAIM, mentorId: partMentorId, hours: 1 } },
  { method: 'submit', args: { claimId: DRAFT_CLAIM, submittedBy: 'headteacher' } },
  { method: 'pay', args: { claimId: DRAFT_CLAIM, paymentReference: 'PAY-FUZZ-2' } },
  { method: 'requestClawback', args: { claimId: paidClaimId, requestedBy: 'auditor-1', lines: [{ mentorId: partMentorId, hours: 1, reason: 'not evidenced' }] } },
  { method: 'claimable', args: { claimId: paidClaimId, mentorId: fullMentorId } },
];

/** The funding year on a store with the funding read models inline, a draft claim beside the paid one, and the services over it. */
const fundingYearStore = async () => {
  const clock = manualClock('2024-07-01T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(fundingYearEventDefinitions), clock, ids: seededIds(12) });
  await runFundingYear({ store, clock });
  const register = createClaimsRegister(standardRuleBook);
  const runner = createProjectionRunner({ store, projections: [fundingInputs, register] });
  await runner.catchUp();
  const counted = countingReads(withInlineProjections(store, runner));
  const handle = createCommandHandler({ store: counted.store, decider: claimDecider, clock });
  const claims = createClaimService({ handle, inputs: () => runner.state(fundingInputs), register: () => runner.state(register) });
  const correct = createCommandHandler({ store: counted.store, decider: createRuleCorrectionDecider(), clock });
  clock.set('2025-10-01T09:00:00.000Z');
  await claims.draft({ claimId: DRAFT_CLAIM, schoolId, providerId, academicYear });
  return { store, runner, register, counted, claims, correct };
};

type Services = Pick<Awaited<ReturnType<typeof fundingYearStore>>, 'claims' | 'correct'>;

const call = async ({ claims, correct }: Services, method: Method, args: Record<string, any>): Promise<unknown> => {
  const service: ClaimService = claims;
  switch (method) {
    case 'send':
      return service.send(args.claimId, args.command);
    case 'correct':
      return correct(ruleCorrectionsStreamId(academicYear), args.command);
    case 'draft':
      return service.draft(args.input);
    case 'addMentor':
      return service.addMentor(args.claimId, args.mentorId, args.hours);
    case 'submit':
      return service.submit(args.claimId, args.submittedBy);
    case 'pay':
      return service.pay(args.claimId, args.paymentReference);
    case 'requestClawback':
      return service.requestClawback(args.claimId, args.requestedBy, args.lines);
    case 'claimable':
      // A query: synchronous, but held to the same promise.
      return service.claimable(args.claimId, args.mentorId);
  }
};

/** The path of the break inside what was validated: a command's or a draft input's own fields, or the argument's name. */
const validatedPath = (path: CorruptedInput['path']): CorruptedInput['path'] => (path[0] === 'command' || path[0] === 'input' ? path.slice(1) : path);

const corruptedCall = fc
  .constantFrom(...VALID)
  .chain((valid) => corruptedInput(valid.args).filter(({ path }) => path.length > 0).map((corrupted) => ({ method: valid.method, label: callLabel(valid), corrupted })));

const fuzzed = new Set<string>();
const outcomes: Record<FuzzOutcome, number> = { accepted: 0, invalid: 0, rejected: 0, invalidArgument: 0 };

describe('funding commands fuzzed through the claim service and the handlers (properties)', () => {
  it('parses each valid command to itself: no field of a command type is dropped', () => {
    for (const { method, args } of VALID) {
      if (method === 'send') expect(validateCommand<unknown>(claimCommandSchema, args.command)).toStrictEqual(args.command);
      if (method === 'correct') expect(validateCommand<unknown>(ruleCorrectionCommandSchema, args.command)).toStrictEqual(args.command);
    }
    expect(claimDecider.commandSchema).toBe(claimCommandSchema);
    expect(createRuleCorrectionDecider().commandSchema).toBe(ruleCorrectionCommandSchema);
  });

  it('refuses a corrupted field with a typed error naming it, before any read, writes nothing, and never crashes', async () => {
    const { store, counted, claims, correct } = await fundingYearStore();
    const services = { claims, correct };
    await fc.assert(
      fc.asyncProperty(corruptedCall, async ({ method, label, corrupted }) => {
        fuzzed.add(label);
        const outcome = await sendCorrupted({ store, counted }, validatedPath(corrupted.path), () => call(services, method, corrupted.input as Record<string, unknown>));
        expect(outcome).not.toBe('invalidArgument');
        outcomes[outcome]++;
      }),
      { numRuns: 600, seed: 20250903 },
    );
    expect([...fuzzed].sort()).toStrictEqual(VALID.map(callLabel).sort());
  }, 60_000);

  it('the claim and rule-correction deciders refuse a corrupted command through their command schemas, before the handler reads', async () => {
    const { store, counted } = await fundingYearStore();
    const clock = manualClock('2025-10-01T09:00:00.000Z');
    const claimHandle = createCommandHandler({ store: counted.store, decider: claimDecider, clock });
    const correctHandle = createCommandHandler({ store: counted.store, decider: createRuleCorrectionDecider(), clock });
    const raw = VALID.filter((valid) => valid.method === 'send' || valid.method === 'correct');
    const corruptedCommand = fc.constantFrom(...raw).chain((valid) => corruptedInput(valid.args.command).map((corrupted) => ({ valid, corrupted })));
    await fc.assert(
      fc.asyncProperty(corruptedCommand, async ({ valid, corrupted }) => {
        const send = () =>
          valid.method === 'correct'
            ? correctHandle(ruleCorrectionsStreamId(academicYear), corrupted.input as never)
            : claimHandle(claimStreamId(valid.args.claimId as string), corrupted.input as never);
        expect(await sendCorrupted({ store, counted }, corrupted.path, send)).not.toBe('invalidArgument');
      }),
      { numRuns: 300, seed: 20250904 },
    );
  });

  it('keeps ids such as __proto__ and constructor as plain data: the register computes and rebuilds the same, no prototype changes', async () => {
    const { store, runner, register, claims } = await fundingYearStore();
    const withHostileIds = { ...allowance, placementIds: ['__proto__'] };
    for (const claimId of ['__proto__', 'constructor', 'hasOwnProperty']) {
      await claims.draft({ claimId, schoolId, providerId, academicYear });
      for (const mentorId of ['constructor', 'toString']) await claims.send(claimId, { type: 'AddMentorToClaim', mentorId, hours: 3, allowance: withHostileIds });
      await claims.send(claimId, { type: 'RemoveMentorFromClaim', mentorId: 'toString', reason: 'added by mistake' });
      await claims.send(claimId, { type: 'SubmitClaim', submittedBy: '__proto__', allowances: JSON.parse(`{"constructor": ${JSON.stringify(withHostileIds)}}`) });
      await claims.send(claimId, { type: 'StartClaimPayment' });
      await claims.send(claimId, { type: 'MarkClaimPaid', ratePence: 4380, paymentReference: '__proto__' });
    }
    expect(runner.state(register).claims.get('__proto__')).toMatchObject({ status: 'paid', paidPence: 3 * 4380 });
    expect(Object.prototype).not.toHaveProperty('polluted');
    const rebuilt = createProjectionRunner({ store, projections: [fundingInputs, register] });
    await rebuilt.rebuild();
    expect(rebuilt.state(register)).toEqual(runner.state(register));
  });

  afterAll(() => {
    console.log(`[fuzz] funding: ${VALID.length} command types and service calls, ${outcomes.accepted} accepted, ${outcomes.invalid} refused as invalid input, ${outcomes.rejected} refused by a rule`);
  });
});
