/**
 * Arabic function words that say little about what a text is about:
 * prepositions, conjunctions, particles, pronouns, demonstratives and
 * relative pronouns, and a few auxiliary verbs. They are written here as
 * search keys (normalizeForSearch: no hamza on alef, ى as ي, ة as ه).
 *
 * Dropping such words from queries is standard practice in Arabic
 * retrieval (Larkey, Ballesteros and Connell, "Improving Stemming for
 * Arabic Information Retrieval", SIGIR 2002, removed a stop list before
 * light stemming); here they are dropped from a query only when it has
 * other words, so that a query made of them alone still finds them.
 */
// prettier-ignore
const STOP_WORDS: ReadonlySet<string> = new Set([
  // prepositions
  'في', 'من', 'علي', 'الي', 'عن', 'مع', 'حتي', 'منذ', 'عند', 'لدي', 'بين', 'نحو',
  'خلال', 'حول', 'ضد', 'عبر', 'دون', 'بعد', 'قبل', 'فوق', 'تحت', 'امام', 'وراء',
  // conjunctions and particles
  'و', 'او', 'ام', 'ثم', 'بل', 'لكن', 'ان', 'انه', 'انها', 'لا', 'لم', 'لن', 'قد',
  'ما', 'ماذا', 'اذا', 'اذ', 'كما', 'لما', 'كي', 'لكي', 'ايضا', 'غير', 'سوف', 'هل',
  // pronouns, demonstratives, relatives
  'هو', 'هي', 'هم', 'هن', 'هما', 'نحن', 'انا', 'انت', 'انتم', 'هذا', 'هذه', 'ذلك',
  'تلك', 'هولاء', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي',
  // auxiliaries and quantifiers
  'كان', 'كانت', 'يكون', 'تكون', 'كل', 'بعض', 'عدة',
]);

/** True when `key` (a search key, see normalizeForSearch) is a stop word. */
export function isStopWord(key: string): boolean {
  return STOP_WORDS.has(key);
}
