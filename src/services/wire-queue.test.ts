import { describe, expect, it } from 'vitest';
import { wireAgencyKey, wireSearchKeys, wireStoryKey } from './wire-queue.js';

describe('the wire queue keys', () => {
  it('keys an agency by its name trimmed, spaces collapsed, in lower case', () => {
    expect(wireAgencyKey('  Agence   France-Presse ')).toBe('agence france-presse');
    expect(wireAgencyKey(' سانا ')).toBe('سانا');
  });

  it('gives one story key to a headline however it is spelt, and another to another agency', () => {
    const a = wireStoryKey('سانا', 'الأسد يستقبل وفداً اقتصادياً');
    expect(wireStoryKey('سانا', 'الاسد  يستقبل وفدا اقتصاديا.')).toBe(a);
    expect(wireStoryKey('afp', 'الأسد يستقبل وفداً اقتصادياً')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores search keys with a space at each end, exact forms then stems', () => {
    expect(wireSearchKeys('الأسد في دمشق')).toBe(' الاسد في دمشق اسد في دمشق ');
    expect(wireSearchKeys('«»')).toBe('  ');
  });
});
