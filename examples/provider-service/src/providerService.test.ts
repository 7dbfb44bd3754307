import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIttLedgerRegistry, manualClock, placementStreamId, seededIds, type EventStore } from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createProviderService } from './providerService.js';

// Each test starts the service on a free port (0) and talks to it with fetch, as a client would.
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Started {
  readonly store: EventStore;
  readonly logged: string[];
  readonly post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;
  readonly get: (path: string) => Promise<Response>;
  readonly events: (streamId: string) => Promise<number>;
}

const start = async (wrap: (store: EventStore) => EventStore = (store) => store): Promise<Started> => {
  const clock = manualClock('2024-09-02T17:00:00Z');
  const store = createInMemoryEventStore({ registry: createIttLedgerRegistry(), clock, ids: seededIds(7) });
  const logged: string[] = [];
  const server = createServer(createProviderService({ store: wrap(store), clock, ids: seededIds(8), bodyLimitBytes: 4096, log: (line) => logged.push(line) }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    store,
    logged,
    post: (path, body, headers = {}) =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    get: (path) => fetch(base + path),
    events: async (streamId) => (await store.readAll()).filter((event) => event.streamId === streamId).length,
  };
};

const school = { schoolId: 'oak', providerId: 'prov', name: 'Oak Primary', phase: 'primary', region: 'rest_of_england' };
const calendar = { academicYear: '2024/25', terms: [{ from: '2024-09-04', to: '2024-10-25' }, { from: '2024-11-04', to: '2024-12-20' }], closures: [] };
const trainee = { traineeId: 'ada', providerId: 'prov', name: 'Ada', academicYear: '2024/25', route: { phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' } };
const placement = { placementId: 'p1', traineeId: 'ada', schoolId: 'oak', providerId: 'prov', academicYear: '2024/25', mentorId: 'm1', startDate: '2024-09-09', endDate: '2024-12-13' };
const meeting = (recordId: string, date: string, minutes = 90) => ({
  recordId,
  mentorId: 'm1',
  date,
  minutes,
  present: [{ role: 'trainee' }, { role: 'mentor', personId: 'm1' }],
  targetsDiscussed: ['behaviour routines'],
  occurredAt: `${date}T15:30:00Z`,
});

/** A school, its calendar, a trainee and a placement: the placement's stream is at revision 0. */
const seeded = async () => {
  const service = await start();
  for (const [path, body] of [['/schools', school], ['/schools/oak/calendars', calendar], ['/trainees', trainee], ['/placements', placement]] as const) {
    expect((await service.post(path, body)).status).toBe(200);
  }
  return service;
};

describe('provider service: commands in, projections out', () => {
  it('records, corrects and withdraws meetings and answers with the weekly entitlement', async () => {
    const service = await seeded();
    const recorded = await service.post('/placements/p1/meetings', meeting('r1', '2024-09-10'));
    expect(recorded.status).toBe(200);
    expect(recorded.headers.get('etag')).toBe('"1"');
    expect(recorded.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await recorded.json()).toEqual({ streamId: 'placement-p1', revision: '1', appended: ['MentorMeetingRecorded'], alreadyHandled: false });
    await service.post('/placements/p1/meetings', meeting('r2', '2024-09-17', 45));
    await service.post('/placements/p1/contacts', { recordId: 'c1', mentorId: 'm1', date: '2024-09-19', minutes: 30, kind: 'joint_planning' });
    expect((await service.post('/placements/p1/records/r2/correction', { date: '2024-09-17', minutes: 60, reason: 'ran on' })).status).toBe(200);
    const withdrawn = await service.post('/placements/p1/records/c1/withdrawal', { reason: 'entered twice' });
    expect(withdrawn.headers.get('etag')).toBe('"5"');

    const entitlement = await service.get('/placements/p1/entitlement?today=2024-09-25');
    expect(entitlement.status).toBe(200);
    expect(entitlement.headers.get('etag')).toBe('"5"');
    const table = (await entitlement.json()) as { weeks: { weekStart: string; receivedMinutes: number; shortfallMinutes: number }[]; cumulativeShortfallMinutes: number };
    expect(table.weeks.slice(0, 2).map(({ weekStart, receivedMinutes, shortfallMinutes }) => ({ weekStart, receivedMinutes, shortfallMinutes }))).toEqual([
      { weekStart: '2024-09-09', receivedMinutes: 90, shortfallMinutes: 0 },
      { weekStart: '2024-09-16', receivedMinutes: 60, shortfallMinutes: 30 },
    ]);
    expect(table.cumulativeShortfallMinutes).toBe(30);

    const byTrainee = await service.get('/trainees/ada/entitlement?today=2024-09-25');
    expect(await byTrainee.json()).toMatchObject({ traineeId: 'ada', placementIds: ['p1'], cumulativeShortfallMinutes: 30 });
    const behind = await service.get('/behind-this-week?today=2024-09-25');
    expect(await behind.json()).toEqual({ today: '2024-09-25', by: 'school', rows: [{ id: 'oak', trainees: 1, behind: 1, flagged: 0, behindTraineeIds: ['ada'] }] });
  });

  it('schedules and holds a review point through the progress service', async () => {
    const service = await seeded();
    const where = { traineeId: 'ada', placementId: 'p1', schoolId: 'oak', providerId: 'prov', academicYear: '2024/25', mentorId: 'm1', leadMentorId: 'lm1' };
    const scheduled = await service.post('/review-points', { reviewPointId: 'rp1', ...where, stage: 'introductory', dueDate: '2024-10-11' });
    expect(await scheduled.json()).toMatchObject({ streamId: 'reviewPoint-rp1', appended: ['ReviewPointScheduled'] });
    const held = await service.post('/review-points/rp1/held', { heldOn: '2024-10-10', heldBy: 'm1', leadMentorId: 'lm1', outcome: 'not_on_track', areasOfConcern: ['behaviour management'] }, { 'if-match': '"0"' });
    expect(held.status).toBe(200);
    expect(held.headers.get('etag')).toBe('"1"');
    const refused = await service.post('/review-points/rp1/held', { heldOn: '2024-10-10', heldBy: 'm1', leadMentorId: 'lm1', outcome: 'on_track' });
    expect(await refused.json()).toMatchObject({ error: 'rejected', reason: 'reviewPoint.already-held', field: 'reviewPointId' });
  });
});

describe('provider service: optimistic concurrency and retries', () => {
  it('answers a stale If-Match with 409, naming both revisions, and writes nothing', async () => {
    const service = await seeded();
    const seen = (await service.get('/placements/p1/entitlement?today=2024-09-25')).headers.get('etag')!;
    expect(seen).toBe('"0"');
    expect((await service.post('/placements/p1/meetings', meeting('r1', '2024-09-10'), { 'if-match': seen })).status).toBe(200);

    const stale = await service.post('/placements/p1/meetings', meeting('r2', '2024-09-11'), { 'if-match': seen });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('etag')).toBe('"1"');
    expect(await stale.json()).toMatchObject({ error: 'conflict', streamId: 'placement-p1', expectedRevision: '0', actualRevision: '1' });
    expect(await service.events(placementStreamId('p1'))).toBe(2);
  });

  it('treats a command retried with the same Idempotency-Key as already handled', async () => {
    const service = await seeded();
    const key = { 'idempotency-key': 'client-7f3a-meeting-r1' };
    const first = await service.post('/placements/p1/meetings', meeting('r1', '2024-09-10'), key);
    const retry = await service.post('/placements/p1/meetings', meeting('r1', '2024-09-10'), { ...key, 'if-match': '"0"' });
    expect(await first.json()).toMatchObject({ appended: ['MentorMeetingRecorded'], alreadyHandled: false });
    // The retry's stale If-Match does not matter: the command is found in the stream before any append.
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ streamId: 'placement-p1', revision: '1', appended: [], alreadyHandled: true });
    expect(await service.events(placementStreamId('p1'))).toBe(2);
    // Without the key, the same record is a second command, and the domain refuses the repeated id.
    expect(await (await service.post('/placements/p1/meetings', meeting('r1', '2024-09-10'))).json()).toMatchObject({ reason: 'record.duplicate-id' });
  });
});

describe('provider service: refusals', () => {
  it('answers a domain refusal with 422, its reason and field', async () => {
    const service = await seeded();
    const outside = await service.post('/placements/p1/meetings', meeting('r9', '2024-12-16'));
    expect(outside.status).toBe(422);
    expect(await outside.json()).toMatchObject({ error: 'rejected', reason: 'record.outside-placement', field: 'date' });
    const notArranged = await service.post('/placements/nope/meetings', meeting('r1', '2024-09-10'));
    expect(await notArranged.json()).toMatchObject({ error: 'rejected', reason: 'placement.not-arranged', field: 'placementId' });
    expect(await service.events(placementStreamId('p1'))).toBe(1);
  });

  it('answers malformed input with 400 naming the field', async () => {
    const service = await seeded();
    const cases: [string, unknown, Record<string, string>, string][] = [
      ['/placements/p1/meetings', { ...meeting('r1', '2024-09-10'), minutes: '90' }, {}, 'minutes'],
      ['/placements/p1/meetings', { ...meeting('r1', '2024-09-10'), present: [{ role: 'headteacher' }] }, {}, 'present[0].role'],
      ['/placements/p1/meetings', { ...meeting('r1', '2024-09-31') }, {}, 'date'],
      ['/placements/p1/meetings', { ...meeting('r1', '2024-09-10'), occurredAt: 'last Tuesday' }, {}, 'occurredAt'],
      ['/placements/p1/meetings', { ...meeting('r1', '2024-09-10'), recordId: 'r'.repeat(101) }, {}, 'recordId'],
      ['/placements/p1/meetings', meeting('r1', '2024-09-10'), { 'if-match': 'W/"0"' }, 'if-match'],
      ['/trainees', { ...trainee, traineeId: 'bo', route: { ...trainee.route, fte: 0.5 } }, {}, 'route.fte'],
      ['/review-points', { reviewPointId: 'rp', traineeId: 'ada', placementId: 'p1', schoolId: 'oak', providerId: 'prov', academicYear: '2031/32', stage: 'introductory', dueDate: '2031-10-01', mentorId: 'm1' }, {}, 'academicYear'],
    ];
    for (const [path, body, headers, field] of cases) {
      const response = await service.post(path, body, headers);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(await response.json()).toMatchObject({ error: expect.stringMatching(/^invalid/), field });
    }
    expect(await (await service.post('/placements/p1/meetings', '{"recordId":')).json()).toMatchObject({ error: 'invalid_json' });
    expect((await service.get('/placements/p1/entitlement?today=tomorrow')).status).toBe(400);
    expect(await service.events(placementStreamId('p1'))).toBe(1);
  });

  it('refuses what is not a JSON command: 415, 413, 404 and 405', async () => {
    const service = await seeded();
    expect((await service.post('/placements/p1/meetings', 'recordId=r1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const huge = await service.post('/placements/p1/meetings', { ...meeting('r1', '2024-09-10'), reflection: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });
    expect(await (await service.get('/placements/p1/nothing')).json()).toMatchObject({ error: 'not_found' });
    expect((await service.get('/placements/p2/entitlement')).status).toBe(404);
    const wrongMethod = await service.get('/placements');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('never shows a stack trace: an unexpected error is a 500 with a correlation id, and the log has the rest', async () => {
    const broken = (store: EventStore): EventStore => ({
      ...store,
      registry: store.registry,
      appendToStream: () => Promise.reject(new Error('disk full at /var/lib/secret')),
    });
    const service = await start(broken);
    const response = await service.post('/schools', school);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/disk full|secret|\bat \//);
    const { correlationId } = JSON.parse(text) as { correlationId: string };
    expect(service.logged).toHaveLength(1);
    expect(service.logged[0]).toContain(correlationId);
    expect(service.logged[0]).toContain('disk full');
  });

  it('answers any body on a command route with 200, 400 or 422 — never a 5xx — and writes nothing unless 200', async () => {
    const service = await seeded();
    const valid = meeting('r1', '2024-09-10');
    const fields = Object.keys(valid);
    // A valid command with one field replaced by any JSON value, or removed, or any JSON value at all.
    const bodies = fc.oneof(
      fc.tuple(fc.constantFrom(...fields), fc.jsonValue()).map(([field, value]) => ({ ...valid, recordId: 'rx', [field]: value })),
      fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries({ ...valid, recordId: 'rx' }).filter(([key]) => key !== field))),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const before = await service.events(placementStreamId('p1'));
        const response = await service.post('/placements/p1/meetings', body);
        const answer = (await response.json()) as { error?: string; field?: string };
        expect([200, 400, 422]).toContain(response.status);
        if (response.status === 200) return;
        expect(answer.error).toBeTypeOf('string');
        expect(await service.events(placementStreamId('p1'))).toBe(before);
      }),
      { numRuns: 300, seed: 20240902 },
    );
    expect(service.logged).toEqual([]);
  });
});
