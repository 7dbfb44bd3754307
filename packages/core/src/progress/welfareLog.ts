import type { LocalDate } from '../calendar/localDate.js';
import type { Erased } from '../kernel/personalData.js';
import { definePartitionedProjection } from '../kernel/projection.js';
import { REPORTS, type ReportKind } from './audience.js';
import type { ProgressEventOf } from './events.js';
import { changeRecord, noRecords, putRecord } from './records.js';

export interface WelfareConcernRecord {
  readonly concernId: string;
  readonly notedOn: LocalDate;
  readonly notedBy: string;
  readonly note: string | Erased;
  readonly supportOffered?: string | Erased | undefined;
  readonly closedOn?: LocalDate;
  readonly closingNote?: string | Erased | undefined;
}

type WelfareEvents = ProgressEventOf<'WelfareConcernRecorded' | 'WelfareConcernClosed'>;

/** Each trainee's welfare concerns, notes included: special category data, only for the welfare log. */
export const welfareConcerns = definePartitionedProjection<WelfareEvents, Readonly<Record<string, WelfareConcernRecord>>>({
  name: 'welfare-concerns',
  partitionBy: (event) => event.data.traineeId,
  initialState: () => noRecords(),
  handlers: {
    WelfareConcernRecorded: (concerns, { data }) => {
      const { concernId, notedOn, notedBy, note, supportOffered } = data;
      return putRecord(concerns, concerns, concernId, { concernId, notedOn, notedBy, note, supportOffered });
    },
    WelfareConcernClosed: (concerns, { data }) => changeRecord(concerns, concerns, data.concernId, (concern) => ({ ...concern, closedOn: data.closedOn, closingNote: data.note })),
  },
});

/** A trainee's welfare log: for the provider's welfare lead only (see `REPORTS.welfareLog`). */
export interface WelfareLog {
  readonly report: ReportKind;
  readonly traineeId: string;
  readonly open: readonly WelfareConcernRecord[];
  readonly closed: readonly WelfareConcernRecord[];
}

export const welfareLog = (concerns: Readonly<Record<string, WelfareConcernRecord>> | undefined, traineeId: string): WelfareLog => {
  const all = Object.values(concerns ?? {}).sort((a, b) => (a.notedOn !== b.notedOn ? (a.notedOn < b.notedOn ? -1 : 1) : a.concernId < b.concernId ? -1 : 1));
  return { report: REPORTS.welfareLog, traineeId, open: all.filter((c) => c.closedOn === undefined), closed: all.filter((c) => c.closedOn !== undefined) };
};
