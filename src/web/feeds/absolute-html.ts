/**
 * Feeds are read away from the site, where a link like `/a/123` or an image
 * at `/media/4/w640.webp` means nothing: every site-relative URL in a
 * stored body is made absolute before it goes into a feed (RSS 2.0 and
 * RFC 4287 §8.1 leave relative references to the reader, and most readers
 * resolve them against the feed, not the article).
 */

/**
 * `html` (a sanitised body, attributes in double quotes as the sanitiser
 * writes them) with each `href`, `src` and `srcset` URL that starts with a
 * single `/` prefixed with `origin`. Absolute and protocol-relative URLs
 * are kept.
 *
 * @example absoluteHtml('<a href="/a/1">x</a>', 'https://news.example')
 *   // '<a href="https://news.example/a/1">x</a>'
 */
export function absoluteHtml(html: string, origin: string): string {
  const absolute = (url: string) => (/^\/(?!\/)/.test(url) ? `${origin}${url}` : url);
  return html
    .replace(
      /(\s(?:href|src)=")([^"]*)"/g,
      (_all, open: string, url: string) => `${open}${absolute(url)}"`,
    )
    .replace(/(\ssrcset=")([^"]*)"/g, (_all, open: string, list: string) => {
      const entries = list.split(',').map((entry) => {
        const [url = '', ...descriptor] = entry.trim().split(/\s+/);
        return [absolute(url), ...descriptor].join(' ');
      });
      return `${open}${entries.join(', ')}"`;
    });
}
