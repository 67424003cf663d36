/**
 * Escaping text for HTML, the one place it is done: what the site writes
 * around sanitised bodies (labels, marked search words, feed excerpts) and
 * the paragraphs of plain-text bodies (services/body-html.ts).
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an HTML text node or attribute value.
 * @example escapeHtml('"أ" & <ب>') === '&quot;أ&quot; &amp; &lt;ب&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Escapes text for a text node only: quotes stay as they are, as the body
 * sanitiser prints them (services/body-html.ts).
 * @example escapeTextNode('"أ" < ب') === '"أ" &lt; ب'
 */
export function escapeTextNode(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}
