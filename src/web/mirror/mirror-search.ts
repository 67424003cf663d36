/**
 * Search on a static mirror (issue 22): a small index, built while the
 * mirror is written, from the terms of each article's headline
 * (search-terms.ts `indexTerms`: the site search's exact keys and light
 * stems) to the articles, split in chunks that the mirror's search page
 * loads on demand.
 *
 * Chunks are scripts that call a global (`midadSearchTerms(k, {...})`),
 * not JSON, because a page opened from `file://` may load a script but not
 * fetch() a file. The page (`search/index.html`) runs the bundled
 * client/mirror-search.ts (`npm run build` makes it), which reads the
 * query with the same search-terms.ts, so that a word is found in any
 * spelling (hamza forms, taa marbuta, alef maqsura, harakat, tatweel,
 * digits) and with or without «ال», a particle or a common suffix.
 * Without JavaScript the page says so and links the site's own search.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MIRROR_OWN_DIR, relativeLink } from '../../domain/mirror-path.js';
import { translator } from '../../i18n/format.js';
import { escapeHtml } from '../../lib/escape-html.js';
import { ownPage } from './own-page.js';
import { indexTerms, termChunk } from './search-terms.js';

/** The mirror's search page, where the site's search form leads. */
export const SEARCH_PAGE_FILE = 'search/index.html';
/** The folder of the index's scripts. */
const SEARCH_DIR = `${MIRROR_OWN_DIR}/search`;
/** Articles per chunk of the article list. */
const ARTICLES_PER_CHUNK = 500;
/** Terms per chunk of postings, on average. */
const TERMS_PER_CHUNK = 1000;

/** The search page's browser code, built by `npm run build` (vite.mirror.config.ts); the same path from src/ and dist/. */
const SEARCH_SCRIPT = new URL('../../../dist/mirror-assets/mirror-search.js', import.meta.url);

/** The search page's script, read once a mirror is written. @throws when it has not been built. */
function searchScript(): string {
  try {
    return readFileSync(SEARCH_SCRIPT, 'utf8');
  } catch (error) {
    throw new Error(`${fileURLToPath(SEARCH_SCRIPT)} is missing: run npm run build`, {
      cause: error,
    });
  }
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
  readonly #origin: string;

  /** An empty index of a mirror of the site at `origin` (`https://news.example`), whose search the page links. */
  constructor(origin: string) {
    this.#origin = origin;
  }

  /** Indexes the article at mirror file `file` under the terms of `headline`. */
  add(file: string, headline: string): void {
    const ordinal = this.#files.length;
    this.#files.push(file);
    this.#headlines.push(headline);
    for (const term of indexTerms(headline)) {
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
      call('midadSearchMeta', { chunks, perArticles: ARTICLES_PER_CHUNK }),
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
    yield [`${SEARCH_DIR}/search.js`, searchScript()];
    yield [SEARCH_PAGE_FILE, searchPage(this.#origin)];
  }
}

/**
 * The search page: a form, the results, and when JavaScript is off a note
 * and a link to the search page of the site at `origin`.
 */
function searchPage(origin: string): string {
  const t = translator('ar');
  const script = relativeLink(SEARCH_PAGE_FILE, `${SEARCH_DIR}/search.js`);
  return ownPage(
    SEARCH_PAGE_FILE,
    t('mirror.search.title'),
    `<noscript><p>${escapeHtml(t('mirror.search.noScript'))}</p>` +
      `<p><a href="${escapeHtml(`${origin}/search`)}">${escapeHtml(t('mirror.search.onSite'))}</a></p></noscript>` +
      '<form method="get" action="index.html" role="search">' +
      `<label for="q">${escapeHtml(t('mirror.search.label'))}</label> ` +
      '<input id="q" name="q" type="search" maxlength="200"> ' +
      `<button type="submit">${escapeHtml(t('mirror.search.submit'))}</button></form>` +
      `<p id="status" aria-live="polite" data-none="${escapeHtml(t('mirror.search.none'))}"></p>` +
      '<ol id="results"></ol>',
    `<script src="${escapeHtml(script)}" defer></script>`,
  );
}
