import { describe, expect, it } from 'vitest';
import { textTable } from './textTable.js';

describe('textTable', () => {
  it('pads columns to the widest cell, right-aligns the numbers and rules the header', () => {
    expect(textTable(['week', 'minutes', 'note'], [['2024-09-09', '90', ''], ['2024-09-16', '5', 'short']], [1])).toEqual([
      'week        minutes  note',
      '----------  -------  -----',
      '2024-09-09       90',
      '2024-09-16        5  short',
    ]);
  });
});
