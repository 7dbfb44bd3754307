import type { DomainEvent, StoredEvent } from '../../kernel/envelope.js';
import { runProjection, type AnyProjection } from '../../kernel/projection.js';
import type { EventStore } from '../../kernel/store.js';
import { checkAccepted, uniqueAppends } from './acceptedChecks.js';
import { canonical, clip } from './canonical.js';
import { checkGlobalOrder, checkStreams } from './storeChecks.js';
import { StoreConsistencyError } from './storeConsistencyError.js';
import type { AcceptedAppend } from './stressLog.js';

/** A domain rule over the stored events (in global order) and the accepted appends: one message per breach. */
export type StoreInvariant = (stored: readonly StoredEvent[], accepted: readonly AcceptedAppend[]) => readonly string[];

export interface ConsistencyInput {
  /** Only streams under this prefix are checked (a shared server holds others' streams too). */
  readonly prefix: string;
  /** Every append the store accepted, idempotent answers included. */
  readonly accepted: readonly AcceptedAppend[];
  /** Each projection's state as maintained during the load: it must equal a replay of `readAll` from zero. */
  readonly projections?: readonly { readonly projection: AnyProjection; readonly state: unknown }[];
  readonly invariants?: readonly StoreInvariant[];
}

export interface ConsistencySummary {
  readonly events: number;
  readonly streams: number;
}

/** Every violation the store and the accepted log show, from the store's own reads; empty when consistent. */
export const findStoreViolations = async <E extends DomainEvent>(
  store: EventStore<E>,
  input: ConsistencyInput,
): Promise<{ readonly violations: readonly string[]; readonly summary: ConsistencySummary }> => {
  const all = await store.readAll({ filter: { streamPrefixes: [input.prefix] } });
  const { appends, violations: retryViolations } = uniqueAppends(input.accepted);
  const streamIds = new Set([...all.map((event) => event.streamId), ...appends.map((append) => append.streamId)]);
  const violations = [
    ...checkGlobalOrder(all),
    ...(await checkStreams(store, all, streamIds)),
    ...retryViolations,
    ...checkAccepted(all, appends),
  ];
  for (const { projection, state } of input.projections ?? []) {
    const [live, replay] = [canonical(state), canonical(runProjection(projection, all))];
    if (live !== replay) violations.push(`projection ${projection.name}: the live state ${clip(live)} differs from a replay from zero ${clip(replay)}`);
  }
  for (const invariant of input.invariants ?? []) violations.push(...invariant(all, appends));
  return { violations, summary: { events: all.length, streams: new Set(all.map((event) => event.streamId)).size } };
};

/** As {@link findStoreViolations}, but throws a {@link StoreConsistencyError} listing every violation. */
export const checkStoreConsistency = async <E extends DomainEvent>(store: EventStore<E>, input: ConsistencyInput): Promise<ConsistencySummary> => {
  const { violations, summary } = await findStoreViolations(store, input);
  if (violations.length > 0) throw new StoreConsistencyError(violations);
  return summary;
};
