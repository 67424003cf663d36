/**
 * Where a site address lives in a static mirror (issue 22), and how one
 * mirror file links to another so that the mirror works from any host, any
 * folder and `file://`, where a folder never resolves to its `index.html`:
 *
 * - a path whose last segment has a file's extension is a file of that name:
 *   `/rss.xml` → `rss.xml`, `/media/12/w640.webp` → `media/12/w640.webp`;
 * - any other path is a page, `index.html` in its folder: `/` →
 *   `index.html`, `/a/123/slug` → `a/123/slug/index.html`;
 * - the only query kept is a listing's page number, as two more folders:
 *   `/?page=2` → `page/2/index.html`, `/section/x?page=3` →
 *   `section/x/page/3/index.html`; any other query is not in a mirror.
 *
 * Segments are stored decoded (Arabic file names, as `file://` and static
 * servers decode a URL before opening the file) and linked percent-encoded
 * (RFC 3986 §2.1). Pure: no I/O.
 */

/** The folder of a mirror that holds the mirror's own files (manifest, key, note, search). */
export const MIRROR_OWN_DIR = 'mirror';

/** The longest path of a file in a mirror, characters (a slug is at most a few hundred). */
const MAX_MIRROR_FILE_PATH = 2048;

/**
 * Whether `path` can name a file inside a mirror, as a manifest lists it:
 * relative and `/`-separated, with no empty, `.` or `..` segment, no
 * backslash and no control character, at most MAX_MIRROR_FILE_PATH
 * characters. A manifest entry that is not such a path would lead a run's
 * removals, or `verify`'s reads, outside the mirror's folder.
 */
export function isMirrorFilePath(path: string): boolean {
  if (path.length === 0 || path.length > MAX_MIRROR_FILE_PATH) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * The attribute a mirror's pages carry on `<html>`: the page scripts
 * (public/assets/reader.js, push.js, live.js) then call nothing of the
 * site's (view beacon, alerts, live updates), as the host that serves a
 * copy is not the site.
 */
export const MIRROR_PAGE_MARK = 'data-mirror';

/** Longest site address a mirror holds, in characters. */
const MAX_PATH_LENGTH = 2000;

/**
 * A last segment with the extension of a file the site serves (feeds,
 * sitemaps, robots.txt, assets, fonts, images, keys): a file, not a page.
 * A slug is letters, digits and hyphens (arabic/slug.ts), but an imported
 * one may hold a dot: only these extensions count.
 */
const FILE_NAME = /\.(xml|json|txt|css|js|woff2?|webp|jpe?g|png|gif|svg|ico|pem|html)$/i;

/**
 * The mirror file (relative, `/`-separated, decoded) of the site address
 * `pathAndQuery` (`/a/1/x`, `/tag/y?page=2`), or null when a mirror cannot
 * hold it: a query other than `page=<n>`, a malformed escape, a `.` or `..`
 * segment, a control character or backslash, or more than 2,000 characters.
 */
export function mirrorFileOf(pathAndQuery: string): string | null {
  if (pathAndQuery.length > MAX_PATH_LENGTH || !pathAndQuery.startsWith('/')) return null;
  const [path = '', query] = splitOnce(pathAndQuery, '?');
  let page: string | null = null;
  if (query !== undefined) {
    const match = /^page=([1-9][0-9]{0,4})$/.exec(query);
    if (!match) return null;
    page = match[1] === '1' ? null : match[1]!;
  }
  const segments: string[] = [];
  for (const raw of path.split('/').slice(1)) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[\p{Cc}/\\]/u.test(segment)) {
      return null;
    }
    segments.push(segment);
  }
  const last = segments.at(-1);
  if (last !== undefined && FILE_NAME.test(last) && !path.endsWith('/')) {
    return page === null ? segments.join('/') : null;
  }
  if (page !== null) segments.push('page', page);
  return [...segments, 'index.html'].join('/');
}

/**
 * The link from mirror file `from` to mirror file `to` (both as
 * mirrorFileOf gives them), relative and percent-encoded, with `fragment`
 * (`#…`, or '') kept.
 * @example relativeLink('a/1/x/index.html', 'section/s/index.html') // '../../../section/s/index.html'
 */
export function relativeLink(from: string, to: string, fragment = ''): string {
  const fromDirs = from.split('/').slice(0, -1);
  const target = to.split('/');
  let shared = 0;
  while (
    shared < fromDirs.length &&
    shared < target.length - 1 &&
    fromDirs[shared] === target[shared]
  ) {
    shared++;
  }
  const up = fromDirs.slice(shared).map(() => '..');
  // encodeURIComponent escapes `:` too, so a first segment never reads as a scheme.
  return [...up, ...target.slice(shared).map(encodeURIComponent)].join('/') + fragment;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

/** A page's folder ending in a listing's page number: `…/page/<n>`. */
const PAGE_FOLDER = /^(?:(.*)\/)?page\/([1-9][0-9]{0,4})$/;

/**
 * The site address whose mirror file is `file` (mirrorFileOf's inverse),
 * each segment percent-encoded as the site's own paths are
 * (encodeURIComponent): `a/1/خبر/index.html` → `/a/1/%D8%AE%D8%A8%D8%B1`,
 * `tag/x/page/2/index.html` → `/tag/x?page=2`, `rss.xml` → `/rss.xml`.
 * A mirror keeps its files' names, not their addresses; this gives the
 * address back without holding one string per page beside the file's.
 */
export function sitePathOf(file: string): string {
  const encode = (path: string) =>
    `/${path === '' ? '' : path.split('/').map(encodeURIComponent).join('/')}`;
  if (file !== 'index.html' && !file.endsWith('/index.html')) return encode(file);
  const folder = file.slice(0, -'index.html'.length).replace(/\/$/, '');
  const listing = PAGE_FOLDER.exec(folder);
  return listing ? `${encode(listing[1] ?? '')}?page=${listing[2]!}` : encode(folder);
}

/**
 * The mirror file that the relative link `link` (as relativeLink writes
 * it) in mirror file `from` leads to, without its fragment; null for an
 * absolute link (a scheme or `/`), a fragment alone, a query, or one that
 * climbs out of the mirror or does not decode.
 * @example mirrorFileLinked('a/1/x/index.html', '../../../tag/%D8%AA/index.html#top') // 'tag/ت/index.html'
 */
export function mirrorFileLinked(from: string, link: string): string | null {
  const path = link.split('#', 1)[0]!;
  if (path === '' || path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  if (path.includes('?')) return null;
  const segments = from.split('/').slice(0, -1);
  for (const raw of path.split('/')) {
    if (raw === '..') {
      if (segments.pop() === undefined) return null;
    } else if (raw !== '.' && raw !== '') {
      try {
        segments.push(decodeURIComponent(raw));
      } catch {
        return null;
      }
    }
  }
  return segments.join('/');
}
