/**
 * Shortening text for excerpts, meta descriptions and fields with a
 * longest value, counted the way a reader sees text: in graphemes
 * (extended grapheme clusters, Unicode UAX #29, as `Intl.Segmenter`
 * finds them). A letter and its harakat (`ةُ`), an emoji and its skin tone,
 * a family joined by ZWJ (`👨‍👩‍👧`) or a flag (`🇸🇾`) is one grapheme: a
 * cut never falls inside one and never leaves half of a surrogate pair.
 */

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What `truncateWords` appends when it cuts. */
export const ELLIPSIS = '…';

/** Half of a surrogate pair without its other half (never text on its own). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` without lone surrogates, which no encoder can write (UTF-8 turns
 * them into U+FFFD `�`). Paired surrogates (astral characters) stay.
 *
 * @example withoutLoneSurrogates('🔴\uD83D') === '🔴'
 */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

/**
 * The graphemes of `text`, in order: `graphemes(t).join('') === t`.
 *
 * @example graphemes('الحكومةُ 🇸🇾') // ['ا','ل','ح','ك','و','م','ةُ',' ','🇸🇾']
 */
export function graphemes(text: string): string[] {
  if (ONE_UNIT_GRAPHEMES.test(text)) return text.split('');
  return Array.from(GRAPHEMES.segment(text), (s) => s.segment);
}

/**
 * Text in which every UTF-16 unit is a grapheme of its own (UAX #29): tab
 * and line feed (a control is a grapheme alone; CR is not here, CR LF
 * being one), printable ASCII, Latin-1 and the Latin extensions up to the
 * combining marks (U+0300), the Arabic comma, semicolon, question mark and
 * full stop, Arabic letters and tatweel (U+0621–U+064A), Arabic-Indic
 * digits and the Arabic signs beside them (U+0660–U+066F), the further
 * letters (U+0671–U+06D3), and general punctuation (dashes, quotes, `…`,
 * U+2010–U+2027, U+2030–U+205E). No Extend or SpacingMark character
 * (harakat, U+064B–U+065F, U+0670, the Quranic marks from U+06D6), no
 * Prepend (U+0600–U+0605, U+06DD), no ZWJ, no surrogate: such text is cut
 * by units without ICU's segmenter, which took some 40 µs for the 256
 * units of each article page's description (issue 21).
 */
const ONE_UNIT_GRAPHEMES =
  /^[\t\n\x20-\x7E\u00A0-\u02FF\u060C\u061B\u061F\u0621-\u064A\u0660-\u066F\u0671-\u06D4\u2010-\u2027\u2030-\u205E]*$/;

/**
 * The first `count` graphemes of `tidy(text)` (all when it has fewer), for
 * a `tidy` that works on a start of the text as on the whole (the prefix of
 * its result). ICU's segmenter takes time in proportion to the whole
 * string it is given, even when the loop stops early (18 s for 6 million
 * UTF-16 units), so only a start of the text is segmented, made longer
 * until it holds one grapheme more than asked (the last grapheme of a
 * start may be cut) or is the whole text. The first start is the count
 * plus a margin: Arabic text has about one grapheme per UTF-16 unit (a
 * mark joins its letter, so vocalised text needs a second try), and
 * segmenting eight times what is needed was a tenth of the work of an
 * import's body thread.
 */
function firstGraphemes(
  text: string,
  count: number,
  tidy: (start: string, whole: boolean) => string = (start) => start,
): { parts: string[]; whole: string | null } {
  for (let size = Math.max(256, count + 64); ; size *= 4) {
    const isWhole = size >= text.length;
    const tidied = tidy(isWhole ? text : text.slice(0, size), isWhole);
    const parts = graphemes(tidied);
    if (isWhole) return { parts: parts.slice(0, count), whole: tidied };
    if (parts.length > count) return { parts: parts.slice(0, count), whole: null };
  }
}

/** How many graphemes `text` has (`graphemeCount('ةُ') === 1`). */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of GRAPHEMES.segment(text)) n++;
  return n;
}

/** The length of `text` in UTF-8 bytes (a lone surrogate counts 3, as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The length of `text` in code points (`[...text].length`). */
function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Limits on the size of a value besides its graphemes, for fields stored
 * or sent with one. Each is checked on the whole result, `…` included.
 */
export interface SizeLimits {
  /** Most code points (the unit of FIELD_LIMITS, `[...value].length`). */
  maxCodePoints?: number | undefined;
  /** Most UTF-8 bytes (a payload or column measured in bytes). */
  maxBytes?: number | undefined;
  /** Most UTF-16 code units (JavaScript's `length`). */
  maxUnits?: number | undefined;
}

/** True when `text` is within every limit of `limits`. */
function fits(text: string, limits: SizeLimits): boolean {
  return (
    (limits.maxUnits === undefined || text.length <= limits.maxUnits) &&
    (limits.maxCodePoints === undefined || codePointLength(text) <= limits.maxCodePoints) &&
    (limits.maxBytes === undefined || utf8Length(text) <= limits.maxBytes)
  );
}

/** How many of `parts`, from the start, fit every limit with `suffix` after them. */
function fittingCount(parts: readonly string[], limits: SizeLimits, suffix: string): number {
  let units = suffix.length;
  let codePoints = codePointLength(suffix);
  let bytes = utf8Length(suffix);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    units += part.length;
    codePoints += codePointLength(part);
    bytes += utf8Length(part);
    if (
      units > (limits.maxUnits ?? Infinity) ||
      codePoints > (limits.maxCodePoints ?? Infinity) ||
      bytes > (limits.maxBytes ?? Infinity)
    ) {
      return i;
    }
  }
  return parts.length;
}

/**
 * The longest start of `text` made of whole graphemes that is within
 * every limit (no ellipsis, no search for a word boundary): for a name or
 * a file name cut to its field. Lone surrogates are dropped first.
 *
 * @example fitGraphemes('👨‍👩‍👧 عائلة', { maxCodePoints: 4 }) === '' // the family is 5 code points
 * @example fitGraphemes('بيروتُ', { maxBytes: 11 }) === 'بيرو' // `تُ` is one grapheme of 4 bytes
 */
export function fitGraphemes(text: string, limits: SizeLimits): string {
  const clean = withoutLoneSurrogates(text);
  if (fits(clean, limits)) return clean;
  // Every grapheme has at least one UTF-16 unit, code point and byte: no more can fit.
  const most = Math.min(
    limits.maxUnits ?? Infinity,
    limits.maxCodePoints ?? Infinity,
    limits.maxBytes ?? Infinity,
  );
  const { parts } = firstGraphemes(clean, Math.min(most, clean.length));
  return parts.slice(0, fittingCount(parts, limits, '')).join('');
}

/**
 * The start of `text` of at most `maxUnits` UTF-16 code units that ends
 * between two graphemes, for very long text (an imported body cut at a
 * safety limit): only the 64 code units before the limit are segmented,
 * so a grapheme longer than that is cut between code points instead.
 */
export function cutAtGraphemeBoundary(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  const from = Math.max(0, maxUnits - 64);
  let end = from;
  for (const { index } of GRAPHEMES.segment(text.slice(from, maxUnits + 1))) {
    if (index > 0) end = from + index;
  }
  if (end === from && from > 0) {
    // No boundary in the window: at least keep the surrogate pair whole.
    end = /[\uD800-\uDBFF]/.test(text[maxUnits - 1] ?? '') ? maxUnits - 1 : maxUnits;
  }
  return text.slice(0, end);
}

const TRAILING_PUNCTUATION = /[\s.,،:؛-]+$/u;

/**
 * `text` shortened to at most `maxGraphemes` graphemes at a word boundary,
 * with `…` appended when it was cut (the `…` is not counted in
 * `maxGraphemes`). Lone surrogates are dropped and whitespace collapsed
 * first.
 *
 * - A word ends at a space: a word whose last grapheme is the
 *   `maxGraphemes`-th one is kept (`عاجل: الحكومةُ` is 13 graphemes, 14
 *   UTF-16 units, and fits a limit of 13).
 * - Punctuation left at the end of the cut (`. , ، : ؛ -`) is dropped
 *   before the `…`.
 * - A first word longer than the limit is cut inside, between graphemes.
 * - `limits` (code points, UTF-8 bytes, UTF-16 units) are applied after
 *   the grapheme cut and on the whole result, `…` included: the cut moves
 *   back to the last whole grapheme that fits, then to the word boundary
 *   before it, as for `maxGraphemes`.
 *
 * @example truncateWords('عاجل: الحكومةُ تعلن النتائج 🔴', 13) === 'عاجل: الحكومةُ…'
 * @example truncateWords('أعلنت تركيا عن توافق', 12) === 'أعلنت تركيا…'
 * @example truncateWords('خبر 🔴\uD83D', 10) === 'خبر 🔴'
 */
export function truncateWords(text: string, maxGraphemes: number, limits: SizeLimits = {}): string {
  // No more UTF-16 units than the limit is no more graphemes: nothing to segment (most calls).
  if (text.length <= maxGraphemes) {
    const flat = withoutLoneSurrogates(text).replace(/\s+/g, ' ').trim();
    if (fits(flat, limits)) return flat;
  }
  // One grapheme past the limit tells whether the text is longer (and whether a word ends there).
  const { parts, whole } = firstGraphemes(text, maxGraphemes + 1, (start, isWhole) => {
    const flat = withoutLoneSurrogates(start).replace(/\s+/g, ' ').trimStart();
    return isWhole ? flat.trimEnd() : flat;
  });
  if (whole !== null && parts.length <= maxGraphemes && fits(whole, limits)) return whole;
  const keep = Math.min(maxGraphemes, fittingCount(parts, limits, ELLIPSIS));
  let end = keep;
  if (keep > 0 && parts[keep] !== ' ') {
    const space = parts.lastIndexOf(' ', keep - 1);
    if (space > 0) end = space;
  }
  return `${parts.slice(0, end).join('').replace(TRAILING_PUNCTUATION, '')}${ELLIPSIS}`;
}
