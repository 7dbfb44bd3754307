import { describeEventStoreStress } from '@itt-ledger/core/testing/contract';
import { startTestServer, type TestServer } from '@itt-ledger/eventstoredb-testserver';
import { afterAll, beforeAll } from 'vitest';
import { createEventStoreDbStore } from './eventStoreDbStore.js';

// Over real gRPC with the real client, on loopback, against a test server of its own: the workload's
// conflicts, retries and idempotent re-sends are decided by the server's write rules.
let server: TestServer | undefined;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describeEventStoreStress(
  'EventStoreDB adapter over the gRPC test server',
  ({ registry, clock, ids }) => {
    if (!server) throw new Error('the test server is started in beforeAll');
    return createEventStoreDbStore({ registry, clock, ids, connectionString: server.connectionString });
  },
  { commands: 600, handlers: 8, streams: 24, hotStreams: 3, maxAttempts: 5, seed: 20240902 },
);
