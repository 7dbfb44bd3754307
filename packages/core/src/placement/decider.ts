import { match } from 'ts-pattern';
import { evolveWith, type Decider } from '../kernel/decider.js';
import { standardRuleBook, type RuleBook } from '../rules/ruleBook.js';
import type { PlacementCommand } from './commands.js';
import type { PlacementEvent } from './events.js';
import { arrange, changeMentor, complete, endEarly, extend, pause, resume } from './lifecycle.js';
import { correct, recordContact, recordMeeting, withdraw } from './records.js';
import { initialPlacementState, placementHandlers, type PlacementState } from './state.js';
import { placementCommandSchema } from './commandSchema.js';

export type PlacementDecider = Decider<PlacementCommand, PlacementEvent, PlacementState>;

/**
 * One placement and its mentoring records, in one stream: a record's checks (within the placement's
 * dates, by one of its mentors, not after it ended) need only this stream. The rule book supplies the
 * year's bounds (longest record, whether placements may overlap).
 */
export const createPlacementDecider = (ruleBook: RuleBook = standardRuleBook): PlacementDecider => ({
  initialState: initialPlacementState,
  commandSchema: placementCommandSchema,
  decide: (command, state) =>
    match<PlacementCommand, PlacementEvent[]>(command)
      .with({ type: 'ArrangePlacement' }, (c) => arrange(c, state, ruleBook))
      .with({ type: 'ChangePlacementMentor' }, (c) => changeMentor(c, state))
      .with({ type: 'ExtendPlacement' }, (c) => extend(c, state, ruleBook))
      .with({ type: 'PausePlacement' }, (c) => pause(c, state))
      .with({ type: 'ResumePlacement' }, (c) => resume(c, state))
      .with({ type: 'EndPlacementEarly' }, (c) => endEarly(c, state))
      .with({ type: 'CompletePlacement' }, (c) => complete(c, state))
      .with({ type: 'RecordMentorMeeting' }, (c) => recordMeeting(c, state, ruleBook))
      .with({ type: 'RecordMentoringContact' }, (c) => recordContact(c, state, ruleBook))
      .with({ type: 'CorrectMentoringRecord' }, (c) => correct(c, state, ruleBook))
      .with({ type: 'WithdrawMentoringRecord' }, (c) => withdraw(c, state))
      .exhaustive(),
  evolve: evolveWith(placementHandlers),
});

export const placementDecider: PlacementDecider = createPlacementDecider();
