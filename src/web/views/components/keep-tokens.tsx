/**
 * Text whose Latin-script tokens joined by a hyphen, dot, comma, slash or
 * colon (`COVID-19`, `F-16`, `1,250`, `U.S.`) are each kept on one line:
 * a narrow column (the breaking-news ticker on a phone) may otherwise
 * break such a token at its hyphen or, under `overflow-wrap: anywhere`,
 * anywhere inside it.
 */
import type { ComponentChildren } from 'preact';

/** A Latin letter-or-digit run joined to more by `-`, `‐`, `‑`, `.`, `,`, `/` or `:`. */
const TOKEN = /[A-Za-z0-9]+(?:[-\u2010\u2011.,/:][A-Za-z0-9]+)+\.?/g;

/**
 * `text` as children, each joined Latin token in `<span class="nowrap">`.
 * @example keepTokens('إجراءات لمواجهة COVID-19 اليوم')
 * // ['إجراءات لمواجهة ', <span class="nowrap">COVID-19</span>, ' اليوم']
 */
export function keepTokens(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(<span class="nowrap">{match[0]}</span>);
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
