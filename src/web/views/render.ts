/**
 * Rendering JSX views to an HTML document string on the server.
 * Preact escapes text and attribute values; raw HTML enters only through
 * `dangerouslySetInnerHTML`, used for sanitised article bodies.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { withoutLoneSurrogates } from '../../arabic/truncate.js';

/** Any surrogate code unit, paired or not. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The full document: doctype plus the rendered tree. Lone surrogates (half
 * an emoji, left by a cut made in UTF-16 units before issue 16 and still in
 * stored text) are dropped: UTF-8 would send each as `�`. Most pages have
 * no emoji at all: a plain scan finds that in a quarter of the time the
 * lone-surrogate search takes over a 16 KB page.
 */
export function renderDocument(tree: VNode): string {
  const html = `<!doctype html>${renderToString(tree)}`;
  return SURROGATE.test(html) ? withoutLoneSurrogates(html) : html;
}
