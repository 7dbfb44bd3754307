import { Server, ServerCredentials, status, type ServerDuplexStream } from '@grpc/grpc-js';
import { createFaultState, type Faults } from './faults.js';
import { createServerLog, type PositionLayout, type ServerLog } from './log.js';
import { ServerFeaturesService, StreamsService, SupportedMethod, SupportedMethods, type IServerFeaturesServer, type IStreamsServer, type streams } from './protocol.js';
import { createReadHandler } from './readService.js';
import { createAppendHandler } from './appendService.js';
import { createBatchAppendHandler } from './batchAppendService.js';
import { createTombstoneHandler, deleteHandler } from './tombstoneService.js';
import { sleep } from './wire.js';

export interface TestServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port, reported in the result. */
  readonly port?: number;
  /**
   * Whether the server implements and advertises Streams.BatchAppend (default true, as EventStoreDB 21.10+
   * does; the client then appends through it). With false, the client falls back to Streams.Append.
   */
  readonly batchAppend?: boolean;
  /** How $all positions are laid out; see {@link PositionLayout}. Default `per-event`. */
  readonly positions?: PositionLayout;
  /** The server's clock, for `created` and BatchAppend deadlines. */
  readonly now?: () => Date;
}

export interface TestServer {
  /** E.g. `esdb://127.0.0.1:40123?tls=false`. */
  readonly connectionString: string;
  readonly port: number;
  readonly faults: Faults;
  /** What the server holds, for assertions that must not go through a client. */
  readonly log: Pick<ServerLog, 'all' | 'streamNames' | 'isDeleted'>;
  /** How many calls of each method the server has received (a BatchAppend call carries many appends). */
  readonly calls: Readonly<Record<MethodName, number>>;
  /**
   * A crash and restart, as of a real server whose log is on disk: every open call and connection is cut at
   * once (an append written but not yet answered stays written, unanswered), the port refuses connections
   * for `downMs` (default 0), then the server listens again on the same port with the same log and faults.
   */
  restart(options?: { readonly downMs?: number }): Promise<void>;
  /**
   * Arms a {@link restart} between the next append's write and its answer: that append is written, never
   * answered, and the server restarts. Resolves once the server is listening again.
   */
  restartAfterNextAppend(options?: { readonly downMs?: number }): Promise<void>;
  /** How many times {@link restart} has run. */
  readonly restarts: number;
  /** Stops the server at once; open calls end with UNAVAILABLE. */
  close(): Promise<void>;
}

export type MethodName = 'read' | 'append' | 'batchAppend' | 'tombstone' | 'delete' | 'getSupportedMethods';

export const SERVER_VERSION = '0.0.0-itt-ledger-testserver';

const supportedMethods = (batchAppend: boolean) => {
  const method = (serviceName: string, methodName: string) => new SupportedMethod().setServiceName(serviceName).setMethodName(methodName);
  const streamsService = 'event_store.client.streams.Streams';
  return new SupportedMethods()
    .setEventStoreServerVersion(SERVER_VERSION)
    .setMethodsList([
      method(streamsService, 'Read'),
      method(streamsService, 'Append'),
      method(streamsService, 'Tombstone'),
      ...(batchAppend ? [method(streamsService, 'BatchAppend')] : []),
      method('event_store.client.server_features.ServerFeatures', 'GetSupportedMethods'),
    ]);
};

/**
 * Starts the in-memory EventStoreDB test double: a gRPC server speaking the protocol of
 * `@eventstore/db-client`, for tests where no EventStoreDB can run. Not a database: nothing is persisted.
 */
export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const { host = '127.0.0.1', port = 0, batchAppend = true, positions = 'per-event', now = () => new Date() } = options;
  const log = createServerLog({ layout: positions, now });
  const faultState = createFaultState();
  const calls: Record<MethodName, number> = { read: 0, append: 0, batchAppend: 0, tombstone: 0, delete: 0, getSupportedMethods: 0 };
  const counted =
    <A extends unknown[]>(name: MethodName, handler: (...args: A) => unknown) =>
    (...args: A) => {
      calls[name]++;
      void handler(...args);
    };
  const streamsImpl: IStreamsServer = {
    read: counted('read', createReadHandler(log, faultState)),
    append: counted('append', createAppendHandler(log, faultState)),
    delete: counted('delete', deleteHandler),
    tombstone: counted('tombstone', createTombstoneHandler(log, faultState)),
    batchAppend: counted(
      'batchAppend',
      batchAppend
        ? createBatchAppendHandler(log, faultState, now)
        : (call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>) =>
            call.emit('error', { code: status.UNIMPLEMENTED, details: 'BatchAppend is turned off on this test server' }),
    ),
  };
  const featuresImpl: IServerFeaturesServer = {
    getSupportedMethods: counted('getSupportedMethods', (_call, callback) => callback(null, supportedMethods(batchAppend))),
  };
  // The state above outlives the gRPC server, as a real server's log outlives its process.
  const listen = async (at: number) => {
    const server = new Server();
    server.addService(StreamsService, streamsImpl);
    server.addService(ServerFeaturesService, featuresImpl);
    const bound = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${host}:${at}`, ServerCredentials.createInsecure(), (error, actual) => (error ? reject(error) : resolve(actual))),
    );
    return { server, bound };
  };
  const first = await listen(port);
  const bound = first.bound;
  let server = first.server;
  let restarts = 0;
  let stopped = false;
  const stop = () => {
    faultState.endSubscriptions();
    server.forceShutdown();
  };
  const restart = async ({ downMs = 0 }: { readonly downMs?: number } = {}) => {
    if (stopped) throw new Error('the test server is closed');
    stop();
    restarts++;
    await sleep(downMs);
    // The closed listener may take a moment to free the port.
    for (let attempt = 1; ; attempt++) {
      try {
        ({ server } = await listen(bound));
        return;
      } catch (error) {
        if (attempt >= 50) throw error;
        await sleep(10);
      }
    }
  };
  return {
    connectionString: `esdb://${host}:${bound}?tls=false`,
    port: bound,
    faults: faultState.faults,
    log,
    calls,
    get restarts() {
      return restarts;
    },
    restart,
    restartAfterNextAppend: (restartOptions) =>
      new Promise<void>((resolve, reject) => faultState.crashAfterNextWrite(() => void restart(restartOptions).then(resolve, reject))),
    close: async () => {
      stopped = true;
      faultState.faults.dropSubscriptions();
      stop();
    },
  };
};
