/**
 * An article body as a lite page shows it (issue 22): the same text, with
 * every image replaced by a link to a phone-sized copy that names its size
 * ("tap to load"), links to other articles pointing at their lite pages,
 * and nothing a lite page does not load (classes, the embed's play button,
 * `srcset`). The input is a body the sanitiser already cleaned when it was
 * saved (services/body-html.ts); this pass, by sanitize-html again, only
 * narrows it.
 */
import sanitizeHtml from 'sanitize-html';
import { formatNumber } from '../../../arabic/digits.js';
import type { Numerals } from '../../../arabic/locale.js';
import { litePath } from '../../../domain/article-path.js';
import { BODY_ELEMENTS, DIR_ATTRIBUTES } from '../../../domain/body-elements.js';
import {
  MEDIA_VARIANT_SRC,
  mediaFileUrl,
  variantFile,
  variantWidths,
} from '../../../domain/media.js';
import type { Translate } from '../../../i18n/format.js';

/** The widest image a lite page links, in pixels: a phone's screen at 1.5–2x. */
export const LITE_IMAGE_WIDTH = 640;

/** An article page's path: `/a/<id>` or `/a/<id>/<slug>`. */
const ARTICLE_PATH = /^\/a\/([1-9][0-9]{0,18})(?:\/[^/]*)?$/;
/** A section page's path: `/section/<slug>`. */
const SECTION_PATH = /^\/section\/([^/]+)$/;

/**
 * The lite page a link of a body leads to, when it leads to a page of
 * this site (`origin`) that has one: an article (`?before=` kept), a
 * section or the home page (`?page=` kept), relative or absolute, its
 * fragment kept; null for any other link.
 *
 * @example liteHref('https://news.example/a/12/slug#x', 'https://news.example') // '/lite/a/12#x'
 * @example liteHref('/section/%D8%B3?page=2', 'https://news.example') // '/lite/section/%D8%B3?page=2'
 */
export function liteHref(href: string, origin: string): string | null {
  if (!href.startsWith('/') && !/^https?:\/\//i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const keep = (name: string) => {
    const value = url.searchParams.get(name);
    return value === null ? '' : `?${name}=${encodeURIComponent(value)}`;
  };
  const article = ARTICLE_PATH.exec(url.pathname)?.[1];
  if (article !== undefined) return `${litePath.article(article)}${keep('before')}${url.hash}`;
  const section = SECTION_PATH.exec(url.pathname)?.[1];
  if (section !== undefined) return `/lite/section/${section}${keep('page')}${url.hash}`;
  if (url.pathname === '/') return `${litePath.home()}${keep('page')}${url.hash}`;
  return null;
}

/** Sizes in bytes of the files a lite page links, by URL path (null: not found). */
export type FileSizes = ReadonlyMap<string, number | null>;

/**
 * The file a lite page links for an image with these variant widths: the
 * widest at most LITE_IMAGE_WIDTH, else the narrowest.
 *
 * @example liteImageUrl('7', [320, 640, 960]) // '/media/7/w640.webp'
 */
export function liteImageUrl(id: string, widths: readonly number[]): string {
  const fitting = widths.filter((w) => w <= LITE_IMAGE_WIDTH);
  const width = fitting.length > 0 ? Math.max(...fitting) : Math.min(...widths);
  return mediaFileUrl(id, variantFile(width));
}

/**
 * The URL a lite page links for a body image of `src` (`/media/7/w960.webp`)
 * whose original is `width` pixels wide (the `width` attribute the
 * sanitiser keeps); `src` itself when it is no library variant or its
 * width is unknown.
 */
function liteBodyImageUrl(src: string, width: string | undefined): string {
  const id = MEDIA_VARIANT_SRC.exec(src)?.[1];
  if (id === undefined) return src;
  // Without the original's width, the variant named is one that was made:
  // so was every standard width below it (media.ts variantWidths).
  const original = Number(width);
  const known = Number.isInteger(original) && original > 0;
  return liteImageUrl(
    id,
    variantWidths(known ? original : Number(/w([0-9]+)\.webp$/.exec(src)![1])),
  );
}

/** The URLs of the image files `html`'s lite version links, once each (to read their sizes). */
export function liteBodyImageUrls(html: string): string[] {
  const urls = new Set<string>();
  sanitizeHtml(html, {
    allowedTags: ['img'],
    allowedAttributes: { img: ['src', 'width'] },
    exclusiveFilter: (frame) => {
      const src = frame.attribs['src'];
      if (frame.tag === 'img' && src) urls.add(liteBodyImageUrl(src, frame.attribs['width']));
      return false;
    },
  });
  return [...urls];
}

/**
 * Kilobytes as a lite page states a file's size: rounded up, so a small
 * file never reads 0.
 */
export function kilobytes(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

/**
 * The text of an image's link: «صورة: {alt} (٤٥ كيلوبايت)», without the
 * alt text when there is none and without the size when it is unknown.
 */
export function imageLinkText(
  t: Translate,
  numerals: Numerals,
  alt: string,
  bytes: number | null | undefined,
): string {
  const label = alt.trim() === '' ? t('lite.image') : t('lite.imageAlt', { alt: alt.trim() });
  if (bytes === null || bytes === undefined) return label;
  return t('lite.imageSize', { image: label, size: formatNumber(kilobytes(bytes), numerals) });
}

/**
 * `html` (a saved body, after present-body.ts) for a lite page of the site
 * at `origin`. `sizes` holds the size of each file liteBodyImageUrls named.
 *
 * @example liteBody('<p>نص</p><figure><img src="/media/7/w960.webp" width="1600" alt="قط"></figure>', t, 'latn', sizes)
 * // '<p>نص</p><figure><a href="/media/7/w640.webp">صورة: قط (45 كيلوبايت)</a></figure>'
 */
export function liteBody(
  html: string,
  t: Translate,
  numerals: Numerals,
  sizes: FileSizes,
  origin: string,
): string {
  return sanitizeHtml(html, {
    // A body's elements but its images (links here) and read-also boxes (paragraphs here).
    allowedTags: BODY_ELEMENTS.filter((tag) => tag !== 'img' && tag !== 'aside'),
    allowedAttributes: { a: ['href', 'title', 'dir'], ...DIR_ATTRIBUTES },
    allowedSchemes: ['http', 'https', 'mailto'],
    // The embed's play button (present-body.ts) runs a script lite pages do not have.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'button'],
    disallowedTagsMode: 'discard',
    transformTags: {
      img: (_tag, attribs) => {
        const url = liteBodyImageUrl(attribs['src'] ?? '', attribs['width']);
        return {
          tagName: 'a',
          attribs: { href: url },
          text: imageLinkText(t, numerals, attribs['alt'] ?? '', sizes.get(url)),
        };
      },
      a: (tagName, attribs) => {
        const lite = liteHref(attribs['href'] ?? '', origin);
        return { tagName, attribs: lite === null ? attribs : { ...attribs, href: lite } };
      },
      // A read-also box (present-body.ts gave it its label): a paragraph, its label in bold.
      aside: () => ({ tagName: 'p', attribs: {} }),
      span: (tagName, attribs) =>
        attribs['class'] === 'read-also__label'
          ? { tagName: 'b', attribs: {}, text: `${t('article.readAlso')}: ` }
          : { tagName, attribs },
    },
  });
}
