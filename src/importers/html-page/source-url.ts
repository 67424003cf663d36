/**
 * A saved page's address as stored and matched (its source URL): the same
 * article shared with a campaign's tracking parameters
 * (`?utm_source=facebook`), a click id (`fbclid`, `gclid`) or a fragment
 * (`#comments`) is the same article. Those are dropped; every other query
 * parameter is kept as written, in its order (some sites address their
 * articles by one: `?p=123`, `?id=77`).
 */

/** Query parameters that only track a visit: `utm_*` (Google Analytics' campaign tags), Facebook's and Google's click ids. */
const TRACKING = /^(?:utm_.*|fbclid|gclid)$/iu;

/**
 * `url` without tracking parameters and fragment (see above), otherwise as
 * written (an Arabic path stays Arabic, as the stored source URLs of
 * earlier imports have it).
 *
 * @example normaliseSourceUrl('https://x.example/a/1?utm_source=x&p=2#top') === 'https://x.example/a/1?p=2'
 */
export function normaliseSourceUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash < 0 ? url : url.slice(0, hash);
  const question = withoutHash.indexOf('?');
  if (question < 0) return withoutHash;
  const kept = withoutHash
    .slice(question + 1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING.test(parameterName(pair)));
  const base = withoutHash.slice(0, question);
  return kept.length > 0 ? `${base}?${kept.join('&')}` : base;
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
