/**
 * Telling headlines from body prose from short page furniture, by shape.
 *
 * Headlines are a few words to a couple of lines and do not end in a full
 * stop; body paragraphs are long or are whole sentences. Lines that are
 * neither (a site name, a menu item, a tag) are left out of the article.
 */

const MIN_HEADLINE_WORDS = 3;
const MAX_HEADLINE_LENGTH = 200;
/** A paragraph this long is prose whatever its punctuation. */
const MIN_PROSE_WORDS = 8;
/** A shorter paragraph must be a whole sentence. */
const MIN_SENTENCE_WORDS = 4;

/** A full stop, question or exclamation mark, maybe inside closing quotes. */
const ENDS_SENTENCE = /[.!?؟…]["'»”’)\]]*$/u;
/** One full stop at the end; `..` is an ellipsis that headlines use. */
const ENDS_FULL_STOP = /(?<!\.)\.["'»”’)\]]*$/u;
const URL = /https?:\/\//iu;

function wordCount(line: string): number {
  return line.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * True for a line shaped like a headline. `minWords` may be lowered to 2
 * when other evidence (repetition, a date next to it) says it is a title:
 * `طقس الثلاثاء` is a headline, but so short that a site name looks alike.
 *
 * @example isHeadlineLike('توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب') === true
 */
export function isHeadlineLike(line: string, minWords = MIN_HEADLINE_WORDS): boolean {
  return (
    wordCount(line) >= minWords &&
    line.length <= MAX_HEADLINE_LENGTH &&
    !ENDS_FULL_STOP.test(line) &&
    !line.endsWith(':') &&
    !URL.test(line)
  );
}

/**
 * True for a line shaped like a body paragraph: long, or a whole sentence.
 *
 * @example isProseLike('وقال المتحدث إن الاجتماع انتهى.') === true
 */
export function isProseLike(line: string): boolean {
  const words = wordCount(line);
  return words >= MIN_PROSE_WORDS || (words >= MIN_SENTENCE_WORDS && ENDS_SENTENCE.test(line));
}
