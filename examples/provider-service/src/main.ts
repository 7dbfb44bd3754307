import { createServer } from 'node:http';
import { createIttLedgerRegistry, randomIds, systemClock } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { createProviderService } from './providerService.js';

// The in-memory store: the service forgets everything when it stops. Swap in the EventStoreDB adapter
// (same port) to keep the history.
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`provider service: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}\n`);
  process.exit(2);
}
const store = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock: systemClock, ids: randomIds });
const server = createServer(createProviderService({ store, clock: systemClock, ids: randomIds }));

server.listen(port, () => {
  const address = server.address();
  process.stdout.write(`provider service listening on http://localhost:${typeof address === 'object' && address ? address.port : port}\n`);
});

const stop = () => {
  server.close(() => void store.close());
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
