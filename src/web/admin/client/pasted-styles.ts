/**
 * Inline styles of pasted HTML, read without applying them: Word and
 * Google Docs say "bold", "italic" and "list item" only in `style`.
 */

/** Where defuseStyles puts an element's inline style. */
export const STYLE = 'data-paste-style';

/**
 * The HTML with `<style>` elements removed and `style` attributes renamed
 * to `data-paste-style`. Parsing a style, even in a DOMParser document,
 * counts as applying it under the newsroom's CSP (no 'unsafe-inline'):
 * the browser would log a violation for each and hide the very
 * declarations (font-weight, mso-list) this cleaner reads. Only the
 * insides of tags are touched, never the text.
 */
export function defuseStyles(html: string): string {
  return html
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${STYLE}$2`));
}

/**
 * One declaration of an element's (defused) inline style, lower-cased,
 * '' when absent.
 *
 * @example styleValue(span, 'font-weight') // '700'
 */
export function styleValue(element: Element, property: string): string {
  for (const declaration of (element.getAttribute(STYLE) ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0 && declaration.slice(0, colon).trim().toLowerCase() === property) {
      return declaration
        .slice(colon + 1)
        .replace(/!important/i, '')
        .trim()
        .toLowerCase();
    }
  }
  return '';
}
