/**
 * Bidirectional isolation of names and reader text shown inside Arabic
 * sentences (Unicode UAX #9). A name such as `J. Smith, Jr.` placed in
 * `مقالات {name}` without isolation takes its neutral characters (the
 * periods, the comma) into the Arabic sentence's direction, and the last
 * period shows at the name's left. Markup isolates with `<bdi>`; text that
 * cannot hold markup (`<title>`, an attribute, a feed title) with the
 * isolate controls here.
 */
import { removeBidiControls } from './clean.js';

/** FIRST STRONG ISOLATE: the text after it takes the direction of its first letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends the isolate FSI opened. */
export const PDI = '\u2069';

/**
 * `text` between FSI and PDI, for a string that cannot hold `<bdi>`.
 * Embedding, override and isolate controls inside `text` are removed
 * first, so that it cannot close the isolate early or reach past it.
 *
 * @example isolateText('J. Smith, Jr.') === '\u2068J. Smith, Jr.\u2069'
 */
export function isolateText(text: string): string {
  return `${FSI}${removeBidiControls(text)}${PDI}`;
}

/** A letter of a right-to-left script (bidi class R or AL). */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

/** A stretch of text, as UTF-16 offsets: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * The left-to-right runs of `text`: each from a letter of a left-to-right
 * script (Latin, Greek, Cyrillic…) to the last such letter (and its
 * marks) before the next right-to-left letter. Spaces, digits and
 * punctuation between two of its letters belong to a run; those at its
 * edges stay in the surrounding text, so that `(Unicode Conference)` in an
 * Arabic sentence gives the run `Unicode Conference` and the brackets
 * stay the sentence's.
 *
 * @example ltrRuns('مؤتمر (Unicode Conference) في') // [{ start: 7, end: 25 }]
 */
export function ltrRuns(text: string): TextRange[] {
  const runs: TextRange[] = [];
  let start = -1;
  let end = -1;
  let at = 0;
  for (const char of text) {
    const next = at + char.length;
    if (LETTER.test(char)) {
      if (RTL_LETTER.test(char)) {
        if (start >= 0) runs.push({ start, end });
        start = -1;
      } else {
        if (start < 0) start = at;
        end = next;
      }
    } else if (start >= 0 && end === at && MARK.test(char)) {
      end = next;
    }
    at = next;
  }
  if (start >= 0) runs.push({ start, end });
  return runs;
}
