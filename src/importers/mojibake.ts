/**
 * Arabic UTF-8 that was once decoded as windows-1252 (or ISO-8859-1) and
 * saved again as UTF-8: «الأمطار» becomes «Ø§Ù„Ø£Ù…Ø·Ø§Ø±». The result
 * is valid UTF-8, so strict decoding accepts it; this check is what stops
 * it. Our own rule, from how the damage is made:
 *
 * - every Arabic letter is two UTF-8 bytes, a lead byte 0xD8–0xDB and a
 *   continuation byte 0x80–0xBF;
 * - windows-1252 reads the lead byte as Ø Ù Ú Û, and the continuation byte
 *   as a character U+00A0–U+00BF, or for 0x80–0x9F as one of its specials
 *   (Œ œ Š š Ÿ Ž ž ƒ ˆ ˜ – — ‘ ’ ‚ “ ” „ † ‡ • … ‰ ‹ › € ™), or as the C1
 *   control U+0080–U+009F for the five bytes it leaves undefined (and
 *   ISO-8859-1 for all of them);
 * - so each Arabic letter leaves one such pair, and real Arabic letters are
 *   few or none.
 *
 * Thresholds: at least MIN_MOJIBAKE_PAIRS pairs (one word of three or four
 * letters is no evidence: `Ø¹` may be a Danish word followed by a sign), and
 * at most one real Arabic letter for every MOJIBAKE_PAIRS_PER_ARABIC_LETTER
 * pairs (a real Arabic text quoting a garbled line stays accepted).
 */

/** Fewest lead/continuation pairs taken for damaged Arabic. */
export const MIN_MOJIBAKE_PAIRS = 5;

/** Pairs needed for each real Arabic letter in the text (few or no real letters). */
export const MOJIBAKE_PAIRS_PER_ARABIC_LETTER = 4;

/** What windows-1252 makes of the bytes 0x80–0x9F (besides the C1 controls it leaves). */
const WINDOWS_1252_SPECIALS = 'ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™';

const PAIR = new RegExp(`[ØÙÚÛ][\\u0080-\\u00BF${WINDOWS_1252_SPECIALS}]`, 'gu');

/** Arabic letters (and the Arabic blocks' other characters), as real Arabic text has them. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;

/**
 * True when `text` reads as Arabic UTF-8 garbled through windows-1252 (see
 * above): at least MIN_MOJIBAKE_PAIRS lead/continuation pairs and at most
 * one real Arabic letter per MOJIBAKE_PAIRS_PER_ARABIC_LETTER pairs.
 *
 * @example looksLikeMojibake('Ø§Ù„Ø£Ù…Ø·Ø§Ø±') === true
 * @example looksLikeMojibake('الأمطار') === false
 */
export function looksLikeMojibake(text: string): boolean {
  const pairs = countMatches(text, PAIR);
  if (pairs < MIN_MOJIBAKE_PAIRS) return false;
  return countMatches(text, ARABIC) * MOJIBAKE_PAIRS_PER_ARABIC_LETTER <= pairs;
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

/**
 * The sentence that refuses such text: what happened, and what to do.
 * `encoding` is the encoding the bytes were read in.
 */
export function mojibakeMessage(encoding: string): string {
  return (
    `The text is garbled Arabic («Ø§Ù„…» for «ال…»): the file's Arabic was once decoded as windows-1252 ` +
    `and saved again as ${encoding === 'utf-8' ? 'UTF-8' : encoding}, so every letter became two Latin ones; it cannot be read back ` +
    `reliably. Ask for the original file, or save the page again from the source.`
  );
}
