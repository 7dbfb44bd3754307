import {
  CommandRejectedError,
  aggregateStream,
  createCommandHandler,
  createEventRegistry,
  createProjectionRunner,
  defineEvent,
  defineProjection,
  evolveWith,
  manualClock,
  seededIds,
  withInlineProjections,
  type Decider,
  type EventsOf,
} from '@itt-ledger/core';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { match } from 'ts-pattern';
import { z } from 'zod';

// 1. Events are facts: past-tense names, zod schemas, versions.
const MeetingLogged = defineEvent('MeetingLogged', z.object({ week: z.string(), minutes: z.number().int().min(1).max(600) }));
const definitions = [MeetingLogged] as const;
type LogEvent = EventsOf<typeof definitions>;

// 2. A decider: decide (exhaustive over commands) and evolve (a handler map over events).
type LogMeeting = { type: 'LogMeeting'; week: string; minutes: number };
type State = { total: number };
const decider: Decider<LogMeeting, LogEvent, State> = {
  initialState: { total: 0 },
  decide: (command, state) =>
    match(command)
      .with({ type: 'LogMeeting' }, ({ week, minutes }) => {
        if (state.total + minutes > 6_000) throw new CommandRejectedError('log.full', 'the log is full', 'minutes');
        return [{ type: 'MeetingLogged' as const, data: { week, minutes } }];
      })
      .exhaustive(),
  evolve: evolveWith<LogEvent, State>({ MeetingLogged: (state, event) => ({ total: state.total + event.data.minutes }) }),
};

// 3. A projection: a pure fold with a name and the event types it handles.
const minutesByWeek = defineProjection<LogEvent, Readonly<Record<string, number>>>({
  name: 'minutesByWeek',
  initialState: () => ({}),
  handlers: { MeetingLogged: (state, { data }) => ({ ...state, [data.week]: (state[data.week] ?? 0) + data.minutes }) },
});

export const kernelQuickstart = async () => {
  // Clocks and ids are injected: the same run gives the same bytes.
  const clock = manualClock('2024-09-09T17:00:00Z');
  const store = createInMemoryEventStore({ registry: createEventRegistry(definitions), clock, ids: seededIds(1) });
  const runner = createProjectionRunner({ store, projections: [minutesByWeek] });
  const handle = createCommandHandler({ store: withInlineProjections(store, runner), decider, clock });

  await handle('log-trainee-1', { type: 'LogMeeting', week: '2024-W37', minutes: 60 }, { occurredAt: '2024-09-09T15:30:00Z' });
  clock.set('2024-09-20T17:00:00Z'); // the next meeting is logged late
  await handle('log-trainee-1', { type: 'LogMeeting', week: '2024-W37', minutes: 30 }, { occurredAt: '2024-09-12T15:30:00Z' });

  const now = await aggregateStream(store, 'log-trainee-1', decider);
  const knownOn13th = await aggregateStream(store, 'log-trainee-1', decider, { asOf: { recordedAt: '2024-09-13T00:00:00Z' } });
  const happenedBy13th = await aggregateStream(store, 'log-trainee-1', decider, { asOf: { occurredAt: '2024-09-13T00:00:00Z' } });
  return {
    total: now.state.total, // 90
    knownOn13th: knownOn13th.state.total, // 60: the second meeting was not yet recorded
    happenedBy13th: happenedBy13th.state.total, // 90: but it had happened
    byWeek: runner.state(minutesByWeek), // { '2024-W37': 90 }
  };
};
