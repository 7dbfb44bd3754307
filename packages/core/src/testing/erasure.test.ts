import { describe, expect, it } from 'vitest';
import { ERASED } from '../kernel/personalData.js';
import { erasedValues, jsonOf } from './erasure.js';

describe('jsonOf', () => {
  it('writes Maps and Sets as their entries and bigints as text', () => {
    expect(jsonOf({ byId: new Map([['a', 1]]), tags: new Set(['x']), position: 12n })).toBe('{"byId":[["a",1]],"tags":["x"],"position":"12n"}');
  });
});

describe('erasedValues', () => {
  it('names each value that reads as erased after and as something else before, however deep', () => {
    const before = [{ data: { name: 'Asha Patel', address: { line: '1 Oak Road' }, schoolId: 'school-oak' } }, { data: { note: ERASED } }];
    const after = [{ data: { name: ERASED, address: ERASED, schoolId: 'school-oak' } }, { data: { note: ERASED } }];
    expect(erasedValues(before, after)).toStrictEqual(new Set(['Asha Patel', '{"line":"1 Oak Road"}']));
  });

  it('is empty when nothing was erased', () => {
    const state = [{ data: { traineeId: 't-1', name: 'Ada', note: ERASED } }];
    expect(erasedValues(state, structuredClone(state)).size).toBe(0);
  });
});
