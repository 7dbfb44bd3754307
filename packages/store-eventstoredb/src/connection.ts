import { InvalidArgumentError } from '@itt-ledger/core';

// KurrentDB (EventStoreDB's new name) speaks the same protocol; its clients take `kurrentdb://`, `kurrent://`
// and `kdb://`, which @eventstore/db-client 6.x does not know. Those schemes are rewritten to `esdb://`.
const SCHEME = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//i;

/** A connection string the 6.x client accepts: `esdb://` or `esdb+discover://`, with the rest unchanged. */
export const normaliseConnectionString = (connectionString: string): string => {
  const match = SCHEME.exec(connectionString.trim());
  if (!match) {
    throw new InvalidArgumentError('connectionString', 'expected esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, e.g. esdb://localhost:2113?tls=false');
  }
  return `esdb${match[2]?.toLowerCase() ?? ''}://${connectionString.trim().slice(match[0].length)}`;
};
