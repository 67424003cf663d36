/**
 * The excerpt (standfirst) an article gets when none was written: the
 * start of its body's first paragraph, cut at a word (as Ghost and
 * WordPress derive an excerpt from the content when the field is empty).
 */
import { truncateWords } from '../arabic/truncate.js';
import { FIELD_LIMITS } from './field-limits.js';
import { firstParagraphText } from './html-text.js';

/** Graphemes of the first paragraph a derived excerpt keeps, at most. */
export const DERIVED_EXCERPT_LENGTH = 200;

/**
 * The excerpt of `bodyHtml` (sanitised): its first paragraph's text cut to
 * DERIVED_EXCERPT_LENGTH graphemes at a word, within the excerpt's field
 * limit; '' when it has no paragraph.
 */
export function derivedExcerpt(bodyHtml: string): string {
  return truncateWords(firstParagraphText(bodyHtml), DERIVED_EXCERPT_LENGTH, {
    maxCodePoints: FIELD_LIMITS.excerpt,
  });
}
