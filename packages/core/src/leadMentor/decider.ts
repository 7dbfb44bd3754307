import { match } from 'ts-pattern';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { CommandRejectedError } from '../kernel/errors.js';
import { checkedEvent, definedOnly } from '../mentor/checked.js';
import type { LeadMentorCommand } from './commands.js';
import {
  LeadMentorAppointed,
  LeadMentorAppointmentEnded,
  LeadMentorCheckInRecorded,
  LeadMentorCheckInWithdrawn,
  LeadMentorSchoolAssigned,
  LeadMentorSchoolReleased,
  LeadMentorSupervisionRecorded,
  type LeadMentorEvent,
} from './events.js';
import { leadMentorCommandSchema } from './commandSchema.js';
import { emptyGrowingMap, getIn, hasIn, setIn, type GrowingMap } from './growingMap.js';

export interface SchoolPeriod {
  readonly from: LocalDate;
  readonly releasedOn?: LocalDate;
}

export interface LeadMentorAppointment {
      readonly status: 'appointed' | 'ended';
      readonly leadMentorId: string;
      readonly providerId: string;
      readonly appointedOn: LocalDate;
      readonly endedOn?: LocalDate;
      /** Each school's periods in the caseload, oldest first; the last is open until released. */
      readonly schools: ReadonlyMap<string, readonly SchoolPeriod[]>;
      /** Whether each check-in was withdrawn; grown in O(1) per event (a lead mentor records about 1,000 a year). */
      readonly checkIns: GrowingMap<boolean>;
      readonly supervisions: GrowingMap<true>;
}

export type LeadMentorState = { readonly status: 'not_appointed' } | LeadMentorAppointment;

type Appointed = LeadMentorAppointment & { readonly status: 'appointed' };

const INVALID = 'leadMentor.invalid';

const appointed = (state: LeadMentorState): Appointed => {
  if (state.status === 'not_appointed') throw new CommandRejectedError('leadMentor.not-appointed', 'this mentor is not a lead mentor');
  if (state.status === 'ended') throw new CommandRejectedError('leadMentor.appointment-ended', `the appointment ended on ${state.endedOn ?? '?'}`);
  return state as Appointed;
};

const notBefore = (date: LocalDate, earliest: LocalDate, field: string, what: string): void => {
  if (date < earliest) throw new CommandRejectedError('leadMentor.date-out-of-order', `${field} ${date} is before ${what} (${earliest})`, field);
};

/** Whether the school was in the caseload on `date`. */
export const inCaseloadOn = (periods: readonly SchoolPeriod[] | undefined, date: LocalDate): boolean =>
  periods?.some((period) => period.from <= date && (period.releasedOn === undefined || date <= period.releasedOn)) ?? false;

const currentPeriod = (periods: readonly SchoolPeriod[] | undefined): SchoolPeriod | undefined => {
  const last = periods?.[periods.length - 1];
  return last?.releasedOn === undefined ? last : undefined;
};

const checkSchoolOn = (state: Appointed, schoolId: string, date: LocalDate): void => {
  if (!inCaseloadOn(state.schools.get(schoolId), date)) {
    throw new CommandRejectedError('leadMentor.school-not-in-caseload', `school ${schoolId} was not in this lead mentor's caseload on ${date}`, 'schoolId');
  }
};

const withSchools = (state: LeadMentorState, schoolId: string, change: (periods: readonly SchoolPeriod[]) => readonly SchoolPeriod[]): LeadMentorState =>
  state.status === 'not_appointed' ? state : { ...state, schools: new Map(state.schools).set(schoolId, change(state.schools.get(schoolId) ?? [])) };

export const leadMentorDecider: Decider<LeadMentorCommand, LeadMentorEvent, LeadMentorState> = {
  initialState: { status: 'not_appointed' },
  commandSchema: leadMentorCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'AppointLeadMentor' }, (c): LeadMentorEvent[] => {
        if (state.status === 'appointed') throw new CommandRejectedError('leadMentor.already-appointed', `appointed on ${state.appointedOn}`, 'leadMentorId');
        if (state.status === 'ended' && state.leadMentorId !== c.leadMentorId) {
          throw new CommandRejectedError('leadMentor.wrong-mentor', `this stream belongs to ${state.leadMentorId}`, 'leadMentorId');
        }
        const { type: _type, ...data } = c;
        const event = checkedEvent(LeadMentorAppointed, data, INVALID);
        if (state.status === 'ended' && state.endedOn !== undefined) notBefore(c.appointedOn, state.endedOn, 'appointedOn', 'the end of the last appointment');
        return [event];
      })
      .with({ type: 'EndLeadMentorAppointment' }, (c): LeadMentorEvent[] => {
        const lead = appointed(state);
        const event = checkedEvent(LeadMentorAppointmentEnded, { leadMentorId: lead.leadMentorId, endedOn: c.endedOn, reason: c.reason }, INVALID);
        notBefore(c.endedOn, lead.appointedOn, 'endedOn', 'the appointment');
        return [event];
      })
      .with({ type: 'AssignSchoolToLeadMentor' }, (c): LeadMentorEvent[] => {
        const lead = appointed(state);
        const event = checkedEvent(LeadMentorSchoolAssigned, { leadMentorId: lead.leadMentorId, schoolId: c.schoolId, from: c.from }, INVALID);
        if (currentPeriod(lead.schools.get(c.schoolId)) !== undefined) return [];
        notBefore(c.from, lead.appointedOn, 'from', 'the appointment');
        const last = lead.schools.get(c.schoolId)?.at(-1);
        if (last?.releasedOn !== undefined) notBefore(c.from, last.releasedOn, 'from', 'the school was last released');
        return [event];
      })
      .with({ type: 'ReleaseSchoolFromLeadMentor' }, (c): LeadMentorEvent[] => {
        const lead = appointed(state);
        const period = currentPeriod(lead.schools.get(c.schoolId));
        if (period === undefined) throw new CommandRejectedError('leadMentor.school-not-in-caseload', `school ${c.schoolId} is not in this caseload`, 'schoolId');
        const event = checkedEvent(LeadMentorSchoolReleased, { leadMentorId: lead.leadMentorId, schoolId: c.schoolId, releasedOn: c.releasedOn }, INVALID);
        notBefore(c.releasedOn, period.from, 'releasedOn', 'the school was assigned');
        return [event];
      })
      .with({ type: 'RecordCheckIn' }, (c): LeadMentorEvent[] => {
        const lead = appointed(state);
        if (hasIn(lead.checkIns, c.checkInId)) throw new CommandRejectedError('leadMentor.duplicate-check-in', `check-in ${c.checkInId} is already recorded`, 'checkInId');
        const { type: _type, ...rest } = c;
        const event = checkedEvent(LeadMentorCheckInRecorded, definedOnly({ ...rest, leadMentorId: lead.leadMentorId }), INVALID);
        checkSchoolOn(lead, c.schoolId, c.date);
        return [event];
      })
      .with({ type: 'WithdrawCheckIn' }, (c): LeadMentorEvent[] => {
        if (state.status === 'not_appointed') throw new CommandRejectedError('leadMentor.not-appointed', 'this mentor is not a lead mentor');
        const withdrawn = getIn(state.checkIns, c.checkInId);
        if (withdrawn === undefined) throw new CommandRejectedError('leadMentor.check-in-not-found', `there is no check-in ${c.checkInId}`, 'checkInId');
        if (withdrawn) return [];
        return [checkedEvent(LeadMentorCheckInWithdrawn, { checkInId: c.checkInId, leadMentorId: state.leadMentorId, reason: c.reason }, INVALID)];
      })
      .with({ type: 'RecordSupervision' }, (c): LeadMentorEvent[] => {
        const lead = appointed(state);
        if (hasIn(lead.supervisions, c.supervisionId)) {
          throw new CommandRejectedError('leadMentor.duplicate-supervision', `supervision ${c.supervisionId} is already recorded`, 'supervisionId');
        }
        const { type: _type, mentorIds, ...rest } = c;
        const event = checkedEvent(LeadMentorSupervisionRecorded, definedOnly({ ...rest, mentorIds: [...mentorIds], leadMentorId: lead.leadMentorId }), INVALID);
        if (new Set(mentorIds).size !== mentorIds.length) throw new CommandRejectedError('leadMentor.duplicate-mentor', 'a mentor is listed twice', 'mentorIds');
        if (c.schoolId !== undefined) checkSchoolOn(lead, c.schoolId, c.date);
        notBefore(c.date, lead.appointedOn, 'date', 'the appointment');
        return [event];
      })
      .exhaustive(),
  evolve: evolveWith<LeadMentorEvent, LeadMentorState>({
    LeadMentorAppointed: (state, { data }) => ({
      status: 'appointed',
      leadMentorId: data.leadMentorId,
      providerId: data.providerId,
      appointedOn: data.appointedOn,
      schools: state.status === 'not_appointed' ? new Map() : state.schools,
      checkIns: state.status === 'not_appointed' ? emptyGrowingMap() : state.checkIns,
      supervisions: state.status === 'not_appointed' ? emptyGrowingMap() : state.supervisions,
    }),
    LeadMentorAppointmentEnded: (state, { data }) => (state.status === 'not_appointed' ? state : { ...state, status: 'ended', endedOn: data.endedOn }),
    LeadMentorSchoolAssigned: (state, { data }) => withSchools(state, data.schoolId, (periods) => [...periods, { from: data.from }]),
    LeadMentorSchoolReleased: (state, { data }) =>
      withSchools(state, data.schoolId, (periods) => periods.map((period, i) => (i === periods.length - 1 ? { ...period, releasedOn: data.releasedOn } : period))),
    LeadMentorCheckInRecorded: (state, { data }) =>
      state.status === 'not_appointed' ? state : { ...state, checkIns: setIn(state.checkIns, data.checkInId, false) },
    LeadMentorCheckInWithdrawn: (state, { data }) =>
      state.status === 'not_appointed' ? state : { ...state, checkIns: setIn(state.checkIns, data.checkInId, true) },
    LeadMentorSupervisionRecorded: (state, { data }) =>
      state.status === 'not_appointed' ? state : { ...state, supervisions: setIn(state.supervisions, data.supervisionId, true) },
  }),
};
