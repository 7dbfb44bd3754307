import { describe, expect, it } from 'vitest';
import { dayKind } from './calendar.js';

describe('term calendar', () => {
  const calendar = { terms: [{ from: '2024-09-04', to: '2024-10-25' }], closures: [{ from: '2024-10-07', to: '2024-10-08', reason: 'INSET' }] };

  it('tells term days from holidays, closures and weekends', () => {
    expect(['2024-09-03', '2024-09-04', '2024-09-07', '2024-10-07', '2024-10-08', '2024-10-09', '2024-10-25', '2024-10-28'].map((d) => dayKind(calendar, d))).toEqual([
      'holiday',
      'term',
      'weekend',
      'closure',
      'closure',
      'term',
      'term',
      'holiday',
    ]);
  });
});
