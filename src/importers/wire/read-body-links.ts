/**
 * Relative addresses in an agency's body made absolute. A body is stored
 * on our site, where `/ar/story-2` or `photo.jpg` would name our pages and
 * files instead of the agency's: a link would break, and an image would
 * pass the sanitiser as one of the site's own (services/body-html.ts keeps
 * only relative image addresses). Resolved against the item's `xml:base`,
 * else its page, else the feed's (RFC 3986 §5 through WHATWG URL).
 */
import { DomUtils, parseDocument } from 'htmlparser2';

/** Attributes that hold an address, by element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  blockquote: ['cite'],
  q: ['cite'],
};

/** An address with a scheme (`https:`, `mailto:`) or a fragment only. */
const NOT_RELATIVE = /^\s*(?:[a-z][a-z0-9+.-]*:|#)/i;

/**
 * `html` with its relative link and media addresses resolved against
 * `base`; the same string when there is no base or nothing to resolve.
 *
 * @example absoluteBodyLinks('<a href="b">ب</a>', 'https://a.example/ar/x') === '<a href="https://a.example/ar/b">ب</a>'
 */
export function absoluteBodyLinks(html: string, base: string | null): string {
  if (base === null || !/\s(?:href|src|poster|cite)\s*=/i.test(html)) return html;
  const document = parseDocument(html);
  let changed = false;
  const elements = DomUtils.findAll((element) => element.name in URL_ATTRIBUTES, document.children);
  for (const element of elements) {
    for (const name of URL_ATTRIBUTES[element.name] ?? []) {
      const value = element.attribs[name];
      if (value === undefined || NOT_RELATIVE.test(value)) continue;
      try {
        element.attribs[name] = new URL(value.trim(), base).href;
        changed = true;
      } catch {
        // Not an address at all: left for the sanitiser to judge.
      }
    }
  }
  return changed ? DomUtils.getOuterHTML(document.children, { encodeEntities: 'utf8' }) : html;
}
