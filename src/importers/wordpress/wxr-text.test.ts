import { describe, expect, it } from 'vitest';
import { FieldText } from './wxr-text.js';

describe('FieldText at its limit', () => {
  it.each([
    // «خبر 🔴» is 6 UTF-16 units: a limit of 5 would have kept half the emoji.
    ['leaves out an emoji the limit falls inside', ['خبر ', '🔴 عاجل'], 5, 'خبر '],
    ['keeps a letter with its haraka whole', ['الحكومةُ'], 7, 'الحكوم'],
    ['keeps text within the limit whole', ['خبر', ' 🔴'], 6, 'خبر 🔴'],
  ])('%s', (_name, pieces, limit, expected) => {
    const field = new FieldText(limit);
    for (const piece of pieces) field.add(piece);
    expect(field.value()).toBe(expected);
  });
});
