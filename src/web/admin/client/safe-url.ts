/**
 * Which addresses the editor lets into an article. Links typed by an
 * editor may be http(s) or mailto only; addresses already in stored or
 * pasted HTML may also be root-relative (`/a/123`), which is how the
 * site's own articles and media are linked.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const DOMAIN = /^[^\s/@:]+\.[^\s/@:]{2,}(?:[/?#]\S*)?$/;

/**
 * The href for an address typed into the link dialog, or null when it is
 * not an http(s) or mailto address. A bare domain gets `https://`, a bare
 * e-mail address `mailto:`; Arabic paths and hosts come back
 * percent-encoded and in punycode, as URLs must be.
 *
 * @example linkHref('example.com/خبر') // 'https://example.com/%D8%AE%D8%A8%D8%B1'
 */
export function linkHref(input: string): string | null {
  let text = input.trim();
  if (text === '') return null;
  if (!SCHEME.test(text)) {
    if (EMAIL.test(text)) text = `mailto:${text}`;
    else if (DOMAIN.test(text)) text = `https://${text}`;
    else return null;
  }
  return checkedAbsolute(text);
}

/**
 * The href of a link found in stored or pasted HTML, unchanged, or null
 * when it is neither an http(s)/mailto address nor a root-relative path.
 *
 * @example storedHref('javascript:alert(1)') // null
 */
export function storedHref(raw: string | null): string | null {
  const href = raw?.trim() ?? '';
  if (isRootRelative(href)) return href;
  return checkedAbsolute(href) === null ? null : href;
}

/**
 * The src of an image found in stored or pasted HTML, or null unless it is
 * root-relative (the media library) or http(s). `file:` and `data:` images
 * pasted from Word are dropped: they cannot be published.
 *
 * @example imageSrc('/media/1/800.webp') // '/media/1/800.webp'
 */
export function imageSrc(raw: string | null): string | null {
  const src = raw?.trim() ?? '';
  if (isRootRelative(src)) return src;
  const url = parse(src);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? src : null;
}

function isRootRelative(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

function checkedAbsolute(text: string): string | null {
  const url = parse(text);
  if (!url) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
    return url.href;
  }
  if (url.protocol === 'mailto:' && url.pathname !== '') return url.href;
  return null;
}

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
