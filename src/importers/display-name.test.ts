import { describe, expect, it } from 'vitest';
import { plainDisplayName } from './display-name.js';

describe('plainDisplayName', () => {
  it.each<[string, string]>([
    ['<b>Ali</b>', 'Ali'],
    ['<strong>علي</strong> <em>حسن</em>', 'علي حسن'],
    ['سلمى&nbsp;&amp; هالة', 'سلمى\u00a0& هالة'],
    ['<p>سطر</p><p>آخر</p>', 'سطر آخر'],
    ['<a title="a<b">نزار</a>', 'نزار'],
    ['  هالة نصر  ', 'هالة نصر'],
  ])('reads %j as %j', (raw, name) => {
    expect(plainDisplayName(raw, 'fallback')).toBe(name);
  });

  it('falls back when no text is left', () => {
    expect(plainDisplayName('<b> </b>', 'ali')).toBe('ali');
  });
});
