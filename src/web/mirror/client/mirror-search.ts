/**
 * The search page of a static mirror, in the browser (web/mirror/mirror-search.ts
 * writes the page and the index). Bundled by Vite (vite.mirror.config.ts) into one
 * classic script, `mirror/search/search.js`: a page opened from `file://` may load a
 * script but not a module, nor fetch() a file.
 *
 * The page's query (`?q=`) is read into words by the site search's own analysis
 * (search-terms.ts `queryWords`); the chunks of the index that hold their terms are
 * loaded as scripts, which call the globals below; the articles that match every
 * word are listed, newest first, at most MAX_RESULTS.
 *
 * `midadSearch.load` (how a chunk is loaded) and `midadSearch.find` are globals so
 * that a test can run the script outside a browser.
 */
import { queryWords, termChunk } from '../search-terms.js';

/** The index's description (`meta.js`): chunks of terms, and articles per chunk of articles. */
interface Meta {
  chunks: number;
  perArticles: number;
}
/** A found article: its link from the search page, and its headline. */
type Hit = [string, string];

const MAX_RESULTS = 50;
const root = globalThis as unknown as Record<string, unknown>;
const chunks: Record<string, unknown> = {};
const waiting: Record<string, Array<() => void>> = {};
let base = '';

function arrived(name: string, value: unknown): void {
  chunks[name] = value;
  const callbacks = waiting[name] ?? [];
  delete waiting[name];
  for (const callback of callbacks) callback();
}
root.midadSearchMeta = (meta: Meta) => arrived('meta', meta);
root.midadSearchTerms = (k: number, terms: Record<string, number[]>) => arrived(`t${k}`, terms);
root.midadSearchArticles = (k: number, list: Hit[]) => arrived(`a${k}`, list);

const search = {
  /** Loads chunk `name` (meta, t<k>, a<k>) by a script element; `done` when it fails. */
  load(name: string, done: () => void): void {
    const script = document.createElement('script');
    script.src = `${base}${name}.js`;
    script.onerror = done;
    document.head.appendChild(script);
  },
  /** Calls `done` with the articles whose headline matches every word of `query`. */
  find(query: string, done: (hits: Hit[]) => void): void {
    need(['meta'], () => {
      const meta = chunks.meta as Meta;
      const words = queryWords(query);
      if (words.length === 0) return done([]);
      const names = (terms: string[]) => terms.map((t) => `t${termChunk(t, meta.chunks)}`);
      need([...new Set(words.flatMap(names))], () => {
        let found: number[] | null = null;
        for (const terms of words) {
          const ids = new Set<number>();
          for (const term of terms) {
            const chunk = chunks[`t${termChunk(term, meta.chunks)}`] as
              Record<string, number[]> | undefined;
            for (const id of chunk?.[term] ?? []) ids.add(id);
          }
          found = found === null ? [...ids] : found.filter((id) => ids.has(id));
        }
        const newest = (found ?? []).sort((a, b) => b - a).slice(0, MAX_RESULTS);
        const listOf = (id: number) => `a${Math.floor(id / meta.perArticles)}`;
        need([...new Set(newest.map(listOf))], () => {
          done(newest.map((id) => (chunks[listOf(id)] as Hit[])[id % meta.perArticles]!));
        });
      });
    });
  },
};
root.midadSearch = search;

/** Calls `done` once every chunk of `names` has arrived (or failed to). */
function need(names: string[], done: () => void): void {
  let left = names.length;
  if (left === 0) return done();
  const one = () => {
    left -= 1;
    if (left === 0) done();
  };
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(chunks, name)) one();
    else if (waiting[name]) waiting[name].push(one);
    else {
      waiting[name] = [one];
      search.load(name, one);
    }
  }
}

if (typeof document !== 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    const script = document.querySelector('script[src$="search.js"]');
    base = (script?.getAttribute('src') ?? '').replace(/search\.js$/, '');
    const query = new URLSearchParams(location.search).get('q') ?? '';
    const input = document.getElementById('q') as HTMLInputElement;
    const status = document.getElementById('status')!;
    const list = document.getElementById('results')!;
    input.value = query;
    if (query.trim() === '') return;
    search.find(query, (hits) => {
      status.textContent = hits.length === 0 ? status.getAttribute('data-none') : '';
      for (const [href, headline] of hits) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = href;
        link.textContent = headline;
        item.appendChild(link);
        list.appendChild(item);
      }
    });
  });
}
