import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeTextNode } from './escape-html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can end a text node or an attribute value', () => {
    expect(escapeHtml(`"أ" & <ب> 'ج'`)).toBe('&quot;أ&quot; &amp; &lt;ب&gt; &#39;ج&#39;');
  });

  it('leaves Arabic text and its tashkeel as they are', () => {
    expect(escapeHtml('مَرْحَبًا، يا عالم')).toBe('مَرْحَبًا، يا عالم');
  });
});

describe('escapeTextNode', () => {
  it('escapes markup but keeps quotes, as the sanitiser prints them', () => {
    expect(escapeTextNode(`"أ" & <ب> 'ج'`)).toBe(`"أ" &amp; &lt;ب&gt; 'ج'`);
  });
});
