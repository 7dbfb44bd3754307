import { describe, expect, it } from 'vitest';
import { deepFreeze } from './freeze.js';

describe('deepFreeze', () => {
  it('freezes a value and everything reachable from it, and returns it', () => {
    const value = { a: { b: [{ c: 1 }] }, d: [1, 2] };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value.a.b[0])).toBe(true);
    expect(Object.isFrozen(value.d)).toBe(true);
    expect(() => {
      (value.a.b[0] as { c: number }).c = 2;
    }).toThrow(TypeError);
  });

  it('passes primitives and null through', () => {
    for (const value of [1, 'x', null, undefined, true, 1n]) expect(deepFreeze(value)).toBe(value);
  });

  it('copes with cycles', () => {
    const value: { self?: unknown; child: { parent?: unknown } } = { child: {} };
    value.self = value;
    value.child.parent = value;
    deepFreeze(value);
    expect(Object.isFrozen(value.child)).toBe(true);
  });
});
