import { describe, expect, it } from 'vitest';
import { placementsQuickstart } from './placementsQuickstart.js';

describe('docs: placements quick start', () => {
  it('prints the weekly entitlement table the docs show', async () => {
    const result = await placementsQuickstart();
    expect(result.refusal).toBe('record.outside-placement (date)');
    expect(result.shortfallKnownOn1Nov).toBe(54);
    expect(result.shortfallNow).toBe(78);
    expect(result.table).toMatchInlineSnapshot(`
      "week of     status    entitled  received  shortfall  exempt   streak  flag
      ----------  --------  --------  --------  ---------  -------  ------  ------------------------------------------------------------------
      2024-10-14  complete        54        60          0                0
      2024-10-21  complete        54        30         24                1
      2024-10-28  complete         0         0             holiday
      2024-11-04  complete        54         0         54                2  ACTION: 2 short in a row (mentoring.shortWeeksInARowForAction = 2)
      2024-11-11  complete        54        55          0                0
      weeks met 2, short 2, exempt 1; shortfall 78 min; current streak 0
      "
    `);
  });
});
