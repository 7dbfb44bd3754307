import { startTestServer, type TestServer } from '@itt-ledger/eventstoredb-testserver';
import { afterAll, beforeAll } from 'vitest';

/**
 * The test server of the calling test file: the one CI starts (EVENTSTORE_TEST_SERVER), or one started
 * before the file's tests and closed after them. Call it at the top of the file; read `connectionString`
 * inside the tests, once it is known.
 */
export const useTestServer = (): { readonly connectionString: string } => {
  let connectionString = process.env.EVENTSTORE_TEST_SERVER ?? '';
  let server: TestServer | undefined;
  beforeAll(async () => {
    if (connectionString) return;
    server = await startTestServer();
    connectionString = server.connectionString;
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get connectionString() {
      return connectionString;
    },
  };
};
