import {
  ERASED,
  createInMemoryKeyStore,
  createIttLedgerRegistry,
  createProjectionRunner,
  entitlementProjections,
  fundingInputs,
  ittLedgerClaimsRegister,
  ittLedgerProjections,
  irpRecords,
  leadMentorCaseloadProjection,
  manualClock,
  seededIds,
  trainingComplianceProjection,
  withCryptoShredding,
  type AnyProjection,
  type EventStore,
  type IttLedgerEvent,
  type PersonalDataKeyStore,
  type StoredEvent,
} from '@itt-ledger/core';
import { erasedValues, jsonOf } from '@itt-ledger/core/testing';
import { createInMemoryEventStore, type InMemoryEventStore } from '@itt-ledger/store-memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_YEAR } from './cast.js';
import { runProviderYear } from './providerYear.js';
import { formatProviderYear } from './report.js';

// The acceptance test: the provider's year through a crypto-shredding store, then a trainee and a
// mentor forgotten (UK GDPR erasure): everything still replays and computes, and their personal data is gone.
const DAN = PROVIDER_YEAR.trainees.dan; // the trainee with the Individual Recovery Plan
const AMARA = PROVIDER_YEAR.mentors.amara; // a mentor funded in full by the claim
const ADA = PROVIDER_YEAR.trainees.ada;
const TOM = PROVIDER_YEAR.mentors.tom;

const rebuild = async (store: EventStore<IttLedgerEvent>) => {
  const runner = createProjectionRunner({ store, projections: ittLedgerProjections });
  await runner.rebuild();
  return new Map<AnyProjection, unknown>(ittLedgerProjections.map((projection) => [projection, structuredClone(runner.state(projection))]));
};

const runYear = async (keyStore?: PersonalDataKeyStore) => {
  const clock = manualClock(PROVIDER_YEAR.clockStart);
  const inner = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock, ids: seededIds(PROVIDER_YEAR.seed) });
  const store = keyStore ? withCryptoShredding(inner, { keyStore }) : inner;
  const { refusals } = await runProviderYear({ store, clock });
  return { inner, store, refusals };
};

let plain: { readonly events: readonly StoredEvent<IttLedgerEvent>[]; readonly states: Map<AnyProjection, unknown>; readonly report: string };
let shredded: {
  readonly inner: InMemoryEventStore<IttLedgerEvent>;
  readonly store: EventStore<IttLedgerEvent>;
  readonly keyStore: PersonalDataKeyStore;
  readonly refusals: readonly string[];
};

beforeAll(async () => {
  const year = await runYear();
  const events = await year.store.readAll();
  plain = { events, states: await rebuild(year.store), report: formatProviderYear(events, { refusals: year.refusals }) };
  const keyStore = createInMemoryKeyStore();
  shredded = { ...(await runYear(keyStore)), keyStore };
});

describe('crypto-shredding the provider year', () => {
  it('runs the year unchanged through the decorator: the same events, read models and report, and no plaintext stored', async () => {
    const events = await shredded.store.readAll();
    expect(events).toEqual(plain.events);
    const states = await rebuild(shredded.store);
    for (const projection of ittLedgerProjections) expect(states.get(projection), projection.name).toEqual(plain.states.get(projection));
    expect(formatProviderYear(events, { refusals: shredded.refusals })).toBe(plain.report);

    const stored = jsonOf(await shredded.inner.readAll());
    const people = [...Object.values(PROVIDER_YEAR.trainees), ...Object.values(PROVIDER_YEAR.mentors)];
    for (const { name } of people) expect(stored).not.toContain(name);
    expect(stored).toContain('$sealed');
  });

  describe('after forgetting a trainee and a mentor', () => {
    let before: readonly StoredEvent<IttLedgerEvent>[];
    let after: readonly StoredEvent<IttLedgerEvent>[];
    let states: Map<AnyProjection, unknown>;
    let forgotten: Set<string>;
    beforeAll(async () => {
      before = await shredded.store.readAll();
      await shredded.keyStore.forget(DAN.traineeId);
      await shredded.keyStore.forget(AMARA.mentorId);
      after = await shredded.store.readAll();
      states = await rebuild(shredded.store);
      forgotten = erasedValues(before, after);
    });

    it('erases their personal fields, and nothing else: events still replay in full', () => {
      expect(after).toHaveLength(before.length);
      expect(forgotten).toContain(DAN.name);
      expect(forgotten).toContain(AMARA.name);
      const registered = after.find((event) => event.type === 'MentorRegistered' && event.data.mentorId === AMARA.mentorId);
      expect(registered?.data).toMatchObject({ name: ERASED });
      const emailBefore = before.find((event) => event.eventId === registered?.eventId)?.data as { email?: unknown };
      if (emailBefore.email !== undefined) expect(registered?.data).toMatchObject({ email: ERASED });
      after.forEach((event, i) => {
        const { data: _data, ...envelope } = event;
        const { data: _beforeData, ...envelopeBefore } = before[i]!;
        expect(envelope).toEqual(envelopeBefore);
      });
    });

    it('still computes every projection, with entitlement, funding and IRP records unchanged', () => {
      for (const projection of [...entitlementProjections, fundingInputs, ittLedgerClaimsRegister, irpRecords]) {
        expect(states.get(projection), projection.name).toEqual(plain.states.get(projection));
      }
      const report = formatProviderYear(after, { refusals: shredded.refusals });
      expect(report).toContain('paid £1,314.00');
      expect(report).toMatch(/claim-oakfield-2024-25 +school-oakfield +mentor-amara +20 +£43\.80 +£876\.00 +paid/);
      expect(report).toMatch(/Riverside Academy: opened 1, open 0, succeeded 1/);
      expect(report).toContain(`[erased] (${DAN.traineeId})`);
    });

    it('reads their names as ERASED in the read models, and everyone else’s in plaintext', () => {
      const caseload = states.get(leadMentorCaseloadProjection) as { traineeNames: Map<string, unknown>; mentorNames: Map<string, unknown> };
      expect(caseload.traineeNames.get(DAN.traineeId)).toEqual(ERASED);
      expect(caseload.mentorNames.get(AMARA.mentorId)).toEqual(ERASED);
      expect(caseload.traineeNames.get(ADA.traineeId)).toBe(ADA.name);
      expect(caseload.mentorNames.get(TOM.mentorId)).toBe(TOM.name);
      const compliance = states.get(trainingComplianceProjection) as { mentors: Map<string, { name: unknown }> };
      expect(compliance.mentors.get(AMARA.mentorId)?.name).toEqual(ERASED);
      expect(compliance.mentors.get(TOM.mentorId)?.name).toBe(TOM.name);
    });

    it('leaves no forgotten plaintext and no sealed value in any read model or in the report', () => {
      // A value erased for them may also be someone else's words (a stock phrase): only look for the rest.
      const stillRead = jsonOf(after);
      const gone = [...forgotten].filter((value) => !stillRead.includes(value));
      expect(gone).toContain(DAN.name);
      const texts = [...ittLedgerProjections.map((projection) => jsonOf(states.get(projection))), formatProviderYear(after, { refusals: shredded.refusals })];
      for (const text of texts) {
        expect(text).not.toContain('$sealed');
        for (const value of gone) expect(text).not.toContain(value);
      }
      expect(stillRead).not.toContain('$sealed');
    });

    it('reads every stream and a fresh subscription without an error', async () => {
      for (const streamId of new Set(after.map((event) => event.streamId))) await expect(shredded.store.readStream(streamId)).resolves.not.toHaveLength(0);
      let delivered = 0;
      const subscription = shredded.store.subscribe({ onEvent: () => void delivered++, onCaughtUp: () => void subscription.close() });
      expect(await subscription.done).toEqual({ reason: 'closed' });
      expect(delivered).toBe(after.length);
    });
  });
});
