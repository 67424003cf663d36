/**
 * What the search index stores of a text, on both engines: its analysed
 * keys (arabic/tokenize.ts `analyse`: exact forms and stems) and its
 * surface forms (surface.ts: the words whose key merges letters, as they
 * were spelled), each space-joined.
 */
import { analyse, type AnalysedText } from '../arabic/tokenize.js';
import { surfaceForms } from './surface.js';

/** A text's keys as the index stores them. */
export interface TextKeys extends AnalysedText {
  /** Surface forms (surfaceForms), space-joined. */
  surface: string;
}

/** The keys of `text` for the index. */
export function textKeys(text: string): TextKeys {
  return { ...analyse(text), surface: surfaceForms(text).join(' ') };
}
