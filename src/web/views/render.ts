/**
 * Rendering JSX views to an HTML document string on the server.
 * Preact escapes text and attribute values; raw HTML enters only through
 * `dangerouslySetInnerHTML`, used for sanitised article bodies.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** The full document: doctype plus the rendered tree. */
export function renderDocument(tree: VNode): string {
  return `<!doctype html>${renderToString(tree)}`;
}
