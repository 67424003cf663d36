import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import type { Actor } from '../../src/domain/roles.js';
import type { WorkflowMove } from '../../src/domain/workflow.js';
import { deactivateUser } from '../../src/services/accounts.js';
import { createDraft, loadArticle, saveArticle } from '../../src/services/edit-article.js';
import { editorPageContent } from '../../src/services/editor-page.js';
import { moveArticle } from '../../src/services/move-article.js';
import { publishDueArticles } from '../../src/services/publish-scheduled.js';
import {
  diffRevision,
  restoreRevision,
  revisionsOf,
} from '../../src/services/article-revisions.js';
import { articleIdOfPreview, createPreviewToken } from '../../src/services/previews.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { findArticleById } from '../../src/storage/repositories/articles.repository.js';
import { insertMedia } from '../../src/storage/repositories/media.repository.js';
import {
  updateContent,
  updateStatus,
} from '../../src/storage/repositories/newsroom-articles.repository.js';
import { listEvents } from '../../src/storage/repositories/revisions.repository.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import { testFolder } from '../helpers/temp-folder.js';

describeEachDialect((dialect) => {
  let database: Database;
  let staff: Staff;
  let clock: Date;
  const deps = () => ({ database, now: () => clock });

  async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
    try {
      await promise;
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  }

  async function draftBy(actor: Actor): Promise<ArticleId> {
    const id = await createDraft(deps(), actor);
    await saveArticle(deps(), actor, id, content([actor.id]));
    return id;
  }

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    clock = new Date('2026-11-29T12:00:00Z');
    staff = await createStaff(database, () => clock);
  });
  afterEach(async () => {
    await database.close();
  });

  describe('writing', () => {
    it('saves a draft with an Arabic slug, created tags, a derived excerpt and a revision', async () => {
      const id = await draftBy(staff.author);
      const article = await loadArticle(deps(), id);
      expect(article).toMatchObject({
        status: 'draft',
        slug: 'أبل-تعلن-عن-iphone-15-في-12-مارس',
        tags: ['تقنية', 'هواتف'],
        excerpt: 'أعلنت شركة Apple يوم 12 مارس عن iPhone 15 الجديد.',
        authorIds: [staff.author.id],
      });
      expect((await revisionsOf(deps(), staff.author, id)).map((r) => r.kind)).toEqual(['save']);
    });

    it('makes slugs unique and keeps an edited slug', async () => {
      const first = await draftBy(staff.author);
      const second = await draftBy(staff.author);
      expect((await loadArticle(deps(), second)).slug).toBe('أبل-تعلن-عن-iphone-15-في-12-مارس-2');
      await saveArticle(
        deps(),
        staff.author,
        first,
        content([staff.author.id], { slug: 'آيفون جديد!' }),
      );
      expect((await loadArticle(deps(), first)).slug).toBe('آيفون-جديد');
    });

    it('derives the excerpt from the first paragraph as read: no space before punctuation after markup, entities decoded', async () => {
      const id = await createDraft(deps(), staff.author);
      await saveArticle(
        deps(),
        staff.author,
        id,
        content([staff.author.id], {
          excerpt: '',
          bodyHtml:
            '<h2>عنوان فرعي</h2><p>قال <b>الوزير</b>، &laquo;نعم&raquo;&nbsp;للاتفاق.</p><p>الثانية</p>',
        }),
      );
      expect((await loadArticle(deps(), id)).excerpt).toBe('قال الوزير، «نعم» للاتفاق.');
    });

    it('sanitises the body', async () => {
      const id = await createDraft(deps(), staff.author);
      await saveArticle(
        deps(),
        staff.author,
        id,
        content([staff.author.id], {
          bodyHtml: '<p onclick="x()">نص</p><script>alert(1)</script>',
        }),
      );
      expect((await loadArticle(deps(), id)).bodyHtml).toBe('<p>نص</p>');
    });

    it('lets nobody but the bylines and editors edit, and a contributor only while it is a draft', async () => {
      const id = await draftBy(staff.contributor);
      expect(await codeOf(saveArticle(deps(), staff.author, id, content([staff.author.id])))).toBe(
        'FORBIDDEN',
      );
      await saveArticle(deps(), staff.editor, id, content([staff.contributor.id]));
      await moveArticle(deps(), staff.contributor, id, 'submit');
      expect(
        await codeOf(saveArticle(deps(), staff.contributor, id, content([staff.contributor.id]))),
      ).toBe('FORBIDDEN');
    });

    it('keeps bylines as stored when a writer tries to change them, and lets an editor change them', async () => {
      const id = await draftBy(staff.author);
      await saveArticle(deps(), staff.author, id, content([staff.editor.id]));
      expect((await loadArticle(deps(), id)).authorIds).toEqual([staff.author.id]);
      await saveArticle(deps(), staff.editor, id, content([staff.author.id, staff.editor.id]));
      expect((await loadArticle(deps(), id)).authorIds).toEqual([staff.author.id, staff.editor.id]);
    });

    it('autosaves a published article without touching the live text', async () => {
      const id = await draftBy(staff.author);
      await moveArticle(deps(), staff.author, id, 'publish');
      await saveArticle(
        deps(),
        staff.author,
        id,
        content([staff.author.id], { headline: 'عنوان جديد' }),
        { autosave: true },
      );
      expect((await loadArticle(deps(), id)).headline).toBe('أبل تعلن عن iPhone 15 في 12 مارس');
      await saveArticle(
        deps(),
        staff.author,
        id,
        content([staff.author.id], { headline: 'عنوان ثالث' }),
        { autosave: true },
      );
      const kinds = (await revisionsOf(deps(), staff.author, id)).map((r) => r.kind);
      expect(kinds.filter((k) => k === 'autosave')).toHaveLength(1);
    });
  });

  describe('the workflow, as each role', () => {
    // [role, move, from a draft of that role's own, expected]
    it.each([
      ['contributor', 'submit', 'pending'],
      ['contributor', 'publish', 'FORBIDDEN'],
      ['contributor', 'schedule', 'FORBIDDEN'],
      ['contributor', 'archive', 'FORBIDDEN'],
      ['author', 'submit', 'pending'],
      ['author', 'publish', 'published'],
      ['author', 'schedule', 'FORBIDDEN'],
      ['author', 'archive', 'FORBIDDEN'],
      ['editor', 'publish', 'published'],
      ['editor', 'schedule', 'scheduled'],
      ['editor', 'archive', 'archived'],
      ['administrator', 'publish', 'published'],
    ] as const)('a %s making "%s" on their own draft gets %s', async (role, move, expected) => {
      const actor = staff[role];
      const id = await draftBy(actor);
      const scheduledAt = new Date(clock.getTime() + 3600_000);
      const result = await moveArticle(deps(), actor, id, move as WorkflowMove, {
        scheduledAt,
      }).catch((e: { code: string }) => e.code);
      expect(result).toBe(expected);
    });

    it("lets an author publish only their own, and an editor anyone's", async () => {
      const id = await draftBy(staff.contributor);
      await moveArticle(deps(), staff.contributor, id, 'submit');
      expect(await codeOf(moveArticle(deps(), staff.author, id, 'publish'))).toBe('FORBIDDEN');
      expect(await moveArticle(deps(), staff.editor, id, 'publish')).toBe('published');
    });

    it("keeps an editor's unpublish standing until an editor publishes again", async () => {
      const id = await draftBy(staff.author);
      await moveArticle(deps(), staff.author, id, 'publish');
      await moveArticle(deps(), staff.editor, id, 'unpublish');
      expect((await loadArticle(deps(), id)).unpublishedByRole).toBe('editor');
      expect(await codeOf(moveArticle(deps(), staff.author, id, 'publish'))).toBe('FORBIDDEN');
      expect((await loadArticle(deps(), id)).status).toBe('unpublished');
      expect(await moveArticle(deps(), staff.editor, id, 'publish')).toBe('published');
      // The author's own unpublish is the author's to undo.
      await moveArticle(deps(), staff.author, id, 'unpublish');
      expect((await loadArticle(deps(), id)).unpublishedByRole).toBe('author');
      expect(await moveArticle(deps(), staff.author, id, 'publish')).toBe('published');
      expect((await loadArticle(deps(), id)).unpublishedByRole).toBeNull();
    });

    it('walks draft → pending → draft → published → unpublished → published → archived → draft, and logs each move', async () => {
      const id = await draftBy(staff.author);
      await moveArticle(deps(), staff.author, id, 'submit');
      await moveArticle(deps(), staff.editor, id, 'return');
      await moveArticle(deps(), staff.author, id, 'publish');
      const firstPublished = (await loadArticle(deps(), id)).publishedAt;
      clock = new Date(clock.getTime() + 60_000);
      await moveArticle(deps(), staff.author, id, 'unpublish');
      expect(await findArticleById(database.db, id)).toBeNull();
      await moveArticle(deps(), staff.editor, id, 'publish');
      expect((await loadArticle(deps(), id)).publishedAt).toEqual(firstPublished);
      await moveArticle(deps(), staff.editor, id, 'archive');
      await moveArticle(deps(), staff.editor, id, 'restore');
      const events = await listEvents(database.db, id);
      expect(events.map((e) => `${e.move}:${e.fromStatus}→${e.toStatus}:${e.userName}`)).toEqual([
        'submit:draft→pending:كاتب الأخبار',
        'return:pending→draft:محرر الصفحة الأولى',
        'publish:draft→published:كاتب الأخبار',
        'unpublish:published→unpublished:كاتب الأخبار',
        'publish:unpublished→published:محرر الصفحة الأولى',
        'archive:published→archived:محرر الصفحة الأولى',
        'restore:archived→draft:محرر الصفحة الأولى',
      ]);
    });

    it('refuses a move that does not exist from the current status', async () => {
      const id = await draftBy(staff.editor);
      expect(await codeOf(moveArticle(deps(), staff.editor, id, 'unpublish'))).toBe(
        'MOVE_NOT_POSSIBLE',
      );
    });

    it('refuses to publish without a headline, or with an image lacking alt text', async () => {
      const id = await createDraft(deps(), staff.editor);
      expect(await codeOf(moveArticle(deps(), staff.editor, id, 'publish'))).toBe(
        'PUBLISH_INCOMPLETE',
      );
      await saveArticle(
        deps(),
        staff.editor,
        id,
        content([staff.editor.id], {
          bodyHtml:
            '<p>نص</p><figure><img src="/media/1/w640.webp" alt=""><figcaption>صورة</figcaption></figure>',
        }),
      );
      expect(await codeOf(moveArticle(deps(), staff.editor, id, 'publish'))).toBe(
        'PUBLISH_MISSING_ALT',
      );
    });
  });

  describe('correcting a published article imported without alt text', () => {
    const oldImage = '<img src="/wp-content/uploads/2014/05/idlib.jpg" />';

    /** A published article as `midad import` writes it: body and featured image without alt. */
    async function importedWithoutAlt(): Promise<{ id: ArticleId; featuredMediaId: string }> {
      const id = await draftBy(staff.editor);
      const media = await insertMedia(
        database.db,
        {
          uploadedBy: staff.editor.id,
          originalName: 'idlib.jpg',
          mime: 'image/jpeg',
          width: 1200,
          height: 800,
          bytes: 52_000,
          widths: [640],
          originalFile: 'original.jpg',
        },
        clock,
      );
      const stored = content([staff.editor.id], {
        bodyHtml: `<p>نص قديم</p>${oldImage}`,
        featuredMediaId: media.id,
      });
      await updateContent(
        database.db,
        id,
        { content: stored, headlineKey: '', excerpt: '' },
        clock,
      );
      await updateStatus(
        database.db,
        id,
        { status: 'published', publishedAt: clock },
        clock,
        'draft',
      );
      return { id, featuredMediaId: media.id };
    }

    it('saves a corrected headline despite the images it already had', async () => {
      const { id, featuredMediaId } = await importedWithoutAlt();
      const corrected = content([staff.editor.id], {
        headline: 'أبل تعلن عن iPhone 15 في 13 مارس',
        bodyHtml: `<p>نص قديم</p>${oldImage}`,
        featuredMediaId,
      });
      await saveArticle(deps(), staff.editor, id, corrected);
      const article = await loadArticle(deps(), id);
      expect(article.headline).toBe('أبل تعلن عن iPhone 15 في 13 مارس');
      expect(article.bodyHtml).toBe(`<p>نص قديم</p>${oldImage}`);
      expect(article.featuredMediaId).toBe(featuredMediaId);
    });

    it('still refuses an image added without alt text in the correction, storing nothing', async () => {
      const { id, featuredMediaId } = await importedWithoutAlt();
      const added = content([staff.editor.id], {
        headline: 'عنوان مصحح',
        bodyHtml: `<p>نص قديم</p>${oldImage}<img src="/media/9/w640.webp" alt="">`,
        featuredMediaId,
      });
      const error = await saveArticle(deps(), staff.editor, id, added).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'PUBLISH_MISSING_ALT',
        details: { images: ['/media/9/w640.webp'] },
      });
      expect((await loadArticle(deps(), id)).headline).toBe('أبل تعلن عن iPhone 15 في 12 مارس');
    });

    it('still refuses to publish a draft with such images', async () => {
      const { id, featuredMediaId } = await importedWithoutAlt();
      await moveArticle(deps(), staff.editor, id, 'unpublish');
      const error = await moveArticle(deps(), staff.editor, id, 'publish').catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'PUBLISH_MISSING_ALT',
        details: { images: [`media:${featuredMediaId}`, '/wp-content/uploads/2014/05/idlib.jpg'] },
      });
    });
  });

  describe('scheduled publishing', () => {
    it('refuses a time in the past', async () => {
      const id = await draftBy(staff.editor);
      const past = new Date(clock.getTime() - 1000);
      expect(
        await codeOf(moveArticle(deps(), staff.editor, id, 'schedule', { scheduledAt: past })),
      ).toBe('SCHEDULE_IN_PAST');
    });

    it('dates an article published ahead of its scheduled time now, not at that time', async () => {
      const id = await draftBy(staff.editor);
      const at = new Date(clock.getTime() + 7 * 86_400_000);
      await moveArticle(deps(), staff.editor, id, 'schedule', { scheduledAt: at });
      await moveArticle(deps(), staff.editor, id, 'publish');
      const article = await loadArticle(deps(), id);
      expect([article.status, article.publishedAt?.toISOString()]).toEqual([
        'published',
        clock.toISOString(),
      ]);
    });

    // A restart of the server on the same SQLite file; on PostgreSQL nothing differs.
    it.runIf(dialect === 'sqlite')(
      'publishes at its time an article whose time passed while the server was down',
      async () => {
        const file = join(testFolder('schedule'), 'site.db');
        const onDisk = await openDatabase({ file });
        const diskStaff = await createStaff(onDisk, () => clock);
        const diskDeps = { database: onDisk, now: () => clock };
        const id = await createDraft(diskDeps, diskStaff.editor);
        await saveArticle(diskDeps, diskStaff.editor, id, content([diskStaff.editor.id]));
        const at = new Date(clock.getTime() + 3600_000);
        await moveArticle(diskDeps, diskStaff.editor, id, 'schedule', { scheduledAt: at });
        expect(await publishDueArticles(diskDeps)).toEqual([]);
        await onDisk.close();

        // The server was down at the scheduled time; it starts again two hours later.
        clock = new Date(clock.getTime() + 2 * 3600_000);
        const restarted = await openDatabase({ file });
        const published = await publishDueArticles({ database: restarted, now: () => clock });
        expect(published).toEqual([id]);
        const article = await findArticleById(restarted.db, id);
        expect(article?.publishedAt?.toISOString()).toBe(at.toISOString());
        const events = await listEvents(restarted.db, id);
        expect(events.at(-1)).toMatchObject({
          move: 'publish',
          fromStatus: 'scheduled',
          toStatus: 'published',
          userName: null,
        });
        await restarted.close();
      },
    );
  });

  describe('revisions and previews', () => {
    it('diffs a revision against the current text and restores it as a new revision', async () => {
      const id = await draftBy(staff.author);
      const first = (await revisionsOf(deps(), staff.author, id))[0]?.id ?? '';
      await saveArticle(
        deps(),
        staff.author,
        id,
        content([staff.author.id], { headline: 'أبل تعلن عن iPhone 16 في 9 أيلول' }),
      );

      const change = await diffRevision(deps(), staff.author, id, first);
      expect(
        change.headline.filter((p) => p.kind !== 'same').map((p) => `${p.kind}:${p.text}`),
      ).toEqual(['removed:15', 'added:16', 'removed:12 مارس', 'added:9 أيلول']);

      await restoreRevision(deps(), staff.author, id, first);
      expect((await loadArticle(deps(), id)).headline).toBe('أبل تعلن عن iPhone 15 في 12 مارس');
      expect((await revisionsOf(deps(), staff.author, id))[0]?.kind).toBe('restore');
    });

    it('opens a draft by its preview token, and a new token revokes the old', async () => {
      const id = await draftBy(staff.author);
      const token = await createPreviewToken(deps(), staff.author, id);
      expect(await articleIdOfPreview(deps(), token)).toBe(id);
      const newer = await createPreviewToken(deps(), staff.author, id);
      expect(await articleIdOfPreview(deps(), token)).toBeNull();
      expect(await articleIdOfPreview(deps(), newer)).toBe(id);
      expect(await articleIdOfPreview(deps(), 'short')).toBeNull();
    });
  });

  describe('the editor page content', () => {
    it('offers a new article every active user, no history, and no pending autosave', async () => {
      const page = await editorPageContent(deps(), staff.author, null);

      expect(page.users.map((u) => u.id).sort()).toEqual(
        Object.values(staff)
          .map((a) => a.id)
          .sort(),
      );
      expect(page).toMatchObject({
        events: [],
        isLead: false,
        editable: true,
        pendingAutosave: null,
      });
    });

    it('keeps a deactivated user only on the articles that already carry their byline', async () => {
      const id = await createDraft(deps(), staff.editor);
      await saveArticle(deps(), staff.editor, id, content([staff.editor.id, staff.contributor.id]));
      await deactivateUser(deps(), staff.contributor.id);

      const bylined = await editorPageContent(deps(), staff.editor, await loadArticle(deps(), id));
      const fresh = await editorPageContent(deps(), staff.editor, null);

      expect(bylined.users.map((u) => u.id)).toContain(staff.contributor.id);
      expect(fresh.users.map((u) => u.id)).not.toContain(staff.contributor.id);
    });

    it("shows the writer's own autosave of a published article, newer than its last save, and the workflow log", async () => {
      const id = await createDraft(deps(), staff.editor);
      await saveArticle(deps(), staff.editor, id, content([staff.editor.id]));
      await moveArticle(deps(), staff.editor, id, 'publish');
      clock = new Date('2026-11-29T12:05:00Z');
      await saveArticle(
        deps(),
        staff.editor,
        id,
        content([staff.editor.id], { headline: 'عنوان لم يُنشر بعد' }),
        { autosave: true },
      );
      const article = await loadArticle(deps(), id);

      const own = await editorPageContent(deps(), staff.editor, article);
      const other = await editorPageContent(deps(), staff.administrator, article);

      expect(own.pendingAutosave?.createdAt).toEqual(new Date('2026-11-29T12:05:00Z'));
      expect(other.pendingAutosave).toBeNull();
      expect(own.events.map((e) => [e.move, e.fromStatus, e.toStatus])).toEqual([
        ['publish', 'draft', 'published'],
      ]);
    });
  });
});
