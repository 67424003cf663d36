import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { getMostRead } from '../../src/services/read-pages.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describeEachDialect((dialect) => {
  let site: TestSite;
  const deps = () => ({ database: site.database, now: () => NOW });
  beforeEach(async () => {
    site = await testSite({}, { dialect });
  });
  afterEach(() => site.close());

  async function publish(headline: string): Promise<ArticleId> {
    const staff = await createStaff(site.database, () => NOW);
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(deps(), staff.editor, id, content([staff.author.id], { headline }));
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }
  const headlines = (list: { articles: { headline: string }[] }) =>
    list.articles.map((a) => a.headline);

  it('ranks the last 24 hours and the last 7 days by the views counted in them', async () => {
    const fresh = await publish('خبر اليوم');
    const old = SEED_ID as ArticleId;
    await addViews(site.database.db, new Map([[old, 50]]), ago(72));
    await addViews(site.database.db, new Map([[fresh, 5]]), ago(2));
    await addViews(site.database.db, new Map([[old, 3]]), ago(23));

    const [day, week] = await getMostRead(deps(), NOW);
    expect(day?.window).toBe('day');
    expect(headlines(day!)).toEqual([
      'خبر اليوم',
      'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
    ]);
    expect(week?.window).toBe('week');
    expect(headlines(week!)).toEqual([
      'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      'خبر اليوم',
    ]);
  });

  it('leaves out views older than a week, and falls back to all-time counts', async () => {
    await addViews(site.database.db, new Map([[SEED_ID as ArticleId, 9]]), ago(8 * 24));
    expect(await getMostRead(deps(), NOW)).toEqual([
      { window: 'all', articles: [expect.objectContaining({ id: SEED_ID, viewCount: 245 })] },
    ]);
  });

  it('shows both windows on the home page', async () => {
    await addViews(site.database.db, new Map([[SEED_ID as ArticleId, 1]]), ago(1));
    const home = (await site.app.inject({ url: '/' })).body;
    expect(home).toContain(
      '<h2 id="most-read-heading" class="front-aside__title"><span>الأكثر قراءة</span></h2><h3 class="front-aside__window">آخر 24 ساعة</h3>',
    );
    expect(home).toContain('<h3 class="front-aside__window">آخر 7 أيام</h3>');
  });
});
