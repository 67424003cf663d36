/**
 * A saved page's address as stored and matched (its source URL): the same
 * article shared with a campaign's tracking parameters
 * (`?utm_source=facebook`), a click id (`fbclid`, `gclid`) or a fragment
 * (`#comments`) is the same article. Those are dropped; every other query
 * parameter is kept, in its order (some sites address their articles by one:
 * `?p=123`, `?id=77`).
 *
 * The same address written differently is the same article too: the host is
 * lower-cased and a scheme's default port dropped (WHATWG URL serialisation,
 * https://url.spec.whatwg.org/#concept-url-serializer), one trailing slash of
 * a non-root path is dropped (`/news/1256/` is `/news/1256`), and non-ASCII
 * text has one form, its characters, NFC (`/%D8%B0` is `/ذ`: an Arabic path stays
 * Arabic, as the stored source URLs of earlier imports have it). The scheme
 * is kept as written (`http` is not made `https`).
 */

/** Query parameters that only track a visit: `utm_*` (Google Analytics' campaign tags), Facebook's and Google's click ids. */
const TRACKING = /^(?:utm_.*|fbclid|gclid)$/iu;

/** Runs of percent-escapes of bytes ≥ 0x80 (UTF-8 sequences of non-ASCII characters). */
const NON_ASCII_ESCAPES = /(?:%[89A-Fa-f][0-9A-Fa-f])+/gu;

/**
 * `url` in the one form described above, without tracking parameters and
 * fragment. An address that is not an absolute URL (WHATWG) only loses its
 * tracking parameters and fragment.
 *
 * @example normaliseSourceUrl('https://X.example:443/a/1/?utm_source=x&p=2#top') === 'https://x.example/a/1?p=2'
 */
export function normaliseSourceUrl(address: string): string {
  const url = address.trim();
  const hash = url.indexOf('#');
  const withoutHash = hash < 0 ? url : url.slice(0, hash);
  const question = withoutHash.indexOf('?');
  const base = question < 0 ? withoutHash : withoutHash.slice(0, question);
  const query = question < 0 ? '' : withoutHash.slice(question + 1);
  const kept = query
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING.test(parameterName(pair)));
  const search = kept.length > 0 ? `?${kept.join('&')}` : '';
  let parsed: URL;
  try {
    parsed = new URL(`${base}${search}`);
  } catch {
    return `${base}${search}`;
  }
  let pathname = parsed.pathname;
  if (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
  const authority = parsed.host === '' ? '' : `//${authorityOf(parsed)}`;
  const scheme = base.slice(0, base.indexOf(':'));
  const rest = `${decodeNonAscii(pathname)}${decodeNonAscii(parsed.search)}`.normalize('NFC');
  return `${scheme}:${authority}${rest}`;
}

/** `user:password@host:port` of `url`, as WHATWG serialises it (host lower-cased, default port dropped). */
function authorityOf(url: URL): string {
  const credentials =
    url.username === '' && url.password === ''
      ? ''
      : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
  return `${credentials}${url.host}`;
}

/** `text` with its percent-escaped UTF-8 sequences of non-ASCII characters decoded (an escape that is not valid UTF-8 is kept). */
function decodeNonAscii(text: string): string {
  return text.replace(NON_ASCII_ESCAPES, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

/** The decoded name of `name=value` (the name as written when it cannot be decoded). */
function parameterName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/gu, ' '));
  } catch {
    return name;
  }
}
