/**
 * Where an imported image's bytes are on disk: the old site's uploads
 * folder, copied beside the export (`midad import --uploads DIR`).
 *
 * An image URL of the old site names a file under its uploads folder:
 * WordPress `https://old.example/wp-content/uploads/2021/01/صورة.jpg`
 * (the default `wp-content/uploads`, WordPress's "Uploads folder" docs;
 * a multisite's `sites/2/…` stays in the path), Ghost
 * `__GHOST_URL__/content/images/2021/01/x.jpg` or
 * `https://site/content/images/…` (Ghost's local storage adapter). DIR may
 * be that folder itself, or a folder above it: `DIR/2021/01/صورة.jpg`,
 * `DIR/uploads/…` and `DIR/wp-content/uploads/…` are tried in turn
 * (Ghost: `DIR/…`, `DIR/images/…`, `DIR/content/images/…`).
 *
 * Sized copies. WordPress names the sizes it makes `x-300x200.jpg`
 * (`add_image_size`), and since 5.3 keeps a large upload's original as
 * `x.jpg` beside the `x-scaled.jpg` it serves; Ghost serves
 * `/content/images/size/w600/…` (and `…/format/webp/…`) of the file under
 * `/content/images/…`. The full-size image is preferred, because the media
 * library makes its own sizes from the largest it is given, and every
 * size of one image then becomes one media item: for `x-300x200.jpg`,
 * `x-scaled.jpg` (at most 2560 pixels) then `x.jpg`, each only when its
 * proportions match 300×200 (`LocalImage.sizedAs`: the thumbnail size is
 * a hard crop, which the original is not), then `x-300x200.jpg` itself,
 * which is also the fallback when no full-size file is in DIR. A Ghost
 * size is a scaled copy, never a crop: its original alone is tried.
 *
 * A path never leaves DIR: segments are percent-decoded one by one and
 * `.`, `..`, empty ones and ones holding `/`, `\` or NUL refuse the URL;
 * each file found is resolved with realpath and kept only when it is a
 * regular file inside DIR's own real path (a symlink out is ignored).
 */
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Ghost's placeholder for the site's address in its exports. */
export const GHOST_URL = '__GHOST_URL__';

/** A file of the uploads folder that an image URL may name. */
export interface LocalImage {
  /** Its real path (symlinks resolved), inside the uploads folder. */
  path: string;
  /**
   * Null for the file as the URL names it (or a Ghost original). For the
   * full-size image of a WordPress sized copy `-WxH`, that size: the file
   * stands in for the copy only when its proportions match (checked by
   * the caller once it has read the file's header, see `sameShape`).
   */
  sizedAs: { width: number; height: number } | null;
}

/** A path relative to the uploads folder, as segments, and what it stands for. */
export interface Candidate {
  segments: string[];
  sizedAs: LocalImage['sizedAs'];
}

/** The layouts of uploads folders: the marker in a URL's path, and the folders DIR may stand for. */
const LAYOUTS: ReadonlyArray<{ marker: string; prefixes: readonly string[]; ghost: boolean }> = [
  { marker: '/wp-content/uploads/', prefixes: ['', 'uploads', 'wp-content/uploads'], ghost: false },
  { marker: '/content/images/', prefixes: ['', 'images', 'content/images'], ghost: true },
  { marker: '/uploads/', prefixes: ['', 'uploads'], ghost: false },
];

/** `example.com` for `https://www.Example.com`: how two addresses of one site are compared. */
function siteHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/**
 * The path (still percent-encoded) of an image URL on the old site, or
 * null when it is elsewhere: another host than `siteUrl`'s (`www.` and the
 * scheme aside), or not http(s). Jetpack's image CDN
 * (`https://i0.wp.com/old.example/wp-content/…`) counts as the old site.
 * When `siteUrl` is null, any host counts (the export did not say its own).
 */
function pathOnSite(url: string, siteUrl: string | null): string | null {
  const trimmed = url.trim();
  if (trimmed.startsWith(GHOST_URL)) {
    const rest = trimmed.slice(GHOST_URL.length);
    return rest.startsWith('/') ? pathOnSite(rest, siteUrl) : null;
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed, siteUrl ?? 'http://old-site.invalid');
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (siteUrl === null) return parsed.pathname;
  let host: string;
  try {
    host = siteHost(new URL(siteUrl).host);
  } catch {
    return null;
  }
  if (siteHost(parsed.host) === host) return parsed.pathname;
  if (/^i[0-9]\.wp\.com$/.test(parsed.hostname)) {
    const slash = parsed.pathname.indexOf('/', 1);
    if (slash > 0 && siteHost(parsed.pathname.slice(1, slash)) === host) {
      return parsed.pathname.slice(slash);
    }
  }
  return null;
}

/** Each segment percent-decoded, or null when one could lead out of its folder. */
function decodedSegments(path: string): string[] | null {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // Not valid percent-encoding: the file may be named so.
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
      return null;
    }
    segments.push(segment);
  }
  return segments;
}

/** The names to try for `name`: NFC (how the export's slugs are), as decoded, and NFD (macOS copies). */
function nameForms(segments: string[]): string[][] {
  const forms = [
    segments.map((s) => s.normalize('NFC')),
    segments,
    segments.map((s) => s.normalize('NFD')),
  ];
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = form.join('/');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** WordPress's name of a sized copy: `x-300x200.jpg` → `x`, 300, 200, `.jpg`. */
const SIZED_COPY = /^(.+)-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})(\.[A-Za-z0-9]+)$/;

/** The files a sized WordPress copy stands for, full-size first, then itself. */
function wordpressNames(name: string): Array<{ name: string; sizedAs: LocalImage['sizedAs'] }> {
  const sized = SIZED_COPY.exec(name);
  if (!sized) return [{ name, sizedAs: null }];
  const [, base = '', width = '', height = '', ext = ''] = sized;
  const sizedAs = { width: Number(width), height: Number(height) };
  return [
    { name: `${base}-scaled${ext}`, sizedAs },
    { name: `${base}${ext}`, sizedAs },
    { name, sizedAs: null },
  ];
}

/**
 * The paths, relative to an uploads folder, where the file of image `url`
 * may be, in the order to try them (see the module's comment); empty when
 * the URL is not on the old site or not under its uploads.
 * @example candidatePaths('https://old.example/wp-content/uploads/2021/01/x.jpg', 'https://old.example')
 *   // segments ['2021','01','x.jpg'], then ['uploads','2021','01','x.jpg'], …
 */
export function candidatePaths(url: string, siteUrl: string | null): Candidate[] {
  const path = pathOnSite(url, siteUrl);
  if (path === null) return [];
  const layout = LAYOUTS.find((l) => path.includes(l.marker));
  if (!layout) return [];
  let rest = path.slice(path.indexOf(layout.marker) + layout.marker.length);
  if (layout.ghost)
    rest = rest.replace(/^size\/w[0-9]+(h[0-9]+)?\//, '').replace(/^format\/[a-z0-9]+\//, '');
  const segments = decodedSegments(rest);
  if (segments === null) return [];
  const candidates: Candidate[] = [];
  const names = nameForms(segments).flatMap((form) => {
    const folders = form.slice(0, -1);
    const file = form[form.length - 1] ?? '';
    const tried = layout.ghost ? [{ name: file, sizedAs: null }] : wordpressNames(file);
    return tried.map((t) => ({ segments: [...folders, t.name], sizedAs: t.sizedAs }));
  });
  // Full-size files (in every name form and layout) before the sized copy itself.
  const order = [
    ...names.filter((n) => n.sizedAs !== null),
    ...names.filter((n) => n.sizedAs === null),
  ];
  for (const name of order) {
    for (const prefix of layout.prefixes) {
      const head = prefix === '' ? [] : prefix.split('/');
      candidates.push({ segments: [...head, ...name.segments], sizedAs: name.sizedAs });
    }
  }
  return candidates;
}

/** The real path of `path` when it is a regular file inside `root` (a real path), else null. */
async function fileInside(root: string, path: string): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return null;
  }
  if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The files of `uploadsDir` that image `url` may be, best first (see the
 * module's comment), each once; empty when none is there.
 * @throws the file system's error when `uploadsDir` itself cannot be resolved.
 */
export async function localImagesOf(
  url: string,
  uploadsDir: string,
  siteUrl: string | null,
): Promise<LocalImage[]> {
  const root = await realpath(uploadsDir);
  const found: LocalImage[] = [];
  const seen = new Set<string>();
  for (const candidate of candidatePaths(url, siteUrl)) {
    const real = await fileInside(root, join(root, ...candidate.segments));
    if (real === null || seen.has(real)) continue;
    seen.add(real);
    found.push({ path: real, sizedAs: candidate.sizedAs });
  }
  return found;
}

/**
 * The file of `uploadsDir` that image `url` is, ignoring full-size
 * stand-ins: the file as named, else null. (A caller that can read image
 * headers uses localImagesOf, which also offers the full-size file.)
 * @example await localPathOf('https://old.example/wp-content/uploads/2021/01/%D8%B5.jpg', '/copy/uploads', 'https://old.example')
 *   // '/copy/uploads/2021/01/ص.jpg'
 */
export async function localPathOf(
  url: string,
  uploadsDir: string,
  siteUrl: string | null,
): Promise<string | null> {
  const images = await localImagesOf(url, uploadsDir, siteUrl);
  return images.find((i) => i.sizedAs === null)?.path ?? images[0]?.path ?? null;
}

/**
 * True when an image of `width`×`height` pixels scales to `sizedAs`
 * (WordPress rounds each side to whole pixels, so within a pixel and a half).
 * @example sameShape(1200, 800, { width: 300, height: 200 }) === true
 * @example sameShape(1200, 800, { width: 150, height: 150 }) === false
 */
export function sameShape(
  width: number,
  height: number,
  sizedAs: { width: number; height: number },
): boolean {
  return Math.abs((height * sizedAs.width) / width - sizedAs.height) <= 1.5;
}
