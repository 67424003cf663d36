import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, fillIn, readLabels } from './labels.js';

describe('readLabels', () => {
  it('takes the server’s words over the Arabic defaults', () => {
    const labels = readLabels('{"bold":"Bold","italic":"Italic"}');
    expect(labels.bold).toBe('Bold');
    expect(labels.italic).toBe('Italic');
    expect(labels.link).toBe(DEFAULT_LABELS.link);
  });

  it('ignores unknown keys, empty or non-string values and broken JSON', () => {
    expect(readLabels('{"nope":"x","bold":"","link":3}')).toEqual(DEFAULT_LABELS);
    expect(readLabels('{not json')).toEqual(DEFAULT_LABELS);
    expect(readLabels(undefined)).toEqual(DEFAULT_LABELS);
  });
});

describe('fillIn', () => {
  it('fills named placeholders and leaves unknown ones as written', () => {
    expect(fillIn('حُفظت الساعة {time}', { time: '10:42' })).toBe('حُفظت الساعة 10:42');
    expect(fillIn('{time} {who}', { time: '09:05' })).toBe('09:05 {who}');
  });
});
