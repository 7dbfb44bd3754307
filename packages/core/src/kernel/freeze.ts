/** Freezes a value and everything reachable from it. Stored events are facts: nobody may change them. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // Hot on every event written and read: recurse only into objects, and index arrays directly.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  } else {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const field: unknown = (value as Record<string, unknown>)[keys[i]!];
      if (typeof field === 'object' && field !== null) deepFreeze(field);
    }
  }
  return value;
};
