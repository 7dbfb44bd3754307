import { isErased } from '../kernel/personalData.js';

/** JSON of a read model, to compare or search it: Maps and Sets as their entries, bigints as text (`12n`). */
export const jsonOf = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map || v instanceof Set ? [...v] : v));

/**
 * What forgetting took away: the values that read as erased in `after` and as something else in `before`
 * (the same events, or plain objects and arrays, read before and after a data subject was forgotten).
 * Strings as they were, anything else as its {@link jsonOf}.
 */
export const erasedValues = (before: unknown, after: unknown): Set<string> => {
  const gone = new Set<string>();
  const visit = (was: unknown, is: unknown): void => {
    if (isErased(is) && !isErased(was)) gone.add(typeof was === 'string' ? was : jsonOf(was));
    else if (typeof was === 'object' && was !== null && typeof is === 'object' && is !== null) {
      for (const key of Object.keys(was)) visit((was as Record<string, unknown>)[key], (is as Record<string, unknown>)[key]);
    }
  };
  visit(before, after);
  return gone;
};
