/**
 * Light stemming of Arabic search keys, in the spirit of light10 (Larkey,
 * Ballesteros and Connell, "Light Stemming for Arabic Information
 * Retrieval", in Arabic Computational Morphology, Springer 2007; first
 * described at SIGIR 2002): strip the common clitic prefixes and one
 * common suffix, never cutting below a safe length, and never touching the
 * root pattern itself. Works on keys already normalised by
 * `normalizeForSearch` (ة→ه, ى→ي, hamza carriers unified, no diacritics).
 *
 * Rules, in order:
 * 1. The definite article with an attached particle (وال بال كال فال لل)
 *    or alone (ال), when at least 2 letters remain (light10's rule).
 * 2. Otherwise, with `particles`, one particle (و ف ب ك ل) when at least
 *    4 letters remain. Particles also begin many words (بلاد, كتب, لعب,
 *    وزير), so `stemCandidates` gives both readings and the index keeps both:
 *    the right one always matches, and exact forms still rank first.
 * 3. The suffixes ها ان ات ون ين يه ه ي, each in that order and each
 *    once, as light10 does (السوريين → سوري → سور, like السورية → سور),
 *    when at least 3 letters remain; 4 after a one-letter particle, as a
 *    particle and a suffix taken from one word leave too little to tell
 *    words apart (فاسدة → اسد would match الأسد).
 * Latin words and numbers are left alone.
 */

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const PARTICLES = ['و', 'ف', 'ب', 'ك', 'ل'] as const;
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;

/** Least letters left after removing an article, a particle, a suffix. */
export const MIN_AFTER_ARTICLE = 2;
export const MIN_AFTER_PARTICLE = 4;
export const MIN_AFTER_SUFFIX = 3;
/** Least letters left after a suffix when a one-letter particle was removed too. */
export const MIN_AFTER_PARTICLE_AND_SUFFIX = 4;

const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/**
 * The light stem of a normalised key; the key itself when it is not an
 * Arabic word or nothing can be removed safely. `particles` (default true)
 * allows rule 2.
 *
 * @example lightStem('والاسد') === 'اسد'
 * @example lightStem('المدرسه') === 'مدرس'
 * @example lightStem('بلد') === 'بلد'
 */
export function lightStem(
  key: string,
  options: { particles?: boolean; afterParticle?: boolean } = {},
): string {
  if (!ARABIC_WORD.test(key)) return key;
  let word = key;
  let minAfterSuffix = options.afterParticle ? MIN_AFTER_PARTICLE_AND_SUFFIX : MIN_AFTER_SUFFIX;
  const article = ARTICLES.find(
    (a) => word.startsWith(a) && word.length - a.length >= MIN_AFTER_ARTICLE,
  );
  if (article) {
    word = word.slice(article.length);
  } else if (options.particles !== false) {
    const particle = PARTICLES.find(
      (p) => word.startsWith(p) && word.length - p.length >= MIN_AFTER_PARTICLE,
    );
    if (particle) {
      word = word.slice(particle.length);
      minAfterSuffix = MIN_AFTER_PARTICLE_AND_SUFFIX;
    }
  }
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minAfterSuffix) {
      word = word.slice(0, word.length - suffix.length);
    }
  }
  // A doubled yaa (كهربائي → كهربايي, the nisba of a word in ـاء) goes whole,
  // as it does after يه in the feminine (كهربائية → كهرباي → كهربا).
  while (word.endsWith('ي') && word.length - 1 >= minAfterSuffix) word = word.slice(0, -1);
  return word;
}

/**
 * Conjunctions read off short words too: `وأيّ` is `و` + `أيّ`. Only و: many
 * common words begin with ف (فيلم, فريق), and reading them as ف + a short
 * word made فيلم match يلمّ.
 */
const CONJUNCTIONS = ['و'] as const;
/** Least letters left after a conjunction for that third reading. */
export const MIN_AFTER_CONJUNCTION = 2;

/**
 * The stems a key may have: read without a leading particle, with one
 * (rule 2), and, for a leading و, the rest of the word when at least 2
 * letters remain (light10's article rule, applied to the conjunction so
 * that short words such as أيّ are found inside وأيّ). One to three strings.
 *
 * @example stemCandidates('بلادها') // ['بلاد', 'لادها']
 * @example stemCandidates('بالاسد') // ['اسد']
 * @example stemCandidates('واي') // ['واي', 'اي']
 */
export function stemCandidates(key: string): string[] {
  const readings = [lightStem(key, { particles: false }), lightStem(key)];
  const conjunction = CONJUNCTIONS.find(
    (c) =>
      key.startsWith(c) && key.length - c.length >= MIN_AFTER_CONJUNCTION && ARABIC_WORD.test(key),
  );
  if (conjunction)
    readings.push(
      lightStem(key.slice(conjunction.length), { particles: false, afterParticle: true }),
    );
  return [...new Set(readings)];
}

/**
 * The particle (و ف ب ك ل) that `key` begins with when the rest of it is
 * `rest`, for highlighting only the word after a clitic; else null.
 *
 * @example leadingParticle('واي', 'اي') === 'و'
 */
export function leadingParticle(key: string, rest: string): string | null {
  const first = key[0];
  return first !== undefined &&
    (PARTICLES as readonly string[]).includes(first) &&
    key.slice(1) === rest
    ? first
    : null;
}
