/** A JSON text that is the same for equal values: keys sorted, bigints and Maps spelt out. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return `${item}n`;
    if (item instanceof Map) return { $map: [...item.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)) };
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  }) ?? 'undefined';

/** Keeps a message readable when a state is large. */
export const clip = (text: string, max = 300): string => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`);
