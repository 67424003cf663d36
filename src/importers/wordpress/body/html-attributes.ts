/**
 * The attributes of one HTML start tag, read by hand (linear, no regular
 * expression to backtrack), after the HTML Living Standard's attribute
 * states: a name, then optionally `=` and a value in double quotes, single
 * quotes or none. Values are returned as written (character references
 * are not decoded), so writing them back changes nothing.
 */

/** One attribute: its lower-cased name and its value as written ('' when it has none). */
export interface HtmlAttribute {
  name: string;
  value: string;
}

const SPACE = /\s/;

/**
 * The attributes of a start tag's source (`<img src="a.jpg" alt=''>`), in
 * order; a name repeated keeps its first value, as in a browser.
 * @example readAttributes('<img src="a.jpg" alt>') // [{name:'src',value:'a.jpg'},{name:'alt',value:''}]
 */
export function readAttributes(tag: string): HtmlAttribute[] {
  const attributes: HtmlAttribute[] = [];
  const seen = new Set<string>();
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.endsWith('>') ? tag.length - 1 : tag.length;
  // Skip `<` and the tag name.
  let at = 1;
  while (at < end && !SPACE.test(tag[at] ?? '')) at += 1;
  while (at < end) {
    while (at < end && (SPACE.test(tag[at] ?? '') || tag[at] === '/')) at += 1;
    const nameStart = at;
    while (at < end && !SPACE.test(tag[at] ?? '') && tag[at] !== '=' && tag[at] !== '/') at += 1;
    const name = tag.slice(nameStart, at).toLowerCase();
    while (at < end && SPACE.test(tag[at] ?? '')) at += 1;
    let value = '';
    if (tag[at] === '=') {
      at += 1;
      while (at < end && SPACE.test(tag[at] ?? '')) at += 1;
      const quote = tag[at];
      if (quote === '"' || quote === "'") {
        const close = tag.indexOf(quote, at + 1);
        const valueEnd = close === -1 || close > end ? end : close;
        value = tag.slice(at + 1, valueEnd);
        at = valueEnd + 1;
      } else {
        const valueStart = at;
        while (at < end && !SPACE.test(tag[at] ?? '')) at += 1;
        value = tag.slice(valueStart, at);
      }
    }
    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      attributes.push({ name, value });
    }
  }
  return attributes;
}
