// @eventstore/db-client 6.2.1 lacks two things this adapter needs: a filter on `readAll` (EventStoreDB
// 20.6+ filters $all reads on the server, and the client's subscriptions already send that filter) and a
// way to close its gRPC channel. Both are reached through the client's protected members, in this one
// module, and checked at run time so that a client that changes them fails loudly here.
import type { EventStoreDBClient } from '@eventstore/db-client';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type { ReadReq } from '@eventstore/db-client/generated/streams_pb.js';

type StreamsClient = InstanceType<typeof streamsGrpc.StreamsClient>;
type ReadArguments = Parameters<StreamsClient['read']>;
export type RawReadStream = ReturnType<StreamsClient['read']>;

interface Internals {
  GRPCStreamCreator(
    client: typeof streamsGrpc.StreamsClient,
    debugName: string,
    creator: (client: StreamsClient) => RawReadStream,
  ): () => Promise<RawReadStream>;
  callArguments(options: object, callOptions: { deadline: number }): [NonNullable<ReadArguments[1]>, NonNullable<ReadArguments[2]>];
  getChannel(): Promise<{ close(): void }>;
}

const internals = (client: EventStoreDBClient): Internals => {
  const candidate = client as unknown as Partial<Internals>;
  if (typeof candidate.GRPCStreamCreator !== 'function' || typeof candidate.callArguments !== 'function' || typeof candidate.getChannel !== 'function') {
    throw new Error('@itt-ledger/store-eventstoredb needs @eventstore/db-client ^6.2.1 (GRPCStreamCreator, callArguments, getChannel)');
  }
  return candidate as Internals;
};

/** Checks, when the store is made, that the client has the members this module uses. */
export const checkClient = (client: EventStoreDBClient): void => void internals(client);

/**
 * Starts a Streams.Read call with a request built here, on the client's own channel: its credentials,
 * connection name and reconnection after UNAVAILABLE apply as to the client's own reads.
 */
export const openRead = (client: EventStoreDBClient, request: ReadReq): Promise<RawReadStream> => {
  const inner = internals(client);
  return inner.GRPCStreamCreator(streamsGrpc.StreamsClient, 'readAll', (grpc) => grpc.read(request, ...inner.callArguments({}, { deadline: Infinity })))();
};

/** Cancels the client's streams and closes its channel (the client's `dispose` leaves the channel open). */
export const closeClient = async (client: EventStoreDBClient): Promise<void> => {
  await client.dispose();
  const channel = await internals(client).getChannel().catch(() => undefined);
  channel?.close();
};
