import { InvalidArgumentError } from '@itt-ledger/core';
import { EventStoreDBClient } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { normaliseConnectionString } from './connection.js';

describe('connection strings', () => {
  it('passes esdb:// through and rewrites the KurrentDB schemes for the 6.x client', () => {
    expect(normaliseConnectionString('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    expect(normaliseConnectionString('kurrentdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    expect(normaliseConnectionString('kurrent://admin:changeit@db:2113')).toBe('esdb://admin:changeit@db:2113');
    expect(normaliseConnectionString('kdb+discover://a:2113,b:2113')).toBe('esdb+discover://a:2113,b:2113');
    expect(normaliseConnectionString('KurrentDB+Discover://cluster.local:2113')).toBe('esdb+discover://cluster.local:2113');
  });

  it('gives strings the client accepts', () => {
    for (const given of ['kurrentdb://localhost:2113?tls=false', 'kdb+discover://a:2113,b:2113?tls=false']) {
      expect(() => EventStoreDBClient.connectionString(normaliseConnectionString(given))).not.toThrow();
    }
  });

  it('refuses other schemes, naming the field', () => {
    for (const given of ['http://localhost:2113', 'localhost:2113', '']) {
      expect(() => normaliseConnectionString(given)).toThrow(expect.objectContaining({ constructor: InvalidArgumentError, field: 'connectionString' }));
    }
  });
});
