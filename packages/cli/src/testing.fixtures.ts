import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fixedClock,
  localDateOf,
  manualClock,
  seededIds,
  weekStartOf,
  type EventStore,
  type NewEvent,
} from '@itt-ledger/core';
import { createContractRegistry, type ContractEvent } from '@itt-ledger/core/testing/contract';
import { createInMemoryEventStore, type InMemoryEventStore } from '@itt-ledger/store-memory';
import { createCli, type CliOptions } from './cli.js';
import type { CliIo } from './io.js';
import type { TimelineEntry, WeekEntitlement } from './output/model.js';
import type { ReportCommand } from './report.js';
import type { StoreConnector } from './sources/storeSource.js';

// Tests run the CLI over the contract suite's domain-free events: ItemAdded has a v1 → v2 upcaster.
export const registry = createContractRegistry();
export const GENERATED_AT = '2025-01-15T12:00:00.000Z';

export const tempDir = () => mkdtemp(join(tmpdir(), 'itt-ledger-cli-'));

/** An io whose output is kept in strings; not a terminal unless asked. */
export const memoryIo = (cwd: string, overrides: Partial<CliIo> = {}) => {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    isTTY: false,
    env: {},
    clock: fixedClock(GENERATED_AT),
    cwd,
    ...overrides,
  };
  return { io, out };
};

/** A connector that hands out this store and keeps it open when the CLI closes it, so the test can read it after. */
export const connectTo =
  (store: EventStore): StoreConnector =>
  async () => ({
    registry: store.registry,
    appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribe: (handler, options) => store.subscribe(handler, options),
    close: async () => undefined,
  });

const added = (itemId: string, quantity: number, occurredAt: string, schemaVersion?: 1): NewEvent<ContractEvent> =>
  (schemaVersion === 1
    ? { type: 'ItemAdded', schemaVersion, data: { itemId, quantity }, occurredAt }
    : { type: 'ItemAdded', data: { itemId, quantity, unit: 'each' }, occurredAt }) as NewEvent<ContractEvent>;

/**
 * A small history with both clocks apart: room-1 gets a cup (written by an older v1 writer) and a jug; the
 * jug is withdrawn on the 20th, recorded late; a note marks the second week short.
 */
export const seedStore = async (): Promise<InMemoryEventStore<ContractEvent>> => {
  const clock = manualClock('2024-09-02T17:00:00.000Z');
  const store = createInMemoryEventStore({ registry, clock, ids: seededIds(7) });
  await store.appendToStream('room-1', [added('cup', 2, '2024-09-02T09:00:00Z', 1), added('pan', 1, '2024-09-03T09:00:00Z')], {
    expectedRevision: 'no_stream',
  });
  clock.set('2024-09-04T17:00:00.000Z');
  await store.appendToStream('room-2', [added('mug', 3, '2024-09-04T10:00:00Z')]);
  clock.set('2024-09-13T17:00:00.000Z');
  await store.appendToStream('room-1', [
    { type: 'ItemAdded', data: { itemId: 'jug', quantity: 4, unit: 'each' }, occurredAt: '2024-09-12T09:00:00Z', metadata: { actor: 'mentor-7', correlationId: 'c-1' } },
    { type: 'NoteWritten', data: { authorId: 'lead-1', text: 'short: half-term, "closed" <Friday>', tags: [] }, occurredAt: '2024-09-11T09:00:00Z' },
  ]);
  clock.set('2024-09-20T17:00:00.000Z');
  await store.appendToStream('room-1', [{ type: 'ItemRemoved', data: { itemId: 'jug' }, occurredAt: '2024-09-12T12:00:00Z' }]);
  return store;
};

/**
 * A report in the shape the domain's will have: its own option, the clocks from the context, a timeline
 * where a removal is shown beside the addition it undid, and weeks (15 minutes per item, 60 entitled).
 */
export const stockReport: ReportCommand = {
  name: 'stock',
  summary: "a room's items as of a date",
  access: { audience: ['auditor'], personalFields: [] },
  options: { room: { type: 'string', valueName: 'ID', required: true, description: 'the room' } },
  run: async (context) => {
    const room = context.options.room as string;
    const events = (await context.readAll({ streamPrefixes: [room] })).filter((event) => event.streamId === room) as unknown as readonly (ContractEvent & {
      occurredAt: string;
      recordedAt: string;
    })[];
    const timeline: TimelineEntry[] = [];
    const byItem = new Map<string, number>();
    const weeks = new Map<string, { received: number; short?: string }>();
    for (const event of events) {
      const week = weekStartOf(localDateOf(event.occurredAt));
      const slot = weeks.get(week) ?? { received: 0 };
      weeks.set(week, slot);
      if (event.type === 'ItemAdded') {
        byItem.set(event.data.itemId, timeline.length);
        timeline.push({ date: event.occurredAt, recordedAt: event.recordedAt, kind: 'added', text: `${event.data.quantity} × ${event.data.itemId}` });
        slot.received += event.data.quantity * 15;
      } else if (event.type === 'ItemRemoved') {
        const index = byItem.get(event.data.itemId);
        if (index !== undefined) timeline[index] = { ...timeline[index]!, correction: `withdrawn (recorded ${event.recordedAt})` };
      } else if (typeof event.data.text === 'string' && event.data.text.startsWith('short: ')) {
        slot.short = event.data.text.slice('short: '.length);
      }
    }
    const weekRows: WeekEntitlement[] = [...weeks.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([week, { received, short }]) => ({ week, entitledMinutes: 60, receivedMinutes: received, ...(short === undefined ? {} : { exemptReason: short }) }));
    return { title: `Stock of ${room}`, timeline, weeks: weekRows, summary: { items: byItem.size } };
  },
};

export const testCli = (overrides: Partial<CliOptions> = {}) => createCli({ registry, reports: [stockReport], ...overrides });
