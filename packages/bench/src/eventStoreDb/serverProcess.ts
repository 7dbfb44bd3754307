// A child process that runs the EventStoreDB test server (`startTestServer`), so that the server's gRPC work
// runs on the other core and not on the event loop of the client being measured. It sends its connection
// string to the parent, and stops when the parent disconnects.
const TEST_SERVER = '@itt-ledger/eventstoredb-testserver';

interface TestServerModule {
  startTestServer(): Promise<{ readonly connectionString: string; close(): Promise<void> }>;
}

const main = async () => {
  const { startTestServer } = (await import(TEST_SERVER)) as TestServerModule;
  const server = await startTestServer();
  process.send?.({ connectionString: server.connectionString });
  process.once('disconnect', () => void server.close().then(() => process.exit(0)));
};

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
