import type { LocalDate } from '../calendar/localDate.js';

export interface RecordWelfareConcern {
  readonly type: 'RecordWelfareConcern';
  readonly concernId: string;
  readonly traineeId: string;
  readonly notedOn: LocalDate;
  readonly notedBy: string;
  readonly note: string;
  readonly supportOffered?: string;
}

export interface CloseWelfareConcern {
  readonly type: 'CloseWelfareConcern';
  readonly concernId: string;
  readonly closedOn: LocalDate;
  readonly closedBy: string;
  readonly note?: string;
}

export type WelfareCommand = RecordWelfareConcern | CloseWelfareConcern;
