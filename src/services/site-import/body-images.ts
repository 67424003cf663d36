/**
 * The images of an imported body, brought into the media library: every
 * `<img>` of a post's HTML (converted from the old site, not yet
 * sanitised) is resolved (import-media.ts), then
 *
 * - found: rewritten as the newsroom's editor writes an image
 *   (web/admin/client/figure-node.ts): `<img src="/media/7/w960.webp"
 *   alt="…" width="1200" height="800">`, the default variant and the
 *   original's size, which the body sanitiser turns into a responsive
 *   image (services/body-html.ts); the alt text is the body's, else the
 *   library's. A link wrapping only the image and leading to an image
 *   file (WordPress's "Link to: Media File", the old site's file that
 *   will be gone) is removed, the image kept;
 * - missing: removed, with the wrappers it leaves empty: a link, a
 *   paragraph (wpautop puts a lone image in one), a `<figure>` (its
 *   caption too: a caption of an image no longer there misleads the
 *   reader, and the report names the image), a `<picture>`, a gallery's
 *   item; the body keeps no broken `<img>`, and the image is listed in
 *   `missing` with its reason, for the report.
 *
 * The HTML is read as a browser reads it (parse5, the HTML Living
 * Standard's tree construction, as the sanitiser does), and only the
 * source of the images and wrappers changed is replaced: the rest stays
 * byte for byte. Images in `<noscript>` or `<template>` are text to the
 * sanitiser, which drops them; they are left alone.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { defaultVariantUrl, isBlankAlt, type MediaItem } from '../../domain/media.js';
import type { SiteImage } from '../../domain/site-import.js';
import { escapeHtml } from '../../lib/escape-html.js';
import { assertBodyHtmlWithinLimits } from '../body-html.js';
import type { ImageResolution } from './import-media.js';

type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** An image of a body that could not be brought in. */
export interface MissingImage {
  /** The `src` as the body wrote it ('' when it had none). */
  url: string;
  /** Why, in short English (import-media.ts's reasons). */
  reason: string;
}

export interface BodyImages {
  /** The body with every image from the media library, or gone. */
  html: string;
  /** The media item of each image kept, in the body's order. */
  imported: MediaItem[];
  /** Each image removed, in the body's order. */
  missing: MissingImage[];
}

/** Elements that mean nothing once empty: removed with the last missing image they held. */
const WRAPPERS = new Set([
  'a',
  'p',
  'figure',
  'picture',
  'span',
  'div',
  'center',
  'strong',
  'b',
  'em',
  'i',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
]);

/** A link's address that is an image file rather than a page. */
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|bmp|tiff?)$/i;

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function isElement(node: ChildNode | ParentNode): node is Element {
  return 'tagName' in node;
}

/** The address of an image: `src`, or a lazy loader's `data-src` when `src` is a placeholder. */
function sourceOf(img: Element): string {
  const src = (attr(img, 'src') ?? '').trim();
  if (src !== '' && !/^data:/i.test(src)) return src;
  return (attr(img, 'data-lazy-src') ?? attr(img, 'data-src') ?? src).trim();
}

/** Every `<img>` of the tree in document order (template contents aside), without recursion. */
function imagesOf(root: ParentNode): Element[] {
  const found: Element[] = [];
  const stack: ChildNode[] = [...root.childNodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (node.tagName === 'img' && node.namespaceURI === 'http://www.w3.org/1999/xhtml') {
      found.push(node);
    } else {
      stack.push(...[...node.childNodes].reverse());
    }
  }
  return found;
}

/** The text of `root`, without recursion. */
function textOf(root: ChildNode): string {
  let text = '';
  const stack: ChildNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeName === '#text' && 'value' in node) text += node.value;
    else if ('childNodes' in node) stack.push(...[...node.childNodes].reverse());
  }
  return text;
}

/** True for a node that shows nothing: white space, a comment, a line break. */
function isBlank(node: ChildNode): boolean {
  if (node.nodeName === '#comment') return true;
  if (node.nodeName === '#text' && 'value' in node) return node.value.trim() === '';
  return isElement(node) && node.tagName === 'br';
}

/** The figure's caption text when `img` is its only image, else ''. */
function captionOf(img: Element): string {
  const figure = img.parentNode && isElement(img.parentNode) ? img.parentNode : null;
  const outer = figure?.tagName === 'a' && figure.parentNode ? figure.parentNode : figure;
  if (!outer || !isElement(outer) || outer.tagName !== 'figure') return '';
  if (imagesOf(outer).length !== 1) return '';
  const caption = outer.childNodes.find((c) => isElement(c) && c.tagName === 'figcaption');
  return caption ? textOf(caption).replace(/\s+/g, ' ').trim() : '';
}

/** The image's tag as the editor writes it. */
function mediaTag(media: MediaItem, alt: string): string {
  return (
    `<img src="${escapeHtml(defaultVariantUrl(media))}" alt="${escapeHtml(alt)}"` +
    ` width="${media.width}" height="${media.height}">`
  );
}

/** The link around only `img`, leading to an image file, or null. */
function imageFileLink(img: Element): Element | null {
  const parent = img.parentNode;
  if (!parent || !isElement(parent) || parent.tagName !== 'a') return null;
  if (!parent.childNodes.every((c) => c === img || isBlank(c))) return null;
  const href = (attr(parent, 'href') ?? '').trim().split(/[?#]/)[0] ?? '';
  return IMAGE_FILE.test(href) ? parent : null;
}

/** The outermost element to remove with `img`, given every node already removed. */
function removalOf(img: Element, removed: Set<ChildNode>): ChildNode {
  let node: ChildNode = img;
  removed.add(img);
  for (;;) {
    const parent: ParentNode | null = node.parentNode;
    if (!parent || !isElement(parent) || !WRAPPERS.has(parent.tagName)) return node;
    if (!parent.sourceCodeLocation) return node;
    const empty = parent.childNodes.every(
      (c) =>
        removed.has(c) ||
        isBlank(c) ||
        (parent.tagName === 'figure' && isElement(c) && c.tagName === 'figcaption') ||
        (parent.tagName === 'picture' && isElement(c) && c.tagName === 'source'),
    );
    if (!empty) return node;
    removed.add(parent);
    node = parent;
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * A start tag the HTML parser makes an `<img>` of: `<img` or `<image`
 * (read as img: WHATWG HTML, "The rules for parsing tokens in HTML
 * content", "in body" insertion mode), in any case, before whitespace, `/`
 * or `>`. A body without one has no image, and is not parsed at all.
 */
const IMG_START_TAG = /<im(?:g|age)[\t\n\f\r />]/i;

/**
 * Brings the images of `html` into the media library through `resolve`
 * (MediaImporter.resolve, or any function of that shape) and rewrites
 * them; see the module's comment. Images are resolved all at once:
 * `resolve` limits how many are read at a time.
 * @throws BodyHtmlRefused when the body is over the size or depth limits
 *   (before any image is resolved), and what `resolve` throws.
 * @example
 * await importBodyImages('<p><img src="https://old.example/wp-content/uploads/x.jpg" alt="حلب"></p>', resolve)
 * // { html: '<p><img src="/media/1/w960.webp" alt="حلب" width="1200" height="800"></p>', imported: [x], missing: [] }
 */
export async function importBodyImages(
  html: string,
  resolve: (image: SiteImage) => Promise<ImageResolution>,
): Promise<BodyImages> {
  assertBodyHtmlWithinLimits(html);
  if (!IMG_START_TAG.test(html)) return { html, imported: [], missing: [] };
  const tree = parseFragment(html, { sourceCodeLocationInfo: true });
  const images = imagesOf(tree);
  const results = await Promise.all(
    images.map((img) =>
      resolve({ url: sourceOf(img), alt: attr(img, 'alt') ?? '', caption: captionOf(img) }),
    ),
  );

  const imported: MediaItem[] = [];
  const missing: MissingImage[] = [];
  const replaced = new Map<ChildNode, string>();
  const removed = new Set<ChildNode>();
  const removals: Element[] = [];
  images.forEach((img, i) => {
    const result = results[i];
    if (!result) return;
    if (result.ok) {
      imported.push(result.media);
      const own = attr(img, 'alt') ?? '';
      const tag = mediaTag(result.media, isBlankAlt(own) ? result.media.alt : own);
      replaced.set(imageFileLink(img) ?? img, tag);
    } else {
      missing.push({ url: sourceOf(img), reason: result.reason });
      removals.push(img);
    }
  });
  // The last missing image of a wrapper removes it; the others' removals lie inside it.
  const outermost = removals.map((img) => removalOf(img, removed));

  const edits: Edit[] = [];
  for (const [node, text] of replaced) edits.push(editOf(node, text));
  for (const node of outermost) {
    if (!hasRemovedAncestor(node, removed)) edits.push(editOf(node, ''));
  }
  return { html: applyEdits(html, edits), imported, missing };
}

function hasRemovedAncestor(node: ChildNode, removed: Set<ChildNode>): boolean {
  for (let p = node.parentNode; p && isElement(p); p = p.parentNode) {
    if (removed.has(p)) return true;
  }
  return false;
}

function editOf(node: ChildNode, text: string): Edit {
  const location = node.sourceCodeLocation;
  if (!location) throw new Error('an image without its place in the source');
  return { start: location.startOffset, end: location.endOffset, text };
}

/** `html` with each edit's range replaced, from the end (ranges never overlap). */
function applyEdits(html: string, edits: Edit[]): string {
  let out = html;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}
