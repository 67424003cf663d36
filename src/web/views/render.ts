/**
 * Rendering JSX views to an HTML document string on the server.
 * Preact escapes text and attribute values; raw HTML enters only through
 * `dangerouslySetInnerHTML`, used for sanitised article bodies.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { withoutLoneSurrogates } from '../../arabic/truncate.js';

/**
 * The full document: doctype plus the rendered tree. Lone surrogates (half
 * an emoji, left by a cut made in UTF-16 units before issue 16 and still in
 * stored text) are dropped: UTF-8 would send each as `�`.
 */
export function renderDocument(tree: VNode): string {
  return withoutLoneSurrogates(`<!doctype html>${renderToString(tree)}`);
}
