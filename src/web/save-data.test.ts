import { describe, expect, it } from 'vitest';
import { saveDataOn } from './save-data.js';

describe('saveDataOn', () => {
  it.each([
    ['on', true],
    ['On', true],
    [' on ', true],
    ['on;v=1', true],
    ['on ; foo', true],
    ['off', false],
    ['', false],
    ['only', false],
    ['1', false],
  ])('reads Save-Data: %j as %s', (value, expected) => {
    expect(saveDataOn({ 'save-data': value })).toBe(expected);
  });

  it('is false without the header', () => {
    expect(saveDataOn({})).toBe(false);
  });
});
