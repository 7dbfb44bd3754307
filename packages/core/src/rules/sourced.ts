/**
 * A rule's value with where it comes from. `rule` names the row (or section) of the project's domain
 * reference (`../shared/domain.md`), `quote` is the wording there the value is read from, and `source` the
 * document that reference cites. A test checks every quote against the reference, so a value cannot
 * drift from its source unnoticed.
 */
export interface Sourced<T> {
  readonly value: T;
  readonly rule: string;
  readonly quote: string;
  readonly source: string;
  /** True when the reference marks the value *(assumed)* or gives none: keep it configurable. */
  readonly assumed?: true;
}

export const sourced = <T>(value: T, rule: string, quote: string, source: string): Sourced<T> => ({ value, rule, quote, source });

export const assumed = <T>(value: T, rule: string, quote: string, source: string): Sourced<T> => ({
  value,
  rule,
  quote,
  source,
  assumed: true,
});
