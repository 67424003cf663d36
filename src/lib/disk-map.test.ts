import { describe, expect, it } from 'vitest';
import { DiskMap } from './disk-map.js';

describe('DiskMap', () => {
  it('keeps the first value of a key, and counts each key once', () => {
    const map = new DiskMap();
    expect(map.setIfAbsent('/2021/01/03/خبر/', '12')).toBe(true);
    expect(map.setIfAbsent('/2021/01/03/خبر/', '99')).toBe(false);
    expect(map.setIfAbsent('/?p=12', '12')).toBe(true);
    expect(map.get('/2021/01/03/خبر/')).toBe('12');
    expect(map.get('/?p=13')).toBeUndefined();
    expect(map.has('/?p=12')).toBe(true);
    expect(map.size).toBe(2);
    expect([...map.entries()]).toEqual([
      ['/2021/01/03/خبر/', '12'],
      ['/?p=12', '12'],
    ]);
    map.close();
  });

  it('holds entries past one transaction, readable before and after each commit', () => {
    const map = new DiskMap();
    for (let i = 0; i < 25_001; i++) map.setIfAbsent(`key-${i}`, String(i));
    expect(map.get('key-0')).toBe('0');
    expect(map.get('key-25000')).toBe('25000');
    expect(map.size).toBe(25_001);
    let count = 0;
    for (const [key, value] of map.entries()) if (key === `key-${value}`) count++;
    expect(count).toBe(25_001);
    map.setIfAbsent('after', 'iteration');
    expect(map.get('after')).toBe('iteration');
    map.close();
  });
});
