/**
 * Rewrites the links of an HTML page or a stylesheet for a static mirror
 * (issue 22), changing nothing else: the HTML is parsed with parse5 (the
 * WHATWG parsing algorithm) only to find where each link attribute stands
 * in the source, and only those attributes are written anew, so the page is
 * otherwise byte for byte the site's.
 *
 * Links are the attributes `href`, `src`, `srcset` (each candidate), `action`,
 * `formaction` and `poster`, and `url(…)` in `<style>` elements, `style`
 * attributes and stylesheets. A `<link rel="canonical">` keeps its address:
 * it names the main site, for search engines; so do `<meta>` contents
 * (`og:url`, `og:image`) and structured data, which are not links here.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { escapeHtml } from '../../lib/escape-html.js';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** The new value of a link, or null to keep it. */
export type LinkRewrite = (url: string) => string | null;

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `html` with each link replaced by `rewrite`'s answer. `extra` may set
 * other attributes of an element once its links are known (a form sent to
 * a note page by GET, a mark on `<html>`), given the element after its
 * links are rewritten: one the element has is replaced where it stands,
 * one it lacks is added after the tag's name.
 */
export function rewriteHtmlLinks(
  html: string,
  rewrite: LinkRewrite,
  extra?: (element: Element, rewritten: Record<string, string>) => Record<string, string>,
): string {
  const edits: Edit[] = [];
  const visit = (node: ParentNode | ChildNode): void => {
    if ('tagName' in node) editElement(node, rewrite, extra, edits);
    if (node.nodeName === '#text') editStyleText(node as TextNode, rewrite, edits);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    if ('content' in node && node.tagName === 'template') visit(node.content);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at);
}

/** Rewrites the `url(…)`s of `text` when it is a `<style>` element's. */
function editStyleText(text: TextNode, rewrite: LinkRewrite, edits: Edit[]): void {
  const parent = text.parentNode;
  const location = text.sourceCodeLocation;
  if (!parent || !('tagName' in parent) || parent.tagName !== 'style' || !location) return;
  const css = rewriteCssUrls(text.value, rewrite);
  if (css !== text.value) {
    edits.push({ start: location.startOffset, end: location.endOffset, text: css });
  }
}

function editElement(
  element: Element,
  rewrite: LinkRewrite,
  extra: Parameters<typeof rewriteHtmlLinks>[2],
  edits: Edit[],
): void {
  const tag = element.sourceCodeLocation?.startTag;
  const places = element.sourceCodeLocation?.attrs ?? {};
  if (!tag) return;
  const rel =
    element.attrs
      .find((a) => a.name === 'rel')
      ?.value.toLowerCase()
      .split(/\s+/) ?? [];
  const canonical = element.tagName === 'link' && rel.includes('canonical');
  const changed: Record<string, string> = {};
  for (const { name, value } of element.attrs) {
    let next: string | null = null;
    if (URL_ATTRIBUTES.has(name) && !canonical) next = rewrite(value.trim());
    else if (name === 'srcset') next = rewriteSrcset(value, rewrite);
    else if (name === 'style') next = rewriteCssUrls(value, rewrite);
    if (next !== null && next !== value) changed[name] = next;
  }
  Object.assign(changed, extra?.(element, changed) ?? {});
  for (const [name, value] of Object.entries(changed)) {
    const text = `${name}="${escapeHtml(value)}"`;
    const location = places[name];
    if (location) edits.push({ start: location.startOffset, end: location.endOffset, text });
    else {
      const afterName = tag.startOffset + 1 + element.tagName.length;
      edits.push({ start: afterName, end: afterName, text: ` ${text}` });
    }
  }
}

/**
 * A `srcset` with each candidate's URL rewritten (HTML §4.8.4.3.3: a URL,
 * then descriptors, candidates split by commas; the site's image URLs hold
 * no comma); null when none changed.
 */
function rewriteSrcset(srcset: string, rewrite: (url: string) => string | null): string | null {
  let changed = false;
  const candidates = srcset.split(',').map((candidate) => {
    const match = /^(\s*)(\S+)(.*)$/s.exec(candidate);
    if (!match) return candidate;
    const next = rewrite(match[2]!);
    if (next === null || next === match[2]) return candidate;
    changed = true;
    return `${match[1]}${next}${match[3]}`;
  });
  return changed ? candidates.join(',') : null;
}

/**
 * `css` with each `url(…)` and `@import "…"` rewritten (CSS Syntax §4.3.6,
 * url tokens and strings). Comments are left as they are.
 */
export function rewriteCssUrls(css: string, rewrite: (url: string) => string | null): string {
  return css.replace(
    /\/\*[\s\S]*?\*\/|url\(\s*(["']?)([^"')\s]+)\1\s*\)|(@import\s+)(["'])([^"']+)\4/gi,
    (whole, quote: string | undefined, url: string | undefined, at, q2, imported) => {
      if (url !== undefined) {
        const next = rewrite(url);
        return next === null ? whole : `url(${quote ?? ''}${next}${quote ?? ''})`;
      }
      if (imported !== undefined) {
        const next = rewrite(imported as string);
        return next === null ? whole : `${at as string}${q2 as string}${next}${q2 as string}`;
      }
      return whole;
    },
  );
}
