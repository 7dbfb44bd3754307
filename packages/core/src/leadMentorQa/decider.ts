import { match } from 'ts-pattern';
import type { LocalDate } from '../calendar/localDate.js';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { reject, requireDate, requireText } from '../progress/commandChecks.js';
import { LIMITS } from '../progress/limits.js';
import type { ReviewPointFacts } from '../reviewPoint/facts.js';
import type { LeadMentorQaCommand } from './commands.js';
import { QA_QUESTIONS, type LeadMentorQaEvent, type QaAnswers } from './events.js';
import { leadMentorQaCommandSchema } from './commandSchema.js';

interface Placement {
  readonly traineeId: string;
  readonly placementId: string;
  readonly schoolId: string;
}

interface QaForm {
  readonly completedOn: LocalDate;
  readonly mentorId: string;
  readonly answers: QaAnswers;
  readonly nextStepsForMentor?: unknown;
}

/** The lead mentor's QA of one placement: whose it is, its joint observations and its QA forms by review point. */
export interface LeadMentorQaState {
  readonly placement?: Placement;
  readonly observations: ReadonlyMap<string, { readonly date: LocalDate; readonly withdrawn: boolean }>;
  readonly forms: ReadonlyMap<string, QaForm>;
}

export const initialLeadMentorQaState: LeadMentorQaState = { observations: new Map(), forms: new Map() };

const P = 'leadMentorQa';

const checkPlacement = (state: LeadMentorQaState, placement: Placement): void => {
  const known = state.placement;
  if (known && (known.traineeId !== placement.traineeId || known.placementId !== placement.placementId || known.schoolId !== placement.schoolId)) {
    reject(`${P}.wrong-placement`, `this QA record is for placement ${known.placementId} of trainee ${known.traineeId}`, 'placementId');
  }
};

const checkReviewPointHere = (facts: ReviewPointFacts, placement: Placement): void => {
  if (facts.traineeId !== placement.traineeId || facts.placementId !== placement.placementId) {
    reject(`${P}.review-point-elsewhere`, `review point ${facts.reviewPointId} is another trainee's or placement's`, 'reviewPoint');
  }
};

const sameAnswers = (a: QaAnswers, b: QaAnswers) => QA_QUESTIONS.every((question) => a[question] === b[question]);

export const leadMentorQaDecider: Decider<LeadMentorQaCommand, LeadMentorQaEvent, LeadMentorQaState> = {
  initialState: initialLeadMentorQaState,
  commandSchema: leadMentorQaCommandSchema,
  decide: (command, state) =>
    match(command)
      .with({ type: 'RecordJointObservation' }, (c): LeadMentorQaEvent[] => {
        checkPlacement(state, c);
        if (state.observations.has(c.observationId)) reject(`${P}.observation-exists`, `observation ${c.observationId} is already recorded`, 'observationId');
        if (c.leadMentorId === c.mentorId) reject(`${P}.lead-mentor-is-mentor`, 'a joint observation is by the lead mentor and the school-based mentor together', 'leadMentorId');
        requireDate(c.date, 'date', P);
        requireText(c.focus, 'focus', P, LIMITS.focus);
        requireText(c.feedbackForTrainee, 'feedbackForTrainee', P, LIMITS.note);
        requireText(c.feedbackForMentor, 'feedbackForMentor', P, LIMITS.note);
        if (c.reviewPoint !== undefined) {
          checkReviewPointHere(c.reviewPoint, c);
          if (c.reviewPoint.status === 'missed') reject(`${P}.review-point-missed`, `review point ${c.reviewPoint.reviewPointId} was missed`, 'reviewPoint');
        }
        const { type: _type, reviewPoint, ...data } = c;
        return [{ type: 'JointObservationRecorded', data: { ...data, ...(reviewPoint === undefined ? {} : { reviewPointId: reviewPoint.reviewPointId }) } }];
      })
      .with({ type: 'WithdrawJointObservation' }, (c): LeadMentorQaEvent[] => {
        const observation = state.observations.get(c.observationId);
        if (observation === undefined || state.placement === undefined) return reject(`${P}.unknown-observation`, `no observation ${c.observationId} here`, 'observationId');
        if (observation.withdrawn) return [];
        requireText(c.reason, 'reason', P, LIMITS.reason);
        return [{ type: 'JointObservationWithdrawn', data: { observationId: c.observationId, ...state.placement, reason: c.reason } }];
      })
      .with({ type: 'CompleteLeadMentorQaForm' }, (c): LeadMentorQaEvent[] => {
        const { reviewPoint: facts } = c;
        checkPlacement(state, facts);
        if (facts.status !== 'held' || facts.heldOn === undefined) return reject(`${P}.review-point-not-held`, `review point ${facts.reviewPointId} has not been held`, 'reviewPoint');
        if (state.forms.has(facts.reviewPointId)) reject(`${P}.form-exists`, `the QA form for review point ${facts.reviewPointId} is complete; amend it instead`, 'reviewPoint');
        if (c.leadMentorId === facts.mentorId) reject(`${P}.lead-mentor-is-mentor`, 'the lead mentor quality-assures the school-based mentor; they are not the same person', 'leadMentorId');
        requireDate(c.completedOn, 'completedOn', P);
        if (c.completedOn < facts.heldOn) reject(`${P}.form-before-review-point`, `the review point was held on ${facts.heldOn}, after ${c.completedOn}`, 'completedOn');
        if (c.nextStepsForMentor !== undefined) requireText(c.nextStepsForMentor, 'nextStepsForMentor', P, LIMITS.comment);
        const { reviewPointId, traineeId, placementId, schoolId, mentorId } = facts;
        const { leadMentorId, completedOn, answers, nextStepsForMentor } = c;
        const nextSteps = nextStepsForMentor === undefined ? {} : { nextStepsForMentor };
        return [{ type: 'LeadMentorQaFormCompleted', data: { reviewPointId, traineeId, placementId, schoolId, leadMentorId, mentorId, completedOn, answers: { ...answers }, ...nextSteps } }];
      })
      .with({ type: 'AmendLeadMentorQaForm' }, (c): LeadMentorQaEvent[] => {
        const form = state.forms.get(c.reviewPointId);
        if (form === undefined || state.placement === undefined) return reject(`${P}.no-form`, `no QA form for review point ${c.reviewPointId} to amend`, 'reviewPointId');
        requireDate(c.amendedOn, 'amendedOn', P);
        if (c.amendedOn < form.completedOn) reject(`${P}.amended-before-completed`, `the form was completed on ${form.completedOn}, after ${c.amendedOn}`, 'amendedOn');
        requireText(c.reason, 'reason', P, LIMITS.reason);
        if (c.nextStepsForMentor !== undefined) requireText(c.nextStepsForMentor, 'nextStepsForMentor', P, LIMITS.comment);
        if (sameAnswers(form.answers, c.answers) && form.nextStepsForMentor === c.nextStepsForMentor) return [];
        const { reviewPointId, amendedOn, answers, nextStepsForMentor, reason } = c;
        const nextSteps = nextStepsForMentor === undefined ? {} : { nextStepsForMentor };
        return [{ type: 'LeadMentorQaFormAmended', data: { reviewPointId, ...state.placement, mentorId: form.mentorId, amendedOn, answers: { ...answers }, ...nextSteps, reason } }];
      })
      .exhaustive(),
  evolve: evolveWith<LeadMentorQaEvent, LeadMentorQaState>({
    JointObservationRecorded: (state, { data }) => ({
      ...state,
      placement: state.placement ?? { traineeId: data.traineeId, placementId: data.placementId, schoolId: data.schoolId },
      observations: new Map(state.observations).set(data.observationId, { date: data.date, withdrawn: false }),
    }),
    JointObservationWithdrawn: (state, { data }) => {
      const observation = state.observations.get(data.observationId);
      if (observation === undefined) return state;
      return { ...state, observations: new Map(state.observations).set(data.observationId, { ...observation, withdrawn: true }) };
    },
    LeadMentorQaFormCompleted: (state, { data }) => ({
      ...state,
      placement: state.placement ?? { traineeId: data.traineeId, placementId: data.placementId, schoolId: data.schoolId },
      forms: new Map(state.forms).set(data.reviewPointId, { completedOn: data.completedOn, mentorId: data.mentorId, answers: data.answers, nextStepsForMentor: data.nextStepsForMentor }),
    }),
    LeadMentorQaFormAmended: (state, { data }) => {
      const form = state.forms.get(data.reviewPointId);
      if (form === undefined) return state;
      return { ...state, forms: new Map(state.forms).set(data.reviewPointId, { ...form, answers: data.answers, nextStepsForMentor: data.nextStepsForMentor }) };
    },
  }),
};
