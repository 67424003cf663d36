/**
 * Slugs of an old site as the import keeps them (domain/site-import.ts
 * wants them decoded and NFC-normalised), shared by the WordPress and
 * Ghost importers. WordPress keeps non-ASCII slugs (post_name, term
 * slugs, user nicenames) percent-encoded in lower case
 * (`sanitize_title_with_dashes` runs `utf8_uri_encode`):
 * `%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9` is `رياضة`. Ghost keeps Arabic slugs
 * either encoded or not, depending on its version and how the post was
 * made.
 */

/**
 * The slug decoded from percent-encoding and NFC-normalised. A run of
 * escapes that is not UTF-8 (`%d8` alone, `%zz`) is kept as it is, the rest
 * still decoded.
 *
 * @example decodeSlug('%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9') // 'رياضة'
 * @example decodeSlug('news-%d8') // 'news-%d8'
 */
export function decodeSlug(raw: string): string {
  return decodeTolerant(raw.trim()).normalize('NFC');
}

/** Each run of `%XX` escapes decoded when it is UTF-8, else kept raw. */
export function decodeTolerant(raw: string): string {
  return raw.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
