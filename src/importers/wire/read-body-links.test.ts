import { describe, expect, it } from 'vitest';
import { absoluteBodyLinks } from './read-body-links.js';

describe('absoluteBodyLinks', () => {
  it('resolves relative links and images against the base, keeping text and entities as they were', () => {
    const html =
      '<p>نص &amp; <a href="../b?x=1&amp;y=2" title="&quot;ع&quot;">رابط</a><img src="/i.jpg"></p>';

    expect(absoluteBodyLinks(html, 'https://a.example/ar/news/x')).toBe(
      '<p>نص &amp; <a href="https://a.example/ar/b?x=1&amp;y=2" title="&quot;ع&quot;">رابط</a><img src="https://a.example/i.jpg"></p>',
    );
  });

  it('returns the body unchanged when every address is absolute, a fragment, or there is no base', () => {
    const html =
      '<p><a href="https://b.example/">ب</a> <a href="#n1">1</a> <a href="mailto:x@b.example">بريد</a></p>';

    expect(absoluteBodyLinks(html, 'https://a.example/')).toBe(html);
    expect(absoluteBodyLinks('<a href="b">ب</a>', null)).toBe('<a href="b">ب</a>');
  });
});
