import { describe, expect, it } from 'vitest';
import { erasureQuickstart } from './erasureQuickstart.js';

describe('docs: erasure quick start', () => {
  it('stores the name sealed, reads it back, and reads it as erased once the key is gone', async () => {
    const result = await erasureQuickstart();
    expect(JSON.stringify(result.storedName)).toMatch(/^\{"\$sealed":\{"v":1,"iv":"[^"]+","tag":"[^"]+","data":"[^"]+"\}\}$/);
    expect(JSON.stringify(result.storedName)).not.toContain('Ada');
    expect(result.nameBefore).toBe('Ada Okafor');
    expect(result.nameErased).toBe(true);
    expect(result.routeAfter).toStrictEqual({ phase: 'primary', mode: 'full_time', fte: 1, programme: 'postgraduate' });
  });
});
