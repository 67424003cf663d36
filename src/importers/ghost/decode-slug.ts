/**
 * A Ghost slug as the import keeps it: percent-decoded when it was encoded
 * (`%d8%ae%d8%a8%d8%b1` → `خبر`; Ghost keeps Arabic slugs either way,
 * depending on the version and how the post was made) and NFC-normalised,
 * as the shared shape wants (domain/site-import.ts).
 */

/**
 * The decoded, NFC-normalised `slug`; a malformed escape (`%zz`, a cut
 * UTF-8 sequence) leaves the slug as written, only normalised.
 * @example decodeSlug('%D8%AE%D8%A8%D8%B1-2') === 'خبر-2'
 */
export function decodeSlug(slug: string): string {
  let decoded = slug.trim();
  if (decoded.includes('%')) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // Not percent-encoding after all: keep the slug as written.
    }
  }
  return decoded.normalize('NFC');
}
