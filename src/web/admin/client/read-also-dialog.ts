/**
 * The "read also" dialog: a search box over the newsroom's articles
 * (`GET data-search-url?q=…` → `{"results":[{"id","headline"}]}`); picking
 * a result inserts the box.
 */
import { element, openDialog, textField } from './dialog.js';
import { field, requestJson } from './http.js';
import type { Labels } from './labels.js';
import { ARTICLE_ID, type ReadAlsoTarget } from './read-also-node.js';
import { textDirection } from './text-direction.js';

const TYPING_PAUSE_MS = 250;

function result(value: unknown): ReadAlsoTarget | null {
  const id = field(value, 'id');
  const headline = field(value, 'headline');
  const articleId = typeof id === 'number' ? String(id) : id;
  if (typeof articleId !== 'string' || !ARTICLE_ID.test(articleId)) return null;
  if (typeof headline !== 'string' || headline.trim() === '') return null;
  return { articleId, headline: headline.replace(/\s+/g, ' ').trim() };
}

export function chooseArticle(labels: Labels, searchUrl: string): Promise<ReadAlsoTarget | null> {
  return new Promise((resolve) => {
    let answer: ReadAlsoTarget | null = null;
    let pending: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = openDialog(labels, labels.readAlsoDialogTitle, {
      submit: null,
      className: 'midad-dialog--read-also',
    });
    const query = textField(labels.search, { type: 'search' });
    const list = element('ul', 'midad-results');
    frame.body.append(query.label, list);

    const search = async (): Promise<void> => {
      clearTimeout(timer);
      pending?.abort();
      const q = query.input.value.trim();
      list.replaceChildren();
      if (q === '') return frame.showStatus('');
      pending = new AbortController();
      frame.showStatus(labels.searching);
      const url = new URL(searchUrl, window.location.href);
      url.searchParams.set('q', q);
      try {
        const { ok, body } = await requestJson(url.href, { signal: pending.signal });
        const results = field(body, 'results');
        if (!ok || !Array.isArray(results)) return frame.showStatus(labels.searchFailed);
        const found = results.map(result).filter((r): r is ReadAlsoTarget => r !== null);
        for (const target of found) {
          const button = element('button', 'midad-results__item', target.headline);
          button.type = 'button';
          button.dir = textDirection(target.headline);
          button.addEventListener('click', () => {
            answer = target;
            frame.dialog.close();
          });
          const item = element('li', 'midad-results__row');
          item.append(button);
          list.append(item);
        }
        frame.showStatus(found.length === 0 ? labels.noResults : '');
      } catch {
        // Aborted: a newer search is on its way.
      }
    };

    query.input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void search(), TYPING_PAUSE_MS);
    });
    frame.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void search();
    });
    frame.dialog.addEventListener('close', () => {
      clearTimeout(timer);
      pending?.abort();
      resolve(answer);
    });
    frame.dialog.showModal();
  });
}
