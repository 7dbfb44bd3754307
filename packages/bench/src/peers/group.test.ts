import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../harness.js';
import { interleaveGroups, peerGroup } from './group.js';

const row = (id: string, kind: Benchmark['kind'], interleave?: string): Benchmark => ({
  id,
  title: id,
  kind,
  description: id,
  ...(interleave === undefined ? {} : { interleave }),
  setup: () => undefined,
  run: () => ({ events: 1 }),
});

const rows = [
  row('limit.fold', 'limit'),
  row('peer.append', 'peer', 'append'),
  row('peer.aggregate', 'peer', 'aggregate'),
  row('ours.prepare', 'ours'),
  row('ours.append', 'ours', 'append'),
  row('ours.paired', 'ours', 'ours-only'),
  row('ours.paired2', 'ours', 'ours-only'),
  row('ours.aggregate', 'ours', 'aggregate'),
];

describe('peerGroup', () => {
  it('takes the peer rows and every row interleaved with one, in list order', () => {
    expect(peerGroup(rows).map((b) => b.id)).toEqual(['peer.append', 'peer.aggregate', 'ours.append', 'ours.aggregate']);
  });

  it('takes a peer row whose partner was filtered out, and nothing when there is no peer row', () => {
    expect(peerGroup([rows[1]!, rows[3]!]).map((b) => b.id)).toEqual(['peer.append']);
    expect(peerGroup(rows.filter((b) => b.kind !== 'peer'))).toEqual([]);
  });
});

describe('interleaveGroups', () => {
  it('groups rows by interleave key where the first of each stands, a row without a key alone', () => {
    expect(interleaveGroups(rows).map((group) => group.map((b) => b.id))).toEqual([
      ['limit.fold'],
      ['peer.append', 'ours.append'],
      ['peer.aggregate', 'ours.aggregate'],
      ['ours.prepare'],
      ['ours.paired', 'ours.paired2'],
    ]);
  });
});
