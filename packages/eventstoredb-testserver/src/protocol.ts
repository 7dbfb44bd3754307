// The service definitions and messages @eventstore/db-client itself ships (generated from EventStoreDB's
// .proto files), so the server speaks exactly what the client sends and expects. They are CommonJS
// written by protoc: their names are not visible to ESM named imports, hence default imports.
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { createRequire } from 'node:module';

export type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
export type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb.js';
export type * as streams from '@eventstore/db-client/generated/streams_pb.js';
export type * as shared from '@eventstore/db-client/generated/shared_pb.js';

export const { StreamsService } = streamsGrpc;
export const { ServerFeaturesService } = serverFeaturesGrpc;
export const { ReadResp, AppendResp, BatchAppendResp, TombstoneResp } = streamsPb;
export const { ReadDirection } = streamsPb.ReadReq.Options;
export const { UUID, StreamIdentifier, AllStreamPosition, WrongExpectedVersion, StreamDeleted, Timeout, MaximumAppendSizeExceeded } = sharedPb;
export const SharedEmpty = sharedPb.Empty;
export const { SupportedMethods, SupportedMethod } = serverFeaturesPb;
export const { Status } = statusPb;

// google.protobuf.Any and Empty come from google-protobuf, whose types only the client's folder sees;
// their shapes are taken from the generated messages that use them.
type AnyMessage = NonNullable<ReturnType<InstanceType<typeof statusPb.Status>['getDetails']>>;
type EmptyMessage = NonNullable<Parameters<InstanceType<typeof streamsPb.BatchAppendResp.Success>['setNoStream']>[0]>;
const require = createRequire(import.meta.url);
export const { Any } = require('google-protobuf/google/protobuf/any_pb.js') as { Any: new () => AnyMessage };
export const ProtobufEmpty = (require('google-protobuf/google/protobuf/empty_pb.js') as { Empty: new () => EmptyMessage }).Empty;

/** google.rpc.Code values used in BatchAppend error statuses. */
export const RpcCode = { INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, FAILED_PRECONDITION: 9 } as const;
