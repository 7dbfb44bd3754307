import { describe, expect, it } from 'vitest';
import { createCli } from '../cli.js';
import { EXIT } from '../io.js';
import { memoryIo, registry } from '../testing.fixtures.js';

// The real adapter, with nothing listening: a refused connection is "unreachable" (exit 3) within seconds.
describe('the EventStoreDB source', () => {
  it('an unreachable store is one line and exit 3', async () => {
    const { io, out } = memoryIo(process.cwd());
    const code = await createCli({ registry }).run(['verify', '--esdb', 'esdb://admin:changeit@127.0.0.1:1?tls=false'], io);
    expect(code).toBe(EXIT.unreachable);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^itt-ledger: cannot reach the event store: [^\n]+\n$/);
    expect(out.stderr).not.toContain('changeit');
  });

  it('a connection string of another scheme is a usage error', async () => {
    const { io, out } = memoryIo(process.cwd());
    expect(await createCli({ registry }).run(['verify', '--esdb', 'http://localhost:2113'], io)).toBe(EXIT.usage);
    expect(out.stderr).toMatch(/^itt-ledger: --esdb: expected esdb:\/\/[^\n]+\n$/);
  });
});
