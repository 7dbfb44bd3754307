export type { DropPoint, FaultStats, Faults, ReadKind } from './faults.js';
export { TOMBSTONE_REVISION, TOMBSTONE_TYPE, comparePositions, type LogPosition, type PositionLayout, type ServerEvent } from './log.js';
export { SERVER_VERSION, startTestServer, type MethodName, type TestServer, type TestServerOptions } from './server.js';
export { MAX_APPEND_SIZE } from './appendService.js';
