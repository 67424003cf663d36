import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, NOW, testSite, type TestSite } from '../helpers/site.js';

/** A word no fixture article holds. */
const WORD = 'زلزال';

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  const deps = () => ({
    database: site.database,
    now: () => NOW,
    onPublicChange: site.app.publicChange,
  });
  const get = (url: string) => site.app.inject({ url, headers: { 'user-agent': BROWSER } });
  const page = (q: string) => get(`/search?q=${encodeURIComponent(q)}`);
  const api = (q: string) => get(`/api/search?q=${encodeURIComponent(q)}`);
  const resultCount = (html: string) => [...html.matchAll(/<li class="search-result"/g)].length;

  async function publish(headline: string) {
    const id = await createDraft(deps(), staff.author);
    await saveArticle(deps(), staff.editor, id, content([staff.author.id], { headline }));
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(async () => {
    await site.close();
  });

  it('keeps a search with no results until an article with its word is published', async () => {
    const first = await page(WORD);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers['cache-control']).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=60',
    );
    expect(first.headers['surrogate-key']).toBe('home breaking footer');
    expect(resultCount(first.body)).toBe(0);
    // Kept from its second ask, so that random queries do not push articles out.
    expect((await page(WORD)).headers['x-cache']).toBe('MISS');
    expect((await page(WORD)).headers['x-cache']).toBe('HIT');

    const id = await publish(`${WORD} يضرب الساحل`);

    const after = await page(WORD);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(resultCount(after.body)).toBe(1);
    expect(after.headers['surrogate-key']).toBe(`home breaking footer a${id}`);
    // Asked twice within the minute already: kept at once.
    expect((await page(WORD)).headers['x-cache']).toBe('HIT');
  });

  it('answers spellings that differ in harakat, tatweel and spacing from one entry, shown tidied', async () => {
    expect((await page(WORD)).headers['x-cache']).toBe('MISS');
    expect((await page(WORD)).headers['x-cache']).toBe('MISS');
    const variant = await page(`  زِلـزال  `);
    expect(variant.headers['x-cache']).toBe('HIT');
    expect(variant.body).toContain(`name="q" value="${WORD}"`);
    // A hamza form is another spelling: it ranks the reader's own first, so it is another entry.
    expect((await page('الأسد')).headers['x-cache']).toBe('MISS');
    expect((await page('الاسد')).headers['x-cache']).toBe('MISS');
  });

  it('keeps the JSON API per query and limit, and drops it when a listed article is unpublished', async () => {
    const id = await publish(`${WORD} يضرب الساحل`);
    const first = await api(WORD);
    expect([first.headers['x-cache'], first.headers['content-type']]).toEqual([
      'MISS',
      'application/json; charset=utf-8',
    ]);
    expect((first.json() as { total: number }).total).toBe(1);
    expect((await api(WORD)).headers['x-cache']).toBe('MISS');
    expect((await api(WORD)).headers['x-cache']).toBe('HIT');
    expect(
      (await get(`/api/search?q=${encodeURIComponent(WORD)}&limit=5`)).headers['x-cache'],
    ).toBe('MISS');

    await moveArticle(deps(), staff.editor, id, 'unpublish');

    const after = await api(WORD);
    expect(after.headers['x-cache']).toBe('MISS');
    expect((after.json() as { total: number }).total).toBe(0);
  });
});
