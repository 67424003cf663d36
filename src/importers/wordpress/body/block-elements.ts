/**
 * Which HTML elements start a block for the paragraph pass (autop.ts), and
 * how text directly inside each is treated. The block list is the one
 * `wpautop` documents as never wrapped in a paragraph
 * (developer.wordpress.org/reference/functions/wpautop/: tables, lists,
 * `div`, `pre`, `blockquote`, headings, `hr`, sectioning elements,
 * `figure`, `details`…), with `main` and `center` added.
 */

// prettier-ignore
/** Elements that are blocks: text never runs across their tags. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'table', 'thead', 'tfoot', 'caption', 'col', 'colgroup', 'tbody', 'tr', 'td', 'th', 'div',
  'dl', 'dd', 'dt', 'ul', 'ol', 'li', 'pre', 'form', 'map', 'area', 'blockquote', 'address',
  'math', 'style', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'fieldset', 'legend',
  'section', 'article', 'aside', 'hgroup', 'header', 'footer', 'nav', 'figure', 'figcaption',
  'details', 'menu', 'summary', 'main', 'center',
]);

/** Blocks without content or end tag. */
export const VOID_BLOCKS: ReadonlySet<string> = new Set(['hr', 'col', 'area']);

// prettier-ignore
/**
 * Elements whose content is copied untouched, start tag to end tag: `pre`
 * (wpautop leaves it alone) and the raw-text or foreign elements whose
 * line breaks it keeps (`script`, `style`, `svg`, `math`, `textarea`).
 */
export const VERBATIM_ELEMENTS: ReadonlySet<string> = new Set([
  'pre', 'script', 'style', 'svg', 'math', 'textarea',
]);

// prettier-ignore
/**
 * Containers whose text always becomes paragraphs, like the top level:
 * WordPress wraps a blockquote's text in `<p>`, and a `div` or `section`
 * is dropped by the body's sanitiser, so its text must carry its own
 * paragraphs to stay apart from the next.
 */
export const PARAGRAPH_CONTAINERS: ReadonlySet<string> = new Set([
  'blockquote', 'div', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main',
  'details', 'form', 'fieldset', 'center',
]);

/**
 * Containers whose text becomes paragraphs only when it is mixed with
 * blocks or split by an empty line (`<li>a<ul>…</ul></li>` → `<li><p>a</p><ul>…`);
 * a plain `<li>text</li>` stays as it is, as in WordPress.
 */
export const MIXED_CONTAINERS: ReadonlySet<string> = new Set(['li', 'dd', 'td', 'th']);

// prettier-ignore
/**
 * Inline elements that are content even when empty: an empty paragraph is
 * dropped unless it holds one of them.
 */
export const CONTENT_ELEMENTS: ReadonlySet<string> = new Set([
  'img', 'iframe', 'video', 'audio', 'embed', 'object', 'picture', 'svg', 'canvas', 'math',
  'input', 'select', 'textarea', 'button',
]);
