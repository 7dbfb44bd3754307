import { parseArgs } from 'node:util';
import { startTestServer } from './server.js';

// The CLI: `node dist/main.js --port 0 [--host 127.0.0.1] [--no-batch-append]`. It prints one line,
// `EVENTSTORE_TEST_SERVER=<connection string>`, once it listens, and stops on SIGINT or SIGTERM.
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'no-batch-append': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port: expected a port number 0-65535, got ${values.port}`);
  process.exit(2);
}
const server = await startTestServer({ host: values.host, port, batchAppend: !values['no-batch-append'] });
console.log(`EVENTSTORE_TEST_SERVER=${server.connectionString}`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
