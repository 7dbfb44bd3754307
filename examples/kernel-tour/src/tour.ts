import {
  CommandRejectedError,
  aggregateStream,
  createCommandHandler,
  createProjectionRunner,
  deriveEventId,
  manualClock,
  seededIds,
  withInlineProjections,
  type EventStore,
  type HandleOptions,
  type Instant,
} from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { isDeepStrictEqual } from 'node:util';
import { activeMeetings, meetingLogDecider, type MeetingCommand } from './decider.js';
import { meetingEventDefinitions, meetingRegistry, meetingStreamId, type MeetingKind, type MentorMeetingRecordedV1 } from './events.js';
import { describeEvent, heading, indent, shortInstant, table, weeklyTable } from './format.js';
import { weeklyMentorMinutes } from './projection.js';

/** Fixed, so that ids and therefore the whole printout are the same on every run. */
const SEED = 2024;
const START: Instant = '2024-09-09T07:00:00.000Z';
/** Friday of the third week, after school: the instant both as-of reads look back from. */
const AS_OF: Instant = '2024-09-27T17:00:00.000Z';

const utc = (dayAndTime: string): Instant => `2024-${dayAndTime}:00.000Z`;

/** Appends and replays a small, fictional history, and returns what the demo prints. */
export const runKernelTour = async (): Promise<string> => {
  const out: string[] = [];
  const print = (...lines: string[]) => void out.push(...lines);

  const clock = manualClock(START);
  const ids = seededIds(SEED);
  const store = createInMemoryEventStore({ registry: meetingRegistry, clock, ids });
  const runner = createProjectionRunner({ store, projections: [weeklyMentorMinutes] });
  const inline = withInlineProjections(store, runner);
  // Two devices with their own handler over one store: the mentor's laptop and the trainee's phone.
  const laptop = createCommandHandler({ store: inline, decider: meetingLogDecider, clock });
  const phone = createCommandHandler({ store: inline, decider: meetingLogDecider, clock });

  const trainees = [
    { id: ids.streamId('trainee-'), name: 'Amara Okafor', short: 'Amara' },
    { id: ids.streamId('trainee-'), name: 'Tom Hughes', short: 'Tom' },
  ] as const;
  const [amara, tom] = trainees;

  print(
    'itt-ledger kernel tour',
    '======================',
    'An illustration, not the ITT domain: a trainee\'s log of mentor meetings, defined in this example',
    'only, appended and replayed on the in-memory store. The clock (manualClock) and the ids',
    `(seededIds(${SEED})) are injected, so every run prints exactly this. Times are UTC.`,
  );

  print(...heading('Event model'));
  const personal = meetingRegistry
    .personalData('MentorMeetingRecorded')
    .map((field) => `${field.path.join('.')} (subject: ${field.subjectField}, ${field.category})`);
  print(
    ...indent(
      table(
        ['event', 'version', 'notes'],
        meetingEventDefinitions.map((definition) => [
          definition.type,
          `v${definition.latestVersion}`,
          definition.type === 'MentorMeetingRecorded' ? `v1 lacks kind; personal data: ${personal.join(', ')}` : '',
        ]),
      ),
    ),
  );
  print('', ...indent(trainees.map((t) => `${t.name.padEnd(13)} ${t.id}  stream ${meetingStreamId(t.id)}`)));

  const rows: string[][] = [];
  const notes: string[] = [];
  type Trainee = (typeof trainees)[number];
  const send = async (
    who: Trainee,
    recordedAt: string,
    what: string,
    command: MeetingCommand,
    options: HandleOptions = {},
    handler = laptop,
  ) => {
    clock.set(utc(recordedAt));
    const row = [shortInstant(clock.now()), who.short, what];
    try {
      const result = await handler(meetingStreamId(who.id), command, options);
      const decided = result.events.map((e) => `${e.type} #${e.data.meetingNo}`).join(', ');
      row.push(
        result.alreadyHandled
          ? 'already handled: nothing appended'
          : decided === ''
            ? 'nothing to decide'
            : `rev ${result.nextExpectedRevision}: ${decided}${result.attempts > 1 ? ` (attempt ${result.attempts})` : ''}`,
      );
      rows.push(row);
      return result;
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
      rows.push([...row, `REFUSED ${error.reason}`]);
      notes.push(`refused ${error.reason} (${error.field ?? '-'}): ${error.message}`);
      return undefined;
    }
  };
  const record = (who: Trainee, kind: MeetingKind, minutes: number): MeetingCommand => ({
    type: 'RecordMentorMeeting',
    traineeId: who.id,
    traineeName: who.name,
    kind,
    minutes,
  });

  await send(amara, '09-10T16:00', 'record weekly 60 min, held 09-10 13:30', record(amara, 'weekly', 60), { occurredAt: utc('09-10T13:30') });
  // Tom's first meeting comes from the provider's old spreadsheet import, which still writes schema v1.
  clock.set(utc('09-11T17:00'));
  // The typed port takes the latest schema only; an older writer sees the untyped one.
  const legacyWriter: EventStore = inline;
  const v1Data: MentorMeetingRecordedV1 = { traineeId: tom.id, traineeName: tom.name, meetingNo: 1, minutes: 50 };
  const imported = await legacyWriter.appendToStream(
    meetingStreamId(tom.id),
    [{ type: 'MentorMeetingRecorded', schemaVersion: 1, data: v1Data, occurredAt: utc('09-11T13:00') }],
    { expectedRevision: 'no_stream' },
  );
  rows.push([shortInstant(clock.now()), tom.short, 'import (schema v1) 50 min, held 09-11 13:00', `rev ${imported.nextExpectedRevision}: MentorMeetingRecorded #1`]);

  const coaching = { occurredAt: utc('09-12T12:00'), commandId: 'amara/2024-09-12/coaching' };
  await send(amara, '09-12T15:00', 'record coaching 30 min, held 09-12 12:00', record(amara, 'instructional-coaching', 30), coaching);
  const retried = await send(amara, '09-12T15:01', 'the same, resent after a timeout', record(amara, 'instructional-coaching', 30), coaching);
  await send(amara, '09-12T15:05', 'record weekly 300 min (a typo)', record(amara, 'weekly', 300), { occurredAt: utc('09-12T12:00') });
  await send(amara, '09-17T16:00', 'record weekly 45 min, held 09-17 13:30', record(amara, 'weekly', 45), { occurredAt: utc('09-17T13:30') });
  await send(amara, '09-18T08:30', 'correct #3 to 75 min', { type: 'CorrectMentorMeeting', meetingNo: 3, minutes: 75, reason: 'notes say 75' });
  await send(amara, '09-18T08:35', 'correct #9 to 40 min', { type: 'CorrectMentorMeeting', meetingNo: 9, minutes: 40, reason: 'typo' });
  await send(tom, '09-18T16:00', 'record weekly 90 min, held 09-18 13:00', record(tom, 'weekly', 90), { occurredAt: utc('09-18T13:00') });

  // Both devices read revision 3 and append; the phone loses, re-reads and decides again.
  const [won, raced] = await Promise.all([
    send(amara, '09-20T15:00', 'laptop: coaching 20 min, held 09-19 11:00', record(amara, 'instructional-coaching', 20), { occurredAt: utc('09-19T11:00') }),
    send(amara, '09-20T15:00', 'phone: coaching 25 min, held 09-20 10:00', record(amara, 'instructional-coaching', 25), { occurredAt: utc('09-20T10:00') }, phone),
  ]);

  await send(tom, '09-25T16:00', 'record weekly 40 min, held 09-25 13:00', record(tom, 'weekly', 40), { occurredAt: utc('09-25T13:00') });
  await send(amara, '09-26T15:00', 'record coaching 30 min, held 09-26 12:00', record(amara, 'instructional-coaching', 30), { occurredAt: utc('09-26T12:00') });
  await send(amara, '09-27T09:00', 'withdraw #6', { type: 'WithdrawMentorMeeting', meetingNo: 6, reason: 'logged against the wrong trainee' });
  await send(tom, '09-27T09:05', 'record coaching 30 min, held 09-26 12:00', record(tom, 'instructional-coaching', 30), { occurredAt: utc('09-26T12:00') });
  await send(amara, '09-27T09:10', 'correct #6 to 35 min', { type: 'CorrectMentorMeeting', meetingNo: 6, minutes: 35, reason: 'late note' });
  // Held on Tuesday, written up the next Monday: the event that makes the two as-of reads differ.
  await send(amara, '09-30T08:00', 'record weekly 60 min, held 09-24 13:30', record(amara, 'weekly', 60), { occurredAt: utc('09-24T13:30') });

  const amaraStream = await store.readStream(meetingStreamId(amara.id));
  const coachingEventId = deriveEventId(meetingStreamId(amara.id), coaching.commandId, 0);
  const coachingEvent = amaraStream.find((e) => e.eventId === coachingEventId);

  print(...heading('1. Commands, in the order the system received them'));
  print(...indent(table(['recorded', 'who', 'command', 'outcome'], rows)));
  print('');
  print(
    ...indent([
      `idempotent retry: commandId '${coaching.commandId}' sent twice, alreadyHandled=${String(retried?.alreadyHandled)};`,
      `  rev ${coachingEvent?.streamRevision ?? '?'} has the event id derived from the command id: ${coachingEventId}`,
      raced !== undefined && raced.attempts > 1
        ? `concurrency: the phone's first append met a newer revision; the handler re-read and decided again:`
        : 'concurrency: no conflict this time',
      `  attempts=${raced?.attempts ?? '?'}, and it became meeting #${raced?.events[0]?.data.meetingNo ?? '?'} beside the laptop's #${won?.events[0]?.data.meetingNo ?? '?'}`,
      ...notes,
    ]),
  );

  print(...heading(`2. ${amara.name}'s stream, every event kept (corrections and withdrawals are new events)`));
  print(
    ...indent(
      table(
        ['rev', 'type', 'occurredAt', 'recordedAt', 'data'],
        amaraStream.map((e) => [String(e.streamRevision), e.type, shortInstant(e.occurredAt), shortInstant(e.recordedAt), describeEvent(e)]),
        ['right'],
      ),
    ),
  );

  const [tomFirst] = await store.readStream(meetingStreamId(tom.id), { maxCount: 1 });
  print(...heading('3. An event appended as schema v1, read back upcast'));
  if (tomFirst?.type === 'MentorMeetingRecorded') {
    print(
      ...indent([
        `appended:  schemaVersion 1, data fields ${Object.keys(v1Data).join(', ')}`,
        `read back: schemaVersion ${tomFirst.schemaVersion}, data fields ${Object.keys(tomFirst.data).join(', ')}; kind = '${tomFirst.data.kind}'`,
      ]),
    );
  }

  const inlineState = runner.state(weeklyMentorMinutes);
  const rebuilder = createProjectionRunner({ store, projections: [weeklyMentorMinutes] });
  await rebuilder.rebuild();
  const rebuiltState = rebuilder.state(weeklyMentorMinutes);
  const inlineTable = weeklyTable(inlineState);
  const rebuiltTable = weeklyTable(rebuiltState);
  const equal = isDeepStrictEqual(inlineState, rebuiltState) && inlineTable.join('\n') === rebuiltTable.join('\n');
  print(...heading('4. Minutes of mentor meetings per ISO week (week of the meeting, not of the record)'));
  print(`  kept inline (withInlineProjections), checkpoint at global position ${runner.position(weeklyMentorMinutes) ?? '-'}:`);
  print(...indent(inlineTable, '    '));
  print(`  rebuilt from zero by a fresh runner over all ${store.size()} events:`);
  print(...indent(rebuiltTable, '    '));
  print(`  rebuilt equals inline: ${equal ? 'yes' : 'NO'}`);

  const streamId = meetingStreamId(amara.id);
  const known = await aggregateStream(store, streamId, meetingLogDecider, { asOf: { recordedAt: AS_OF } });
  const happened = await aggregateStream(store, streamId, meetingLogDecider, { asOf: { occurredAt: AS_OF } });
  const summarise = (label: string, result: typeof known) => {
    const active = activeMeetings(result.state);
    return [label, String(result.events.length), active.numbers.map((n) => `#${n}`).join(' '), String(active.minutes)];
  };
  const late = amaraStream.filter((e) => e.occurredAt <= AS_OF && e.recordedAt > AS_OF);
  print(...heading(`5. ${amara.name}'s log as of ${shortInstant(AS_OF)}`));
  print(
    ...indent(
      table(
        ['read', 'events', 'meetings that count', 'minutes'],
        [summarise('recordedAt <= then: what was known then', known), summarise('occurredAt <= then: what had happened then', happened)],
        ['left', 'right', 'left', 'right'],
      ),
    ),
  );
  print(
    '',
    ...indent(
      late.map((e) => `they differ by ${describeEvent(e)}: occurred ${shortInstant(e.occurredAt)}, recorded ${shortInstant(e.recordedAt)}`),
    ),
  );

  await store.close();
  return `${out.join('\n')}\n`;
};
