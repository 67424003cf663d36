/**
 * Search on a static mirror (issue 22): a small index, built while the
 * mirror is written, from the search keys of each article's headline (the
 * site search's keys: arabic/tokenize.ts `analyse`, exact forms) to the
 * articles, split in chunks that the mirror's search page loads on demand.
 *
 * Chunks are scripts that call a global (`midadSearchTerms(k, {...})`),
 * not JSON, because a page opened from `file://` may load a script but not
 * fetch() a file. The page (`search/index.html`) runs
 * public/mirror-search.js; without JavaScript it shows a note instead.
 *
 * The browser makes a query's keys as the index's are made: NFC, then each
 * character through KEY_TABLE, which is not a copy of the rules but the
 * site's own normaliser (arabic/normalize.ts normalizeForSearch) applied
 * to every character it changes, so the two cannot drift apart. Stems are
 * not indexed: a word is found in any spelling (hamza, taa marbuta, alef
 * maqsura, harakat, tatweel, digits), not in its other forms.
 */
import { readFileSync } from 'node:fs';
import { analyse } from '../../arabic/tokenize.js';
import { normalizeForSearch } from '../../arabic/normalize.js';
import { MIRROR_OWN_DIR, relativeLink } from '../../domain/mirror-path.js';
import { translator } from '../../i18n/format.js';
import { escapeHtml } from '../../lib/escape-html.js';
import { ownPage } from './own-page.js';

/** The mirror's search page, where the site's search form leads. */
export const SEARCH_PAGE_FILE = 'search/index.html';
/** The folder of the index's scripts. */
const SEARCH_DIR = `${MIRROR_OWN_DIR}/search`;
/** Articles per chunk of the article list. */
const ARTICLES_PER_CHUNK = 500;
/** Terms per chunk of postings, on average. */
const TERMS_PER_CHUNK = 1000;

/** The browser code of the search page (plain ES5, no module: it runs from `file://`). */
const SEARCH_SCRIPT = new URL('../../../public/mirror-search.js', import.meta.url);

/**
 * The characters whose search key is not their lower case, with their key:
 * Arabic, its supplements and presentation forms, punctuation and spaces,
 * Arabic-Indic digits, format controls. Each is normalised between two
 * Latin letters, so that one that becomes a space keeps it.
 */
export function keyTable(): Record<string, string> {
  const table: Record<string, string> = {};
  const ranges = [
    [0x00, 0x2ff],
    [0x600, 0x8ff],
    [0x2000, 0x206f],
    [0x3000, 0x303f],
    [0xfb50, 0xfdff],
    [0xfe70, 0xfeff],
    [0xff00, 0xff65],
  ];
  for (const [from, to] of ranges) {
    for (let code = from!; code <= to!; code++) {
      const char = String.fromCharCode(code);
      const key = normalizeForSearch(`x${char}x`).slice(1, -1);
      if (key !== char.toLowerCase()) table[char] = key;
    }
  }
  return table;
}

/** The hash that files a term in a chunk: FNV-1a over UTF-16 code units; the page computes the same. */
export function termChunk(term: string, chunks: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % chunks;
}

/**
 * The search index of a mirror, filled article by article. It keeps each
 * article's mirror file (the caller's string, not a copy) and headline,
 * and each term's article ordinals; links are made only as the chunks are.
 */
export class MirrorSearchIndex {
  readonly #files: string[] = [];
  readonly #headlines: string[] = [];
  readonly #postings = new Map<string, number[]>();

  /** Indexes the article at mirror file `file` under the keys of `headline`. */
  add(file: string, headline: string): void {
    const ordinal = this.#files.length;
    this.#files.push(file);
    this.#headlines.push(headline);
    for (const term of new Set(analyse(headline).exact.split(' '))) {
      if (term === '') continue;
      let ids = this.#postings.get(term);
      if (!ids) this.#postings.set(term, (ids = []));
      ids.push(ordinal);
    }
  }

  /**
   * The files of the index and its page, mirror path → text, one at a
   * time, with the articles whose file `holds` refuses (a page that failed
   * to render) left out.
   */
  *files(holds: (file: string) => boolean = () => true): Generator<[string, string]> {
    // Each article's ordinal among those kept, or -1.
    const ordinals = new Int32Array(this.#files.length);
    let kept = 0;
    for (const [i, file] of this.#files.entries()) ordinals[i] = holds(file) ? kept++ : -1;
    const chunks = Math.max(1, Math.ceil(this.#postings.size / TERMS_PER_CHUNK));
    const termsOf = Array.from({ length: chunks }, (): string[] => []);
    for (const term of this.#postings.keys()) termsOf[termChunk(term, chunks)]!.push(term);
    const call = (name: string, ...args: unknown[]) =>
      `${name}(${args.map((a) => JSON.stringify(a)).join(',')});\n`;
    yield [
      `${SEARCH_DIR}/meta.js`,
      call('midadSearchMeta', { chunks, perArticles: ARTICLES_PER_CHUNK, keys: keyTable() }),
    ];
    for (const [k, terms] of termsOf.entries()) {
      const chunk: Record<string, number[]> = {};
      for (const term of terms) {
        const ids = this.#postings
          .get(term)!
          .map((i) => ordinals[i]!)
          .filter((i) => i >= 0);
        if (ids.length > 0) chunk[term] = ids;
      }
      yield [`${SEARCH_DIR}/t${k}.js`, call('midadSearchTerms', k, chunk)];
    }
    let part: Array<[string, string]> = [];
    let k = 0;
    for (const [i, file] of this.#files.entries()) {
      if (ordinals[i]! < 0) continue;
      part.push([relativeLink(SEARCH_PAGE_FILE, file), this.#headlines[i]!]);
      if (part.length === ARTICLES_PER_CHUNK) {
        yield [`${SEARCH_DIR}/a${k}.js`, call('midadSearchArticles', k++, part)];
        part = [];
      }
    }
    if (part.length > 0) yield [`${SEARCH_DIR}/a${k}.js`, call('midadSearchArticles', k, part)];
    yield [`${SEARCH_DIR}/search.js`, readFileSync(SEARCH_SCRIPT, 'utf8')];
    yield [SEARCH_PAGE_FILE, searchPage()];
  }
}

/** The search page: a form, the results, and a note when JavaScript is off. */
function searchPage(): string {
  const t = translator('ar');
  const script = relativeLink(SEARCH_PAGE_FILE, `${SEARCH_DIR}/search.js`);
  return ownPage(
    SEARCH_PAGE_FILE,
    t('mirror.search.title'),
    `<noscript><p>${escapeHtml(t('mirror.search.noScript'))}</p></noscript>` +
      '<form method="get" action="index.html" role="search">' +
      `<label for="q">${escapeHtml(t('mirror.search.label'))}</label> ` +
      '<input id="q" name="q" type="search" maxlength="200"> ' +
      `<button type="submit">${escapeHtml(t('mirror.search.submit'))}</button></form>` +
      `<p id="status" aria-live="polite" data-none="${escapeHtml(t('mirror.search.none'))}"></p>` +
      '<ol id="results"></ol>',
    `<script src="${escapeHtml(script)}" defer></script>`,
  );
}
