import { afterEach, beforeEach, expect, it } from 'vitest';
import { toArticleId, type ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import {
  findArticleById,
  findArticleForPreview,
} from '../../src/storage/repositories/articles.repository.js';
import { insertMedia } from '../../src/storage/repositories/media.repository.js';
import { replaceRelatedLinks } from '../../src/storage/repositories/related-links.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, SEED_HEADLINE, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

/** An article's bylines, tags and related links come back from one query, each in its order. */
describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  const deps = () => ({ database: site.database, now: () => NOW });
  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(() => site.close());

  async function write(headline: string, authorIds: string[], tags: string[]): Promise<ArticleId> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(deps(), staff.editor, id, content(authorIds, { headline, tags }));
    return id;
  }

  async function headlineKeyOf(id: string): Promise<string> {
    const row = await site.database.db
      .selectFrom('articles')
      .select('headline_key')
      .where('id', '=', BigInt(id))
      .executeTakeFirstOrThrow();
    return row.headline_key;
  }

  it('reads bylines and tags in their stored order, and links to published articles only', async () => {
    const id = await write('خبر بكاتبين', [staff.author.id, staff.editor.id], ['هواتف', 'تقنية']);
    await moveArticle(deps(), staff.editor, id, 'publish');
    const draft = await write('مسودة لم تنشر بعد', [staff.author.id], []);
    await replaceRelatedLinks(site.database.db, id, [
      {
        kind: 'more',
        headline: SEED_HEADLINE,
        headlineKey: await headlineKeyOf(SEED_ID),
        afterParagraph: null,
      },
      {
        kind: 'read_also',
        headline: 'مسودة لم تنشر بعد',
        headlineKey: await headlineKeyOf(draft),
        afterParagraph: 1,
      },
      { kind: 'more', headline: 'خبر لم يصل', headlineKey: 'خبر لم يصل', afterParagraph: null },
    ]);

    const article = await findArticleById(site.database.db, id);

    expect(article?.authors).toEqual([
      { name: 'كاتب الأخبار', slug: 'كاتب-الأخبار', photo: null, bio: '' },
      { name: 'محرر الصفحة الأولى', slug: 'محرر-الصفحة-الأولى', photo: null, bio: '' },
    ]);
    const stored = await site.database.db
      .selectFrom('tags')
      .select(['id', 'slug', 'name'])
      .execute();
    const tag = (name: string) => stored.find((t) => t.name === name);
    expect(article?.tags).toEqual(
      ['هواتف', 'تقنية'].map((name) => ({
        id: String(tag(name)?.id),
        slug: tag(name)?.slug,
        name,
      })),
    );
    expect(article?.related).toEqual([
      {
        kind: 'more',
        headline: SEED_HEADLINE,
        afterParagraph: null,
        target: { id: toArticleId(SEED_ID), headline: SEED_HEADLINE },
      },
      // The draft is linked in storage but not shown as a link while unpublished.
      { kind: 'read_also', headline: 'مسودة لم تنشر بعد', afterParagraph: 1, target: null },
      { kind: 'more', headline: 'خبر لم يصل', afterParagraph: null, target: null },
    ]);
  });

  it("gives each byline its author's bio and photo, and no photo for an id of no image", async () => {
    const photo = await insertMedia(
      site.database.db,
      {
        uploadedBy: staff.author.id,
        originalName: 'layla.jpg',
        mime: 'image/jpeg',
        width: 800,
        height: 1000,
        bytes: 1234,
        widths: [320, 640, 800],
        originalFile: 'original.jpg',
      },
      NOW,
    );
    await site.database.db
      .updateTable('users')
      .set({ photo_media_id: BigInt(photo.id), bio: 'تكتب عن الاقتصاد منذ ٢٠١٠.' })
      .where('id', '=', BigInt(staff.author.id))
      .execute();
    await site.database.db
      .updateTable('users')
      .set({ photo_media_id: 999_999_999n })
      .where('id', '=', BigInt(staff.editor.id))
      .execute();
    const id = await write('خبر بصورة كاتبه', [staff.editor.id, staff.author.id], []);

    const article = await findArticleForPreview(site.database.db, id);

    expect(article?.authors).toEqual([
      { name: 'محرر الصفحة الأولى', slug: 'محرر-الصفحة-الأولى', photo: null, bio: '' },
      { name: 'كاتب الأخبار', slug: 'كاتب-الأخبار', photo, bio: 'تكتب عن الاقتصاد منذ ٢٠١٠.' },
    ]);
  });
});
