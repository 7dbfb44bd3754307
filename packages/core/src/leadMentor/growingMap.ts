/**
 * An immutable map that a fold grows by one entry per event in O(1). Copying a `Map` per event made
 * loading a lead mentor's stream of n check-ins cost O(n²). The versions one fold makes share one `Map`
 * of entries, each stamped with the version that set it, and a version sees the entries up to its own.
 * Growing a version that is not the newest (a branch: two events folded into the same state) first copies
 * what that version sees, so every version stays what it was.
 */
export interface GrowingMap<V> {
  readonly size: number;
  // Read only through the functions below.
  readonly shared: Shared<V>;
  readonly version: number;
}

interface Entry<V> {
  readonly version: number;
  readonly value: V;
  readonly previous: Entry<V> | undefined;
}

interface Shared<V> {
  readonly entries: Map<string, Entry<V>>;
  /** The newest version made from these entries: only it may add to them in place. */
  head: number;
}

export const emptyGrowingMap = <V>(): GrowingMap<V> => ({ size: 0, shared: { entries: new Map(), head: 0 }, version: 0 });

const visible = <V>(entry: Entry<V> | undefined, version: number): Entry<V> | undefined => {
  let found = entry;
  while (found !== undefined && found.version > version) found = found.previous;
  return found;
};

export const getIn = <V>(map: GrowingMap<V>, key: string): V | undefined => visible(map.shared.entries.get(key), map.version)?.value;

export const hasIn = <V>(map: GrowingMap<V>, key: string): boolean => visible(map.shared.entries.get(key), map.version) !== undefined;

/** What `map` sees, in entries of their own: the start of a branch. */
const copyOf = <V>(map: GrowingMap<V>): Shared<V> => {
  const entries = new Map<string, Entry<V>>();
  for (const [key, entry] of map.shared.entries) {
    const seen = visible(entry, map.version);
    if (seen !== undefined) entries.set(key, { version: 0, value: seen.value, previous: undefined });
  }
  return { entries, head: 0 };
};

/** A new version with `key` set to `value`; `map` is unchanged. */
export const setIn = <V>(map: GrowingMap<V>, key: string, value: V): GrowingMap<V> => {
  const shared = map.shared.head === map.version ? map.shared : copyOf(map);
  const version = shared.head + 1;
  const previous = shared.entries.get(key);
  shared.entries.set(key, { version, value, previous });
  shared.head = version;
  return { size: previous === undefined ? map.size + 1 : map.size, shared, version };
};
