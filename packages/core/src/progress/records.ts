/**
 * Records keyed by id (review points, targets, observations, plans, welfare concerns). The object holding
 * them belongs to the fold and is changed in place, as the funding and mentor read models' maps are; each
 * record in it is an immutable value, replaced when an event changes it.
 *
 * Why: a new copy of a trainee's records per event made most of a year's replay garbage (about 1 kB an
 * event), and at a national scale those copies outlived the young generation, so the collector copied
 * them twice and then had to sweep them from the old one. The objects have no prototype, which V8 keeps in
 * dictionary mode: ids as keys of ordinary objects would give every trainee's records hidden classes of
 * their own.
 */
export type Records<R> = Readonly<Record<string, R>>;

/** An empty set of records for a new partition. */
export const noRecords = <R>(): Records<R> => Object.create(null) as Records<R>;

/** Puts `record` under `id` (added or replaced) and returns `owner`, the state that holds the records. */
export const putRecord = <S, R>(owner: S, records: Records<R>, id: string, record: R): S => {
  (records as Record<string, R>)[id] = record;
  return owner;
};

/** Replaces the record under `id` with its changed value, when there is one, and returns `owner`. */
export const changeRecord = <S, R>(owner: S, records: Records<R>, id: string, change: (record: R) => R): S => {
  const record = records[id];
  if (record !== undefined) (records as Record<string, R>)[id] = change(record);
  return owner;
};
