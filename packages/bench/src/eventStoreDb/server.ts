import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  readonly connectionString: string;
  stop(): void;
}

/** Starts the EventStoreDB test server in a child process and resolves with its connection string. */
export const startServerProcess = (): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = fork(fileURLToPath(new URL('./serverProcess.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message: { connectionString?: string; error?: string }) => {
      if (message.connectionString === undefined) {
        reject(new Error(`the EventStoreDB test server did not start: ${message.error ?? 'no reason given'}`));
        return;
      }
      resolve({ connectionString: message.connectionString, stop: () => child.disconnect() });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the EventStoreDB test server exited with code ${String(code)}`)));
  });
