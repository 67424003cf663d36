/**
 * Live coverage and public notes (issue 19), on both engines: who may
 * start, end, post, edit and delete; update numbers never reused; the
 * coverage's states; dateModified moved by updates and notes but not by a
 * silent save; the webhook payloads; the public changes told; the notes
 * refused on drafts and over the limit; the latest corrections.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { ARTICLE_NOTE_MAX } from '../../src/domain/article-note.js';
import type { PublicChange } from '../../src/domain/public-change.js';
import { createArticle, saveArticle, type EditDeps } from '../../src/services/edit-article.js';
import {
  countLiveUpdates,
  deleteLiveUpdate,
  editLiveUpdate,
  endLiveCoverage,
  getLiveUpdate,
  listLiveUpdates,
  postLiveUpdate,
  startLiveCoverage,
  type LiveUpdateInput,
} from '../../src/services/live-coverage.js';
import { deleteArticleNote, listLatestCorrections } from '../../src/services/article-notes.js';
import { moveArticle } from '../../src/services/move-article.js';
import { createWebhook } from '../../src/services/webhooks.js';
import { findArticleById } from '../../src/storage/repositories/articles.repository.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';

const START = new Date('2026-12-04T10:00:00.000Z');

/** `promise`'s error code, or 'resolved'. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'resolved';
}

const update = (over: Partial<LiveUpdateInput> = {}): LiveUpdateInput => ({
  headline: '',
  bodyHtml: '<p>وصلت فرق الإنقاذ.</p>',
  key: false,
  pinned: false,
  ...over,
});

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let staff: Staff;
  let clock: Date;
  let changes: PublicChange[];
  let deps: EditDeps;

  /** Moves the clock on by `minutes`. */
  const tick = (minutes = 1) => (clock = new Date(clock.getTime() + minutes * 60_000));

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    clock = START;
    changes = [];
    deps = { database, now: () => clock, onPublicChange: (c) => changes.push(c) };
    staff = await createStaff(database, () => clock);
  });
  afterEach(async () => {
    await database.close();
  });

  /** A published article by the author; returns its id. */
  async function published(): Promise<ArticleId> {
    const id = await createArticle(deps, staff.author, content([staff.author.id]));
    await moveArticle(deps, staff.editor, id, 'publish');
    changes.length = 0;
    return id;
  }

  async function liveArticle(): Promise<ArticleId> {
    const id = await published();
    await startLiveCoverage(deps, staff.editor, id);
    changes.length = 0;
    return id;
  }

  async function deliveries(): Promise<Array<Record<string, unknown>>> {
    const rows = await database.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'payload'])
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  }

  it('lets editors start and end coverage, not authors or contributors; reopening keeps the start', async () => {
    const id = await published();
    expect(await codeOf(startLiveCoverage(deps, staff.author, id))).toBe('FORBIDDEN');
    expect(await codeOf(startLiveCoverage(deps, staff.contributor, id))).toBe('FORBIDDEN');
    expect(await codeOf(endLiveCoverage(deps, staff.editor, id))).toBe('LIVE_NOT_STARTED');
    expect(await startLiveCoverage(deps, staff.editor, id)).toEqual({
      state: 'live',
      startedAt: START,
      endedAt: null,
    });
    tick();
    // Idempotent while live: nothing changes, nothing is told.
    expect(await startLiveCoverage(deps, staff.administrator, id)).toEqual({
      state: 'live',
      startedAt: START,
      endedAt: null,
    });
    const ended = tick(5);
    expect(await codeOf(endLiveCoverage(deps, staff.author, id))).toBe('FORBIDDEN');
    expect(await endLiveCoverage(deps, staff.editor, id)).toEqual({
      state: 'ended',
      startedAt: START,
      endedAt: ended,
    });
    expect(await codeOf(endLiveCoverage(deps, staff.editor, id))).toBe('LIVE_NOT_STARTED');
    expect(await codeOf(postLiveUpdate(deps, staff.editor, id, update()))).toBe('LIVE_NOT_STARTED');
    tick();
    await startLiveCoverage(deps, staff.editor, id);
    expect((await findArticleById(database.db, id))!.live).toEqual({
      state: 'live',
      startedAt: START,
      endedAt: null,
    });
    expect(changes).toEqual([
      { kind: 'live', articleId: id, action: 'started', updateNumber: null },
      { kind: 'live', articleId: id, action: 'ended', updateNumber: null },
      { kind: 'live', articleId: id, action: 'started', updateNumber: null },
    ]);
  });

  it('refuses updates on an article never made live', async () => {
    const id = await published();
    expect(await codeOf(postLiveUpdate(deps, staff.editor, id, update()))).toBe('LIVE_NOT_STARTED');
    expect(await countLiveUpdates(deps, id)).toBe(0);
  });

  it('lets authors and editors post, refuses contributors with their own reason', async () => {
    const id = await liveArticle();
    expect(await codeOf(postLiveUpdate(deps, staff.contributor, id, update()))).toBe(
      'LIVE_POST_FORBIDDEN',
    );
    const first = await postLiveUpdate(
      deps,
      staff.author,
      id,
      update({ headline: ' عاجل\u0001 ' }),
    );
    tick();
    const second = await postLiveUpdate(
      deps,
      staff.editor,
      id,
      update({ key: true, pinned: true }),
    );
    expect(first).toMatchObject({
      number: 1,
      headline: 'عاجل',
      bodyHtml: '<p>وصلت فرق الإنقاذ.</p>',
      author: { id: staff.author.id, name: 'كاتب الأخبار', slug: 'كاتب-الأخبار' },
      key: false,
      pinned: false,
      createdAt: START,
      updatedAt: START,
    });
    expect([second.number, second.key, second.pinned, second.author?.id]).toEqual([
      2,
      true,
      true,
      staff.editor.id,
    ]);
    expect((await listLiveUpdates(deps, id)).map((u) => u.number)).toEqual([2, 1]);
    expect(changes).toEqual([
      { kind: 'live', articleId: id, action: 'posted', updateNumber: 1 },
      { kind: 'live', articleId: id, action: 'posted', updateNumber: 2 },
    ]);
  });

  it('lets an author edit and delete their own update but not another; editors any', async () => {
    const id = await liveArticle();
    await postLiveUpdate(deps, staff.author, id, update());
    await postLiveUpdate(deps, staff.editor, id, update());
    const edit = update({ bodyHtml: '<p>تعديل</p>' });
    expect(await codeOf(editLiveUpdate(deps, staff.author, id, 2, edit))).toBe('FORBIDDEN');
    expect(await codeOf(deleteLiveUpdate(deps, staff.author, id, 2))).toBe('FORBIDDEN');
    expect(await codeOf(editLiveUpdate(deps, staff.contributor, id, 1, edit))).toBe('FORBIDDEN');
    tick();
    expect(await editLiveUpdate(deps, staff.author, id, 1, edit)).toMatchObject({
      number: 1,
      bodyHtml: '<p>تعديل</p>',
      createdAt: START,
      updatedAt: clock,
      author: { id: staff.author.id },
    });
    expect((await editLiveUpdate(deps, staff.editor, id, 1, update())).bodyHtml).toBe(
      '<p>وصلت فرق الإنقاذ.</p>',
    );
    await deleteLiveUpdate(deps, staff.editor, id, 1);
    expect(await getLiveUpdate(deps, id, 1)).toBeNull();
    expect(await codeOf(editLiveUpdate(deps, staff.editor, id, 1, edit))).toBe(
      'LIVE_UPDATE_NOT_FOUND',
    );
    expect(await codeOf(deleteLiveUpdate(deps, staff.editor, id, 1))).toBe('LIVE_UPDATE_NOT_FOUND');
    expect(await codeOf(deleteLiveUpdate(deps, staff.editor, id, 0))).toBe('LIVE_UPDATE_NOT_FOUND');
    await deleteLiveUpdate(deps, staff.author, id, 2).catch(() => undefined);
    expect(await countLiveUpdates(deps, id)).toBe(1);
  });

  it('never gives a deleted update’s number again', async () => {
    const id = await liveArticle();
    await postLiveUpdate(deps, staff.author, id, update());
    await postLiveUpdate(deps, staff.author, id, update());
    await deleteLiveUpdate(deps, staff.author, id, 2);
    await deleteLiveUpdate(deps, staff.author, id, 1);
    expect((await postLiveUpdate(deps, staff.author, id, update())).number).toBe(3);
    expect((await listLiveUpdates(deps, id)).map((u) => u.number)).toEqual([3]);
  });

  it('lists newest first, by page before a number and after one', async () => {
    const id = await liveArticle();
    for (let i = 0; i < 5; i++) {
      await postLiveUpdate(deps, staff.author, id, update());
      tick();
    }
    const numbers = async (o: Parameters<typeof listLiveUpdates>[2]) =>
      (await listLiveUpdates(deps, id, o)).map((u) => u.number);
    expect(await numbers({})).toEqual([5, 4, 3, 2, 1]);
    expect(await numbers({ limit: 2 })).toEqual([5, 4]);
    expect(await numbers({ limit: 2, beforeNumber: 4 })).toEqual([3, 2]);
    expect(await numbers({ afterNumber: 3 })).toEqual([5, 4]);
    expect(await countLiveUpdates(deps, id)).toBe(5);
  });

  it('refuses an empty update, a long headline and an oversized body, storing nothing', async () => {
    const id = await liveArticle();
    const refused = async (input: LiveUpdateInput) => {
      try {
        await postLiveUpdate(deps, staff.author, id, input);
      } catch (error) {
        const e = error as { code: string; problems?: Array<{ code: string; field: string }> };
        return e.problems ? e.problems.map((p) => [p.code, p.field]) : e.code;
      }
      return 'resolved';
    };
    expect(await refused(update({ bodyHtml: '<p> </p><script>x()</script>' }))).toEqual(
      'LIVE_UPDATE_EMPTY',
    );
    expect(await refused(update({ headline: 'ع'.repeat(201) }))).toBe(
      'LIVE_UPDATE_HEADLINE_TOO_LONG',
    );
    expect(await refused(update({ headline: 'ع'.repeat(201), bodyHtml: '' }))).toEqual([
      ['LIVE_UPDATE_HEADLINE_TOO_LONG', 'headline'],
      ['LIVE_UPDATE_EMPTY', 'bodyHtml'],
    ]);
    expect(await refused(update({ bodyHtml: `<p>${'ب'.repeat(200_001)}</p>` }))).toBe(
      'BODY_HTML_TOO_LARGE',
    );
    expect(await refused(update({ bodyHtml: '<div>'.repeat(40) + 'x' }))).toBe(
      'BODY_HTML_TOO_DEEP',
    );
    // An image alone is an update; scripts are removed.
    const image = await postLiveUpdate(
      deps,
      staff.author,
      id,
      update({
        headline: 'ع'.repeat(200),
        bodyHtml: '<img src="/media/1/w960.webp" alt="حلب"><script>x()</script>',
      }),
    );
    expect([image.number, image.bodyHtml]).toEqual([
      1,
      '<img src="/media/1/w960.webp" alt="حلب" />',
    ]);
    expect(await countLiveUpdates(deps, id)).toBe(1);
  });

  it('removes the characters XML forbids from an update body, as from an article body', async () => {
    const id = await liveArticle();
    const posted = await postLiveUpdate(
      deps,
      staff.author,
      id,
      update({ bodyHtml: '<p>ctl\u0000x\uFFFEy\u001Fz</p>' }),
    );
    expect(posted.bodyHtml).toBe('<p>ctlxyz</p>');
    expect((await getLiveUpdate(deps, id, 1))!.bodyHtml).toBe('<p>ctlxyz</p>');
    const edited = await editLiveUpdate(
      deps,
      staff.author,
      id,
      1,
      update({ bodyHtml: 'سطر\u0008 \uFFFF\uD800آخر' }),
    );
    expect(edited.bodyHtml).toBe('<p>سطر آخر</p>');
  });

  it('refuses an update with an image lacking alt text, naming it, storing nothing', async () => {
    const id = await liveArticle();
    const refusal = async (bodyHtml: string) => {
      try {
        await postLiveUpdate(deps, staff.author, id, update({ bodyHtml }));
      } catch (error) {
        const e = error as { code: string; field: string; details: unknown };
        return [e.code, e.field, e.details];
      }
      return 'resolved';
    };
    expect(await refusal('<p>نص</p><img src="x">')).toEqual([
      'LIVE_UPDATE_MISSING_ALT',
      'bodyHtml',
      { position: 1, name: 'x' },
    ]);
    expect(
      await refusal(
        '<img src="/media/1/w960.webp" alt="حلب"><img src="/media/9/صورة.webp" alt=" ">',
      ),
    ).toEqual(['LIVE_UPDATE_MISSING_ALT', 'bodyHtml', { position: 2, name: 'صورة.webp' }]);
    expect(await countLiveUpdates(deps, id)).toBe(0);
    const posted = await postLiveUpdate(deps, staff.author, id, update());
    // An edit follows the same rule.
    expect(
      await codeOf(
        editLiveUpdate(
          deps,
          staff.author,
          id,
          posted.number,
          update({ bodyHtml: '<img src="/a.webp">' }),
        ),
      ),
    ).toBe('LIVE_UPDATE_MISSING_ALT');
    expect((await getLiveUpdate(deps, id, 1))!.bodyHtml).toBe('<p>وصلت فرق الإنقاذ.</p>');
  });

  it('refuses an edit based on a version someone has changed since, keeping theirs', async () => {
    const id = await liveArticle();
    const posted = await postLiveUpdate(deps, staff.author, id, update());
    const opened = posted.updatedAt;
    tick();
    const first = await editLiveUpdate(
      deps,
      staff.editor,
      id,
      1,
      update({ bodyHtml: '<p>نسخة المحرر.</p>' }),
      { baseVersion: opened },
    );
    tick();
    let refusal: unknown = null;
    try {
      await editLiveUpdate(deps, staff.author, id, 1, update({ bodyHtml: '<p>نسخة المؤلف.</p>' }), {
        baseVersion: opened,
      });
    } catch (error) {
      refusal = error;
    }
    const e = refusal as { code: string; status: number; details: unknown };
    expect([e.code, e.status, e.details]).toEqual([
      'LIVE_UPDATE_CHANGED',
      409,
      { updatedAt: first.updatedAt.toISOString() },
    ]);
    expect((await getLiveUpdate(deps, id, 1))!.bodyHtml).toBe('<p>نسخة المحرر.</p>');
    // Based on the latest version (or with none), the edit is taken.
    const second = await editLiveUpdate(
      deps,
      staff.author,
      id,
      1,
      update({ bodyHtml: '<p>نسخة المؤلف.</p>' }),
      { baseVersion: first.updatedAt },
    );
    expect([second.bodyHtml, second.updatedAt]).toEqual(['<p>نسخة المؤلف.</p>', clock]);
  });

  it('moves dateModified on posts and edits, not on a silent save or a delete', async () => {
    const id = await liveArticle();
    const modified = async () => (await findArticleById(database.db, id))!.modifiedAt;
    // Published at START: dateModified is the publish time.
    expect(await modified()).toEqual(START);
    expect(
      (await database.db.selectFrom('articles').select('modified_at').executeTakeFirstOrThrow())
        .modified_at,
    ).toBeNull();
    const posted = tick(3);
    await postLiveUpdate(deps, staff.author, id, update());
    expect(await modified()).toEqual(posted);
    tick(2);
    await saveArticle(
      deps,
      staff.editor,
      id,
      content([staff.author.id], { excerpt: 'تصحيح إملائي' }),
    );
    expect(await modified()).toEqual(posted);
    const edited = tick(2);
    await editLiveUpdate(deps, staff.author, id, 1, update({ headline: 'محدث' }));
    expect(await modified()).toEqual(edited);
    tick(2);
    await deleteLiveUpdate(deps, staff.author, id, 1);
    expect(await modified()).toEqual(edited);
  });

  it('keeps updates of an unpublished live article quiet: no dateModified, webhook or change', async () => {
    const id = await createArticle(deps, staff.author, content([staff.author.id]));
    await createWebhook(deps, staff.administrator, {
      url: 'http://127.0.0.1:9/hook',
      events: ['article.updated'],
      allowPrivate: true,
    });
    await startLiveCoverage(deps, staff.editor, id);
    await postLiveUpdate(deps, staff.author, id, update());
    expect(changes).toEqual([]);
    expect(await deliveries()).toEqual([]);
    const row = await database.db
      .selectFrom('articles')
      .select('modified_at')
      .executeTakeFirstOrThrow();
    expect(row.modified_at).toBeNull();
    tick();
    await moveArticle(deps, staff.editor, id, 'publish');
    // Publishing leaves modified_at null: dateModified is the publish time.
    expect((await findArticleById(database.db, id))!.modifiedAt).toEqual(clock);
  });

  it('sends article.updated with the update in the payload', async () => {
    const id = await liveArticle();
    await createWebhook(deps, staff.administrator, {
      url: 'http://127.0.0.1:9/hook',
      events: ['article.updated'],
      allowPrivate: true,
    });
    const posted = tick();
    await postLiveUpdate(deps, staff.author, id, update({ headline: 'عاجل', key: true }));
    tick();
    await editLiveUpdate(
      deps,
      staff.author,
      id,
      1,
      update({ headline: 'عاجل', key: true, bodyHtml: '<p>ب</p>' }),
    );
    tick();
    await deleteLiveUpdate(deps, staff.editor, id, 1);
    tick();
    await endLiveCoverage(deps, staff.editor, id);
    const payloads = await deliveries();
    const expected = (action: string, bodyHtml: string | null) => ({
      action,
      number: 1,
      headline: 'عاجل',
      bodyHtml,
      key: true,
      pinned: false,
      createdAt: posted.toISOString(),
      path: `/a/${id}#update-1`,
    });
    expect(payloads.map((p) => p['event'])).toEqual([
      'article.updated',
      'article.updated',
      'article.updated',
      'article.updated',
    ]);
    expect(payloads.map((p) => p['liveUpdate'] ?? p['live'])).toEqual([
      expected('posted', '<p>وصلت فرق الإنقاذ.</p>'),
      expected('edited', '<p>ب</p>'),
      expected('deleted', null),
      {
        action: 'ended',
        state: 'ended',
        startedAt: START.toISOString(),
        endedAt: clock.toISOString(),
      },
    ]);
    expect(payloads[0]!['article']).toMatchObject({
      id: String(id),
      headline: content([]).headline,
    });
  });

  it('adds a public note with a save of a published article, in the webhook too', async () => {
    const id = await published();
    await createWebhook(deps, staff.administrator, {
      url: 'http://127.0.0.1:9/hook',
      events: ['article.updated'],
      allowPrivate: true,
    });
    const at = tick(10);
    await saveArticle(deps, staff.editor, id, content([staff.author.id]), {
      note: {
        kind: 'correction',
        text: '  ورد في نسخة سابقة\u0001 أن الإعلان في \u202E13 مارس\u202C\u2067.\uFFFE  ',
      },
    });
    const article = (await findArticleById(database.db, id))!;
    expect(article.modifiedAt).toEqual(at);
    expect(article.notes.map((n) => [n.kind, n.text, n.createdAt])).toEqual([
      ['correction', 'ورد في نسخة سابقة أن الإعلان في 13 مارس.', at],
    ]);
    const [payload] = await deliveries();
    expect(payload!['note']).toEqual({
      kind: 'correction',
      text: 'ورد في نسخة سابقة أن الإعلان في 13 مارس.',
      createdAt: at.toISOString(),
    });
    tick();
    await saveArticle(deps, staff.editor, id, content([staff.author.id]));
    const [, silent] = await deliveries();
    expect(silent!['note']).toBeUndefined();
    expect((await findArticleById(database.db, id))!.modifiedAt).toEqual(at);
  });

  it('refuses a note on a draft, an empty or too long note, storing nothing', async () => {
    const draft = await createArticle(deps, staff.author, content([staff.author.id]));
    const id = await published();
    const noteCode = async (articleId: ArticleId, text: string) =>
      codeOf(
        saveArticle(
          deps,
          staff.editor,
          articleId,
          content([staff.author.id], { excerpt: 'جديد' }),
          {
            note: { kind: 'update', text },
          },
        ),
      );
    expect(await noteCode(draft, 'أضيفت تصريحات.')).toBe('ARTICLE_NOTE_NOT_PUBLISHED');
    expect(await noteCode(id, ' \n ')).toBe('ARTICLE_NOTE_EMPTY');
    expect(await noteCode(id, 'ن'.repeat(ARTICLE_NOTE_MAX + 1))).toBe('ARTICLE_NOTE_TOO_LONG');
    expect(
      await codeOf(
        saveArticle(deps, staff.editor, id, content([staff.author.id]), {
          note: { kind: 'retraction' as 'update', text: 'x' },
        }),
      ),
    ).toBe('ARTICLE_NOTE_KIND_INVALID');
    expect(await database.db.selectFrom('article_notes').selectAll().execute()).toEqual([]);
    // Nothing of the refused saves was stored either.
    expect((await findArticleById(database.db, id))!.excerpt).not.toBe('جديد');
    // A note of exactly the limit is taken; an autosave ignores a note.
    await saveArticle(deps, staff.editor, id, content([staff.author.id]), {
      note: { kind: 'update', text: 'ن'.repeat(ARTICLE_NOTE_MAX) },
    });
    await saveArticle(deps, staff.editor, draft, content([staff.author.id]), {
      autosave: true,
      note: { kind: 'update', text: 'x' },
    });
    expect((await findArticleById(database.db, id))!.notes.map((n) => n.text.length)).toEqual([
      ARTICLE_NOTE_MAX,
    ]);
  });

  it('lists the latest corrections of published articles, newest first, with the total', async () => {
    const a = await published();
    const b = await published();
    const note = (kind: 'correction' | 'update', text: string, id: ArticleId) => {
      tick();
      return saveArticle(deps, staff.editor, id, content([staff.author.id]), {
        note: { kind, text },
      });
    };
    await note('correction', 'تصحيح 1', a);
    await note('update', 'تحديث', a);
    await note('correction', 'تصحيح 2', b);
    await note('correction', 'تصحيح 3', a);
    const c = await published();
    await note('correction', 'تصحيح على مقال سيُسحب', c);
    await moveArticle(deps, staff.editor, c, 'unpublish');
    const page = await listLatestCorrections(deps, { limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.note.text, i.article.id])).toEqual([
      ['تصحيح 3', a],
      ['تصحيح 2', b],
    ]);
    const next = await listLatestCorrections(deps, { limit: 2, offset: 2 });
    expect(next.items.map((i) => i.note.text)).toEqual(['تصحيح 1']);
    expect(next.total).toBe(3);
  });

  it('lets editors delete a note, not authors; purges the article', async () => {
    const id = await published();
    await saveArticle(deps, staff.editor, id, content([staff.author.id]), {
      note: { kind: 'correction', text: 'ملاحظة خاطئة' },
    });
    const [note] = (await findArticleById(database.db, id))!.notes;
    changes.length = 0;
    expect(await codeOf(deleteArticleNote(deps, staff.author, id, note!.id))).toBe('FORBIDDEN');
    expect(await codeOf(deleteArticleNote(deps, staff.editor, id, 'x'))).toBe(
      'ARTICLE_NOTE_NOT_FOUND',
    );
    expect(await codeOf(deleteArticleNote(deps, staff.editor, id, '999999'))).toBe(
      'ARTICLE_NOTE_NOT_FOUND',
    );
    await deleteArticleNote(deps, staff.editor, id, note!.id);
    expect((await findArticleById(database.db, id))!.notes).toEqual([]);
    // The article's pages, and the corrections page (/corrections), which listed it.
    expect(changes.map((c) => [c.kind, 'articleId' in c ? c.articleId : null])).toEqual([
      ['article', id],
      ['corrections', null],
    ]);
    expect(await codeOf(deleteArticleNote(deps, staff.editor, id, note!.id))).toBe(
      'ARTICLE_NOTE_NOT_FOUND',
    );
  });
});
