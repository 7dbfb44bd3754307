import { describe, expect, it } from 'vitest';
import { kernelQuickstart } from './kernelQuickstart.js';

describe('docs: kernel quick start', () => {
  it('gives the answers the comments promise', async () => {
    expect(await kernelQuickstart()).toEqual({ total: 90, knownOn13th: 60, happenedBy13th: 90, byWeek: { '2024-W37': 90 } });
  });
});
