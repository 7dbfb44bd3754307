import { describeEventStoreContract } from '@itt-ledger/core/testing/contract';
import { startTestServer, type TestServer } from '@itt-ledger/eventstoredb-testserver';
import { afterAll, beforeAll } from 'vitest';
import { createEventStoreDbStore } from './eventStoreDbStore.js';

// Over real gRPC with the real client, against the wire-compatible test server: the one CI starts
// (EVENTSTORE_TEST_SERVER), or one started here. Every test writes under its own stream prefix. The client
// appends through Streams.BatchAppend when the server offers it (EventStoreDB 21.10+) and through
// Streams.Append otherwise, so the suite runs once more against a server that offers only Append.
const servers: TestServer[] = [];
let connectionString = process.env.EVENTSTORE_TEST_SERVER ?? '';
let appendOnly = '';

beforeAll(async () => {
  const started = await startTestServer({ batchAppend: false });
  servers.push(started);
  appendOnly = started.connectionString;
  if (connectionString) return;
  const server = await startTestServer();
  servers.push(server);
  connectionString = server.connectionString;
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

const options = { numRuns: 100, seed: 20240902, deliveryTimeoutMs: 5_000 };

describeEventStoreContract(
  'EventStoreDB adapter over the gRPC test server',
  ({ registry, clock, ids }) => createEventStoreDbStore({ registry, clock, ids, connectionString }),
  options,
);

describeEventStoreContract(
  'EventStoreDB adapter over the gRPC test server, appending through Streams.Append',
  ({ registry, clock, ids }) => createEventStoreDbStore({ registry, clock, ids, connectionString: appendOnly }),
  options,
);
