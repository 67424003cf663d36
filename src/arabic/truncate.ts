/**
 * Shortening text for excerpts and meta descriptions without cutting a word.
 */

/**
 * `text` cut to at most `maxChars` characters (UTF-16 code units) at a
 * word boundary, with `…` appended when cut. Whitespace is collapsed first.
 * A single word longer than the limit is cut inside the word.
 *
 * @example truncateWords('أعلنت تركيا عن توافق', 12) === 'أعلنت تركيا…'
 */
export function truncateWords(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const head = flat.slice(0, maxChars);
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s.,،:؛-]+$/u, '')}…`;
}
