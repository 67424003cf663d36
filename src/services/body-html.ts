/**
 * The article body's HTML: built from imported paragraphs, and cleaned
 * against an allowlist with sanitize-html before anything is stored.
 */
import sanitizeHtml from 'sanitize-html';

const BLOCK_DIR = ['dir'];

/**
 * The allowlist: what the newsroom's editor can produce and the site can
 * render safely. No scripts, styles, event handlers or iframes; links only
 * to http(s) and mailto; `dir` for mixed-direction text.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'figure',
    'figcaption',
    'img',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'br',
    'hr',
    'cite',
    'q',
    'bdi',
    'span',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'dir'],
    img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
    p: BLOCK_DIR,
    h2: BLOCK_DIR,
    h3: BLOCK_DIR,
    h4: BLOCK_DIR,
    blockquote: BLOCK_DIR,
    li: BLOCK_DIR,
    span: BLOCK_DIR,
    bdi: BLOCK_DIR,
    q: BLOCK_DIR,
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Cleans untrusted HTML against the body allowlist. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * The body HTML for plain-text paragraphs: one `<p>` each, text escaped.
 * @example paragraphsToHtml(['أ < ب']) === '<p>أ &lt; ب</p>'
 */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return sanitizeBodyHtml(paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'));
}
