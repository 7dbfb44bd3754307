import type { Command } from '../command.js';
import { EXIT } from '../io.js';
import { createReportContext } from '../report.js';

/** Compact JSON of an event's data for a table cell. */
const dataText = (data: unknown) => JSON.stringify(data) ?? '';

export const eventsCommand: Command = {
  name: 'events',
  summary: 'list the stored events (all, or of one stream or type) as of a date: the raw history, corrections included',
  options: {
    stream: { type: 'string', valueName: 'ID', description: 'only this stream' },
    type: { type: 'string', valueName: 'TYPE', description: 'only events of this type' },
  },
  uses: { source: true, asOf: true },
  run: async (env) => {
    const source = await env.source();
    const context = createReportContext({ store: await source.store(), asOf: env.asOf, options: env.options, clock: env.clock, progress: env.progress });
    const stream = env.options.stream as string | undefined;
    const type = env.options.type as string | undefined;
    const events = await context.readAll({
      ...(stream === undefined ? {} : { streamPrefixes: [stream] }),
      ...(type === undefined ? {} : { eventTypes: [type] }),
    });
    const rows = events
      .filter((event) => stream === undefined || event.streamId === stream)
      .map((event) => ({
        streamId: event.streamId,
        streamRevision: event.streamRevision,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
        type: event.type,
        data: dataText(event.data),
      }));
    return {
      source: source.label,
      exitCode: EXIT.ok,
      report: {
        title: stream === undefined ? 'Events' : `Events of ${stream}`,
        tables: [
          {
            name: 'events',
            columns: [
              { key: 'streamId', label: 'stream' },
              { key: 'streamRevision', label: 'rev', align: 'right' },
              { key: 'occurredAt', label: 'occurred' },
              { key: 'recordedAt', label: 'recorded' },
              { key: 'type', label: 'type' },
              { key: 'data', label: 'data' },
            ],
            rows,
          },
        ],
        summary: { events: rows.length },
      },
    };
  },
};
