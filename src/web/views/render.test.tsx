import { describe, expect, it } from 'vitest';
import { renderDocument } from './render.js';

describe('renderDocument', () => {
  it.each([
    ['drops half an emoji in text', <p>{'خبر عاجل 🔴\uD83D…'}</p>, '<p>خبر عاجل 🔴…</p>'],
    ['drops it in an attribute', <meta content={'🔴\uDD34'} />, '<meta content="🔴"/>'],
    ['keeps whole emoji', <p>{'👩🏽‍⚕️ 🇸🇾'}</p>, '<p>👩🏽‍⚕️ 🇸🇾</p>'],
  ])('%s', (_name, tree, expected) => {
    expect(renderDocument(tree)).toBe(`<!doctype html>${expected}`);
  });
});
