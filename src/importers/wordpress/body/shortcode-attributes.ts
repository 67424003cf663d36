/**
 * A shortcode's attributes, read as WordPress's `shortcode_parse_atts`
 * documents them (developer.wordpress.org/reference/functions/shortcode_parse_atts/):
 * `name="value"`, `name='value'` and `name=value` (no spaces) are named,
 * with the name lower-cased; `"value"`, `'value'` and a bare word are
 * positional. No-break spaces and zero-width spaces count as spaces.
 * Values are kept as written: they are HTML (a `[caption]`'s `caption`
 * may hold a link) and are cleaned later with the rest of the body.
 *
 * A name given twice keeps its last value, as in WordPress. Read by hand
 * in one pass: an unclosed quote runs to the end.
 */

/** A shortcode's attributes: named ones by lower-cased name, positional ones in order. */
export interface ShortcodeAttributes {
  named: Map<string, string>;
  positional: string[];
}

const SPACE = /[\s\u00a0\u200b]/;
const NAME_CHAR = /[\w-]/;

/**
 * @example parseShortcodeAttributes(' ids="1,2" columns=3 link') //
 *   named: ids → '1,2', columns → '3'; positional: ['link']
 */
export function parseShortcodeAttributes(text: string): ShortcodeAttributes {
  const named = new Map<string, string>();
  const positional: string[] = [];
  let at = 0;
  const skipSpaces = (): void => {
    while (at < text.length && SPACE.test(text[at] ?? '')) at += 1;
  };
  const readValue = (): string => {
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, at + 1);
      const end = close === -1 ? text.length : close;
      const value = text.slice(at + 1, end);
      at = end + 1;
      return value;
    }
    const start = at;
    while (at < text.length && !SPACE.test(text[at] ?? '')) at += 1;
    return text.slice(start, at);
  };
  skipSpaces();
  while (at < text.length) {
    const start = at;
    while (at < text.length && NAME_CHAR.test(text[at] ?? '')) at += 1;
    const name = text.slice(start, at);
    skipSpaces();
    if (name !== '' && text[at] === '=') {
      at += 1;
      skipSpaces();
      const key = name.toLowerCase();
      named.set(key, readValue());
    } else {
      at = start;
      positional.push(readValue());
    }
    skipSpaces();
  }
  return { named, positional };
}
