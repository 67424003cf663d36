/**
 * The article body's HTML: built from imported paragraphs, and cleaned
 * against an allowlist with sanitize-html before anything is stored. A
 * body over the size or depth limits (domain/body-html-limits.ts) is
 * refused before any tree is built.
 */
import { defaultTreeAdapter, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import sanitizeHtml from 'sanitize-html';
import {
  BODY_HTML_LIMITS,
  bodyHtmlProblem,
  type BodyHtmlProblem,
} from '../domain/body-html-limits.js';
import { BODY_ELEMENTS, DIR_ATTRIBUTES } from '../domain/body-elements.js';
import {
  ARTICLE_IMAGE_SIZES,
  MEDIA_VARIANT_SRC,
  srcsetOf,
  variantWidths,
} from '../domain/media.js';
import { escapeTextNode } from '../lib/escape-html.js';
import { AppError } from '../lib/errors.js';

const REFUSALS: Record<BodyHtmlProblem, string> = {
  TOO_LARGE: `The article body is too long: at most ${BODY_HTML_LIMITS.maxChars} characters of HTML.`,
  TOO_DEEP: `The article body is nested too deeply: at most ${BODY_HTML_LIMITS.maxDepth} elements inside one another.`,
};

/**
 * A body refused before sanitising: code `BODY_HTML_TOO_LARGE` or
 * `BODY_HTML_TOO_DEEP`, status 422, nothing stored. `where` (e.g.
 * `articles.jsonl line 3`) starts the message when the body came from a file.
 */
export class BodyHtmlRefused extends AppError {
  readonly problem: BodyHtmlProblem;
  constructor(problem: BodyHtmlProblem, where?: string) {
    const message = REFUSALS[problem];
    super(`BODY_HTML_${problem}`, where ? `${where}: ${message}` : message);
    this.problem = problem;
  }
}

/**
 * Refuses a body over the limits, cheaply (linear, stops at the first
 * element too deep): call it before any heavier work on untrusted HTML.
 * @throws BodyHtmlRefused
 */
export function assertBodyHtmlWithinLimits(html: string, where?: string): void {
  const problem = bodyHtmlProblem(html);
  if (problem) throw new BodyHtmlRefused(problem, where);
}

/** Providers whose posts an article may embed (as a link, or a click-to-load facade). */
export const EMBED_PROVIDERS = ['youtube', 'x', 'telegram'] as const;

/** True for an embed figure naming a known provider and an https URL. */
function isEmbed(attribs: Record<string, string>): boolean {
  const provider = attribs['data-embed'] ?? '';
  const url = attribs['data-url'] ?? '';
  return (
    (EMBED_PROVIDERS as readonly string[]).includes(provider) && /^https:\/\/[^\s"<>]+$/.test(url)
  );
}

/**
 * Characters that hide a URL's scheme: every control (U+0000–U+001F,
 * U+007F–U+009F), format character (zero-width space and joiners, soft
 * hyphen, bidi marks, U+FEFF) and space or separator (NBSP, U+2028,
 * U+2029, U+3000…). A browser's URL parser strips some of them, ignores
 * others, and they hide `javascript:` from sanitize-html's scheme check.
 */
const HIDING = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;
const EDGES = /^[\p{Cc}\p{Cf}\p{Z}\s]+|[\p{Cc}\p{Cf}\p{Z}\s]+$/gu;

/**
 * A link or image address as stored: null when, with every hiding
 * character removed, it names a scheme outside `schemes` or is
 * protocol-relative (`//host`, `/\\host`); else the address trimmed of
 * those characters at both ends (sanitize-html then checks it again).
 * @example urlWithin('\u2028javascript:alert(1)', ['https']) === null
 * @example urlWithin(' /a/1 ', ['https']) === '/a/1'
 */
export function urlWithin(value: string, schemes: readonly string[]): string | null {
  const bare = value.replace(HIDING, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  if (scheme !== undefined && !schemes.includes(scheme)) return null;
  if (/^[/\\]{2}/.test(bare)) return null;
  return value.replace(EDGES, '');
}

/** The tag with its URL attribute `name` checked by urlWithin (dropped when refused), in place. */
function checkedUrl(name: string, schemes: readonly string[]) {
  return (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const checked: sanitizeHtml.Attributes = {};
    for (const [key, value] of Object.entries(attribs)) {
      const url = key === name ? urlWithin(value, schemes) : value;
      if (url !== null) checked[key] = url;
    }
    return { tagName, attribs: checked };
  };
}

const LINK_SCHEMES = ['http', 'https', 'mailto'];

/**
 * An `<img>` of the body made responsive: an image of the media library
 * whose `width` (the original's, in pixels) is known gets the `srcset` of
 * every variant made at upload (`variantWidths` decides them from that
 * width alone), the article column's `sizes`, and lazy loading, as body
 * images are below the fold. Any other `srcset`/`sizes` is dropped: a
 * body never names files the site did not make.
 */
function responsiveImage(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const {
    srcset: _srcset,
    sizes: _sizes,
    ...rest
  } = checkedUrl('src', [])(tagName, attribs).attribs;
  const id = MEDIA_VARIANT_SRC.exec(rest['src'] ?? '')?.[1];
  const width = Number(rest['width']);
  if (id === undefined || !Number.isInteger(width) || width <= 0) return { tagName, attribs: rest };
  return {
    tagName,
    attribs: {
      ...rest,
      srcset: srcsetOf({ id, widths: variantWidths(width) }),
      sizes: ARTICLE_IMAGE_SIZES,
      loading: 'lazy',
      decoding: 'async',
    },
  };
}

/**
 * The allowlist: what the newsroom's editor can produce and the site can
 * render safely. No scripts, styles, event handlers, SVG or iframes; links
 * only to http(s) and mailto; images only from the site itself (relative
 * paths such as /media/7/w960.webp), never another site's or `data:`; `dir` for mixed-direction text; two custom blocks: embeds
 * (`<figure class="embed" data-embed data-url>`) and "read also" boxes
 * (`<aside class="read-also" data-article-id>`). An `<img>` left without
 * an allowed `src` is dropped whole (the reader would see a broken image,
 * the editor could not show it), and so is a `<figure>` left with no image
 * inside, caption included (dropImagelessFigures). Every HTML that enters
 * (editor, API, import, wire) goes through here.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_ELEMENTS],
  allowedAttributes: {
    a: ['href', 'title', 'dir'],
    img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
    ...DIR_ATTRIBUTES,
    figure: ['class', 'data-embed', 'data-url'],
    aside: ['class', 'data-article-id'],
  },
  allowedClasses: { figure: ['embed'], aside: ['read-also'] },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !frame.attribs['src']) ||
    (frame.tag === 'figure' &&
      frame.attribs['data-embed'] !== undefined &&
      !isEmbed(frame.attribs)) ||
    (frame.tag === 'aside' && !/^[1-9][0-9]{0,18}$/.test(frame.attribs['data-article-id'] ?? '')),
  allowedSchemes: LINK_SCHEMES,
  // Images come from the media library (site paths, stripped of camera and GPS
  // data): another site's image would be a tracking pixel in every reader's page.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Addresses are checked with their hiding characters removed first (urlWithin).
  transformTags: { a: checkedUrl('href', LINK_SCHEMES), img: responsiveImage },
};

/**
 * Cleans untrusted HTML against the body allowlist. The markup is first
 * rebuilt the way a browser would read it (the HTML Living Standard's tree
 * construction, by parse5), so broken markup comes out well-formed and
 * means the same to us as to the reader's browser. Synchronous and up to
 * a few hundred ms for a body at the size limit: the web layer runs it in
 * a worker thread (sanitizer-pool.ts).
 * @throws BodyHtmlRefused over the limits, judged on the input and again on
 *   the tree parse5 built (misnested end tags that a browser ignores can
 *   nest deeper than the tokens say).
 */
export function sanitizeBodyHtml(html: string): string {
  assertBodyHtmlWithinLimits(html);
  const tree = parseFragment(html);
  if (treeDepth(tree) > BODY_HTML_LIMITS.maxDepth) throw new BodyHtmlRefused('TOO_DEEP');
  dropImagelessFigures(tree);
  return sanitizeHtml(serialize(tree), OPTIONS);
}

type Node = DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * True when the sanitiser keeps `src` on an `<img>`: a site path, with no
 * scheme and not protocol-relative once hiding characters (urlWithin) and
 * HTML comments (which sanitize-html's own check removes) are taken out.
 */
function imageSrcKept(src: string | undefined): boolean {
  if (src === undefined) return false;
  const url = urlWithin(src, []);
  return url !== null && url !== '' && urlWithin(url.replace(/<!--[\s\S]*?-->/g, ''), []) !== null;
}

/** The value of attribute `name` on `element`, if any. */
function attributeOf(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/**
 * Removes from `parent`'s tree, in place, every `<img>` whose `src` the
 * sanitiser would drop, then every `<figure>` that is no embed and holds
 * no image any more (its caption goes with it: a caption of an image not
 * there misleads the reader). Returns true when `parent` holds an image.
 * Recursive: the depth is checked before (at most BODY_HTML_LIMITS.maxDepth).
 */
function dropImagelessFigures(parent: DefaultTreeAdapterMap['parentNode']): boolean {
  let holdsImage = false;
  for (const child of [...parent.childNodes]) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'img') {
      if (imageSrcKept(attributeOf(child, 'src'))) holdsImage = true;
      else defaultTreeAdapter.detachNode(child);
      continue;
    }
    const inside = dropImagelessFigures(child);
    const embed = child.tagName === 'figure' && attributeOf(child, 'data-embed') !== undefined;
    if (child.tagName === 'figure' && !inside && !embed) defaultTreeAdapter.detachNode(child);
    else holdsImage ||= inside;
  }
  return holdsImage;
}

/** How many elements deep `root`'s tree is (template contents included), without recursion. */
function treeDepth(root: DefaultTreeAdapterMap['documentFragment']): number {
  let deepest = 0;
  const stack: Array<[Node, number]> = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    deepest = Math.max(deepest, depth);
    if ('content' in node) stack.push([node.content, depth]);
    if ('childNodes' in node) {
      for (const child of node.childNodes) {
        if ('tagName' in child) stack.push([child, depth + 1]);
      }
    }
  }
  return deepest;
}

/**
 * The body HTML for plain-text paragraphs: one `<p>` each, text escaped,
 * so the result is safe by construction and needs no sanitising pass.
 * @example paragraphsToHtml(['أ < ب']) === '<p>أ &lt; ب</p>'
 */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeTextNode(p)}</p>`).join('\n');
}
