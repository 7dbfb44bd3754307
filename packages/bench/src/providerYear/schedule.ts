import { FIRST_DAY, LAST_DAY, dateOf } from './dates.js';
import type { Generated, Script } from './emit.js';

const pull = (iterator: Iterator<Generated>): Generated | undefined => {
  const step = iterator.next();
  return step.done === true ? undefined : step.value;
};

interface Running {
  readonly script: Script;
  iterator?: Iterator<Generated>;
  pending?: Generated | undefined;
}

/**
 * Runs scripts day by day and yields their events in day order, as a store would receive them: each script
 * starts on its first day and waits between its events in the bucket of the day of its next one, so only
 * the scripts under way hold anything. A script that goes back in time is a bug, and throws.
 */
export function* runScripts(scripts: Iterable<Script>): Generator<Generated> {
  const buckets: (Running[] | undefined)[] = [];
  const enqueue = (running: Running, day: number) => {
    if (day < FIRST_DAY || day > LAST_DAY) throw new Error(`a script has an event on ${dateOf(day)}, outside the generated year`);
    (buckets[day - FIRST_DAY] ??= []).push(running);
  };
  for (const script of scripts) enqueue({ script }, script.start);
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    const today = buckets[day - FIRST_DAY];
    if (today === undefined) continue;
    buckets[day - FIRST_DAY] = undefined;
    for (const running of today) {
      running.iterator ??= running.script.run();
      let next = running.pending ?? pull(running.iterator);
      while (next !== undefined && next.day === day) {
        yield next;
        next = pull(running.iterator);
      }
      running.pending = next;
      if (next === undefined) continue;
      if (next.day < day) throw new Error(`a script went back in time: ${next.event.type} on ${dateOf(next.day)} after ${dateOf(day)}`);
      enqueue(running, next.day);
    }
  }
}
