import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { WireItemInput } from '../../src/domain/wire-item.js';
import type { InvalidInputs } from '../../src/lib/errors.js';
import { loadArticle } from '../../src/services/edit-article.js';
import { createSection } from '../../src/services/taxonomy.js';
import { draftFromWireItem, wireNoticeForArticle } from '../../src/services/wire-draft.js';
import {
  getWireItem,
  ingestWireItems,
  listWireQueue,
  pruneWireQueue,
  setWireDeskOpenToWriters,
  wireDeskAccess,
  wireQueueForExport,
} from '../../src/services/wire-queue.js';
import {
  addWireSource,
  claimDueSources,
  folderFileSeen,
  forgetMissingFolderFiles,
  listWireSources,
  markFolderFile,
  recordPoll,
  removeWireSource,
  updateWireSource,
} from '../../src/services/wire-sources.js';
import { openDatabase } from '../../src/storage/database.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { testFolder } from '../helpers/temp-folder.js';

const START = new Date('2026-12-04T10:00:00.000Z');
const MINUTE = 60_000;

/** An item as a reader hands it over; invented text. */
function item(over: Partial<WireItemInput> = {}): WireItemInput {
  return {
    guid: 'urn:newsml:sana.sy:20261204:001',
    version: null,
    headline: 'الأسد يستقبل وفداً اقتصادياً في دمشق',
    slugline: 'سوريا-اقتصاد',
    byline: 'مراسل الوكالة',
    summary: 'استقبل الرئيس وفداً من رجال الأعمال لبحث التعاون التجاري.',
    bodyHtml: '<p>استقبل الرئيس وفداً من رجال الأعمال.</p><p>وبحث الجانبان التعاون التجاري.</p>',
    link: 'https://agency.example/ar/news/1',
    language: 'ar',
    subjects: ['اقتصاد', 'سياسة'],
    sentAt: new Date('2026-12-04T09:30:00.000Z'),
    sentOffsetMinutes: 180,
    status: 'usable',
    ...over,
  };
}

async function problemsOf(promise: Promise<unknown>): Promise<Array<[string, string]>> {
  try {
    await promise;
  } catch (error) {
    const e = error as InvalidInputs;
    return (e.problems ?? [e]).map((p) => [p.field, p.code]);
  }
  throw new Error('not refused');
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let staff: Staff;
  let clock: Date;
  let folder: string;
  const deps = () => ({ database, now: () => clock });

  beforeEach(async () => {
    clock = START;
    database = await openTestDatabase(dialect);
    staff = await createStaff(database, () => clock);
    folder = await testFolder('wire-store');
    await createSection(deps(), staff.administrator, 'سياسة');
  });

  afterEach(async () => {
    await database.close();
  });

  async function urlSource(name = 'sana', agency = 'سانا', over = {}) {
    return addWireSource(deps(), null, {
      name,
      agency,
      url: 'http://127.0.0.1:9/feed.xml',
      allowPrivate: true,
      ...over,
    });
  }

  it('refuses a source with every bad field named at once', async () => {
    expect(
      await problemsOf(
        addWireSource(deps(), staff.administrator, {
          name: 'س'.repeat(81),
          agency: '  ',
          url: 'ftp://agency.example/feed',
          sectionSlug: 'لا-يوجد',
          everyMinutes: 0,
        }),
      ),
    ).toEqual([
      ['name', 'WIRE_NAME_INVALID'],
      ['agency', 'WIRE_AGENCY_INVALID'],
      ['url', 'WIRE_URL_INVALID'],
      ['sectionSlug', 'WIRE_SECTION_UNKNOWN'],
      ['everyMinutes', 'WIRE_EVERY_INVALID'],
    ]);
    expect(
      await problemsOf(
        addWireSource(deps(), null, {
          name: 'both',
          agency: 'سانا',
          url: 'http://127.0.0.1/feed',
          folder,
        }),
      ),
    ).toEqual([['url', 'WIRE_WHERE_MISSING']]);
    expect(await problemsOf(addWireSource(deps(), null, { name: 'none', agency: 'سانا' }))).toEqual(
      [['url', 'WIRE_WHERE_MISSING']],
    );
    expect(
      await problemsOf(
        addWireSource(deps(), null, { name: 'local', agency: 'سانا', url: 'http://127.0.0.1/x' }),
      ),
    ).toEqual([['url', 'WIRE_PRIVATE_ADDRESS']]);
    expect(
      await problemsOf(
        addWireSource(deps(), null, {
          name: 'nohost',
          agency: 'سانا',
          url: 'http://no-such-host.invalid/feed',
        }),
      ),
    ).toEqual([['url', 'WIRE_HOST_UNKNOWN']]);
    const file = join(folder, 'file.xml');
    await writeFile(file, '<x/>');
    expect(
      await problemsOf(addWireSource(deps(), null, { name: 'f', agency: 'سانا', folder: file })),
    ).toEqual([['folder', 'WIRE_FOLDER_INVALID']]);
    expect(
      await problemsOf(
        addWireSource(deps(), null, { name: 'g', agency: 'سانا', folder: join(folder, 'none') }),
      ),
    ).toEqual([['folder', 'WIRE_FOLDER_INVALID']]);
    expect(await codeOf(addWireSource(deps(), staff.editor, { name: 'e', agency: 'a' }))).toBe(
      'FORBIDDEN',
    );
    expect(await listWireSources(deps(), null)).toEqual([]);
  });

  it('adds a feed and a folder source, lists, updates and removes them', async () => {
    const feed = await addWireSource(deps(), staff.administrator, {
      name: ' sana-ar ',
      agency: ' سانا ',
      url: ' http://127.0.0.1:9/feed.xml ',
      sectionSlug: 'سياسة',
      everyMinutes: 10,
      allowPrivate: true,
    });
    expect(feed).toMatchObject({
      name: 'sana-ar',
      agency: 'سانا',
      kind: 'url',
      url: 'http://127.0.0.1:9/feed.xml',
      folder: null,
      section: { slug: 'سياسة', name: 'سياسة' },
      everyMinutes: 10,
      enabled: true,
      allowPrivate: true,
      etag: null,
      lastModified: null,
      nextPollAt: START,
      leaseUntil: null,
      failures: 0,
      lastPolledAt: null,
      lastOkAt: null,
      lastError: null,
      lastItemCount: 0,
      createdAt: START,
    });
    const drop = join(folder, 'drop');
    await mkdir(drop);
    const box = await addWireSource(deps(), null, { name: 'box', agency: 'AFP', folder: drop });
    expect(box).toMatchObject({ kind: 'folder', url: null, folder: drop, everyMinutes: 5 });
    expect(
      await problemsOf(addWireSource(deps(), null, { name: 'box', agency: 'AFP', folder: drop })),
    ).toEqual([['name', 'WIRE_NAME_TAKEN']]);
    expect((await listWireSources(deps(), staff.editor)).map((s) => s.name)).toEqual([
      'box',
      'sana-ar',
    ]);
    expect(await codeOf(listWireSources(deps(), staff.author))).toBe('FORBIDDEN');

    const changed = await updateWireSource(deps(), staff.administrator, feed.id, {
      enabled: false,
      sectionSlug: null,
      everyMinutes: 30,
      agency: 'سانا العربية',
    });
    expect(changed).toMatchObject({
      enabled: false,
      section: null,
      everyMinutes: 30,
      agency: 'سانا العربية',
    });
    expect(
      await problemsOf(
        updateWireSource(deps(), null, 'sana-ar', { name: 'box', everyMinutes: 2000 }),
      ),
    ).toEqual([
      ['name', 'WIRE_NAME_TAKEN'],
      ['everyMinutes', 'WIRE_EVERY_INVALID'],
    ]);
    expect(
      await problemsOf(updateWireSource(deps(), null, 'sana-ar', { name: '', everyMinutes: 2000 })),
    ).toEqual([
      ['name', 'WIRE_NAME_INVALID'],
      ['everyMinutes', 'WIRE_EVERY_INVALID'],
    ]);
    await removeWireSource(deps(), null, 'box');
    await removeWireSource(deps(), staff.administrator, feed.id);
    expect(await listWireSources(deps(), null)).toEqual([]);
    expect(await codeOf(removeWireSource(deps(), null, 'box'))).toBe('WIRE_SOURCE_NOT_FOUND');
  });

  it('remembers the files a folder source read, by size and time', async () => {
    const drop = join(folder, 'drop');
    await mkdir(drop);
    const box = await addWireSource(deps(), null, { name: 'box', agency: 'AFP', folder: drop });
    expect(await folderFileSeen(deps(), box.id, 'a.xml', 10, 1_764_000_000_123)).toBe(false);
    await markFolderFile(deps(), box.id, 'a.xml', 10, 1_764_000_000_123);
    expect(await folderFileSeen(deps(), box.id, 'a.xml', 10, 1_764_000_000_123)).toBe(true);
    expect(await folderFileSeen(deps(), box.id, 'a.xml', 11, 1_764_000_000_123)).toBe(false);
    await markFolderFile(deps(), box.id, 'a.xml', 11, 1_764_000_000_999);
    expect(await folderFileSeen(deps(), box.id, 'a.xml', 11, 1_764_000_000_999)).toBe(true);
    await markFolderFile(deps(), box.id, 'b.xml', 1, 1);
    expect(await forgetMissingFolderFiles(deps(), box.id, ['b.xml', 'c.xml'])).toBe(1);
    expect(await folderFileSeen(deps(), box.id, 'a.xml', 11, 1_764_000_000_999)).toBe(false);
    expect(await folderFileSeen(deps(), box.id, 'b.xml', 1, 1)).toBe(true);
  });

  it('adds, updates by version or content, keeps unchanged and drops duplicates', async () => {
    const sana = await urlSource('sana', 'سانا', { sectionSlug: 'سياسة' });
    const sana2 = await urlSource('sana-en', ' سانا ');
    const other = await urlSource('other', 'وكالة أخرى');

    expect(await ingestWireItems(deps(), sana.id, [item()], START)).toEqual({
      added: 1,
      updated: 0,
      duplicates: 0,
      unchanged: 0,
      warnings: [],
    });
    // The same again, then from the agency's other source: unchanged.
    expect(await ingestWireItems(deps(), sana.id, [item()], START)).toMatchObject({ unchanged: 1 });
    expect(await ingestWireItems(deps(), sana2.id, [item()], START)).toMatchObject({
      added: 0,
      unchanged: 1,
    });
    // A new guid with the same headline (spelt another way) from the same agency: a duplicate.
    expect(
      await ingestWireItems(
        deps(),
        sana2.id,
        [item({ guid: 'other-guid', headline: 'الاسد يستقبل وفدا اقتصاديا في دمشق' })],
        START,
      ),
    ).toMatchObject({ duplicates: 1, added: 0 });
    // The same guid at another agency is another item.
    expect(await ingestWireItems(deps(), other.id, [item()], START)).toMatchObject({ added: 1 });

    // Changed content without versions: an update.
    const later = new Date(START.getTime() + 5 * MINUTE);
    expect(
      await ingestWireItems(deps(), sana.id, [item({ bodyHtml: '<p>نص محدّث.</p>' })], later),
    ).toMatchObject({ updated: 1 });
    const queue = await listWireQueue(deps(), staff.editor, { agency: 'سانا' });
    expect(queue.total).toBe(1);
    const first = queue.items[0]!;
    expect(first).toMatchObject({
      sourceName: 'sana',
      agency: 'سانا',
      headline: 'الأسد يستقبل وفداً اقتصادياً في دمشق',
      updateCount: 1,
      updatedAt: later,
      receivedAt: START,
      section: { slug: 'سياسة' },
      timeEstimated: false,
      sentOffsetMinutes: 180,
      used: null,
    });

    // Versions: newer updates, older or equal does not.
    const v = (version: number, headline: string) =>
      item({ guid: 'g-2', version, headline, sentAt: null, sentOffsetMinutes: null });
    expect(
      await ingestWireItems(deps(), sana.id, [v(2, 'خبر عاجل عن الأمطار')], START),
    ).toMatchObject({
      added: 1,
    });
    expect(await ingestWireItems(deps(), sana.id, [v(1, 'خبر قديم')], later)).toMatchObject({
      unchanged: 1,
    });
    expect(
      await ingestWireItems(deps(), sana.id, [v(3, 'خبر محدّث عن الأمطار')], later),
    ).toMatchObject({
      updated: 1,
    });
    const versioned = (await listWireQueue(deps(), staff.editor, { q: 'الامطار' })).items;
    expect(versioned.map((i) => [i.headline, i.version, i.timeEstimated, i.sentAt])).toEqual([
      ['خبر محدّث عن الأمطار', 3, true, START],
    ]);
  });

  it('files queued items under a renamed agency, so the next poll adds nothing', async () => {
    const sana = await urlSource('sana', 'سانا');
    await ingestWireItems(
      deps(),
      sana.id,
      [item(), item({ guid: 'g-2', headline: 'خبر ثان طويل هنا' })],
      START,
    );
    await updateWireSource(deps(), null, 'sana', { agency: 'SANA' });
    expect(
      await ingestWireItems(
        deps(),
        sana.id,
        [item(), item({ guid: 'g-2', headline: 'خبر ثان طويل هنا' })],
        START,
      ),
    ).toMatchObject({
      added: 0,
      unchanged: 2,
    });
    expect(
      (await listWireQueue(deps(), staff.editor, { agency: 'sana' })).items.map((i) => i.agency),
    ).toEqual(['SANA', 'SANA']);
  });

  it('searches with the site analysis, filters and pages', async () => {
    const sana = await urlSource('sana', 'سانا', { sectionSlug: 'سياسة' });
    const afp = await urlSource('afp', 'AFP');
    const items = Array.from({ length: 60 }, (_, n) =>
      item({
        guid: `g-${n}`,
        headline: `نشرة رقم ${n} عن الطقس`,
        summary: '',
        bodyHtml: '<p>أمطار متفرقة.</p>',
        sentAt: new Date(START.getTime() - n * MINUTE),
      }),
    );
    await ingestWireItems(deps(), sana.id, items, START);
    await ingestWireItems(deps(), afp.id, [item({ guid: 'afp-1' })], START);

    const found = await listWireQueue(deps(), staff.editor, { q: 'الاسد' });
    expect(found.items.map((i) => [i.agency, i.headline])).toEqual([
      ['AFP', 'الأسد يستقبل وفداً اقتصادياً في دمشق'],
    ]);
    // A stem finds its inflections (الاقتصادي → اقتصاديا); every word must match.
    expect((await listWireQueue(deps(), staff.editor, { q: 'الاقتصادي دمشق' })).total).toBe(1);
    expect((await listWireQueue(deps(), staff.editor, { q: 'الاقتصادي باريس' })).total).toBe(0);
    expect((await listWireQueue(deps(), staff.editor, { q: '"الطقس نشرة"' })).total).toBe(0);
    expect((await listWireQueue(deps(), staff.editor, { q: '"عن الطقس"' })).total).toBe(60);

    const page1 = await listWireQueue(deps(), staff.editor, { sourceId: sana.id });
    expect([page1.total, page1.page, page1.pageSize, page1.items.length]).toEqual([60, 1, 50, 50]);
    expect(page1.items[0]!.headline).toBe('نشرة رقم 0 عن الطقس');
    const page2 = await listWireQueue(deps(), staff.editor, { sourceId: sana.id, page: 2 });
    expect(page2.items.map((i) => i.headline)).toEqual(
      Array.from({ length: 10 }, (_, n) => `نشرة رقم ${n + 50} عن الطقس`),
    );
    const sections = await listWireSources(deps(), null);
    const section = sections.find((s) => s.name === 'sana')!.section!;
    expect((await listWireQueue(deps(), staff.editor, { sectionId: section.id })).total).toBe(60);
    expect((await listWireQueue(deps(), staff.editor, { agency: 'afp' })).total).toBe(1);
    expect((await listWireQueue(deps(), staff.editor, { sourceId: 'x' })).total).toBe(0);
    expect((await listWireQueue(deps(), staff.editor, { used: 'used' })).total).toBe(0);
    expect((await listWireQueue(deps(), staff.editor, { used: 'unused' })).total).toBe(61);

    expect(await codeOf(listWireQueue(deps(), staff.author, {}))).toBe('FORBIDDEN');
    expect(await wireDeskAccess(deps(), staff.author)).toEqual({
      see: false,
      use: false,
      manage: false,
    });
    await setWireDeskOpenToWriters(deps(), staff.administrator, true);
    expect(await wireDeskAccess(deps(), staff.contributor)).toEqual({
      see: true,
      use: false,
      manage: false,
    });
    expect((await listWireQueue(deps(), staff.author, { q: 'الاسد' })).total).toBe(1);
    expect(await codeOf(setWireDeskOpenToWriters(deps(), staff.editor, false))).toBe('FORBIDDEN');
  });

  it('makes one draft of an item, marks it used, and notices a later update', async () => {
    const sana = await urlSource('sana', 'سانا', { sectionSlug: 'سياسة' });
    await ingestWireItems(deps(), sana.id, [item()], START);
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    clock = new Date(START.getTime() + MINUTE);

    expect(await codeOf(draftFromWireItem(deps(), staff.author, queued!.id))).toBe('FORBIDDEN');
    expect(await codeOf(draftFromWireItem(deps(), staff.editor, '999'))).toBe(
      'WIRE_ITEM_NOT_FOUND',
    );
    const { articleId } = await draftFromWireItem(deps(), staff.editor, queued!.id);
    const article = await loadArticle(deps(), articleId);
    expect(article).toMatchObject({
      status: 'draft',
      headline: 'الأسد يستقبل وفداً اقتصادياً في دمشق',
      bodyHtml: '<p>استقبل الرئيس وفداً من رجال الأعمال.</p><p>وبحث الجانبان التعاون التجاري.</p>',
      excerpt: 'استقبل الرئيس وفداً من رجال الأعمال لبحث التعاون التجاري.',
      authorIds: [staff.editor.id],
      sectionId: queued!.section!.id,
    });
    const row = await database.db
      .selectFrom('articles')
      .select(['byline', 'source_url', 'wire_item_id', 'slug'])
      .where('id', '=', BigInt(articleId))
      .executeTakeFirstOrThrow();
    expect([row.byline, row.source_url, String(row.wire_item_id)]).toEqual([
      'سانا',
      'https://agency.example/ar/news/1',
      queued!.id,
    ]);
    const used = await getWireItem(deps(), staff.editor, queued!.id);
    expect(used.used).toEqual({
      articleId,
      userId: staff.editor.id,
      userName: 'محرر الصفحة الأولى',
      at: clock,
      published: false,
    });
    expect(await draftFromWireItem(deps(), staff.administrator, queued!.id)).toEqual({ articleId });
    expect(await wireNoticeForArticle(deps(), articleId)).toEqual({
      itemId: queued!.id,
      agency: 'سانا',
      updatedAtSource: null,
      agencyUpdatedAt: null,
      status: 'usable',
      articlePublished: false,
    });

    const later = new Date(START.getTime() + 10 * MINUTE);
    await ingestWireItems(deps(), sana.id, [item({ headline: 'الأسد يستقبل وفداً (محدّث)' })], later);
    expect(await wireNoticeForArticle(deps(), articleId)).toEqual({
      itemId: queued!.id,
      agency: 'سانا',
      updatedAtSource: later,
      agencyUpdatedAt: null,
      status: 'usable',
      articlePublished: false,
    });
    expect((await getWireItem(deps(), staff.editor, queued!.id)).updatedAfterUse).toBe(true);
    expect((await listWireQueue(deps(), staff.editor, { used: 'used' })).total).toBe(1);

    const exported = [];
    for await (const line of wireQueueForExport(deps())) exported.push(line);
    expect(exported).toEqual([
      {
        source: 'sana',
        agency: 'سانا',
        guid: 'urn:newsml:sana.sy:20261204:001',
        version: null,
        headline: 'الأسد يستقبل وفداً (محدّث)',
        time: '2026-12-04T09:30:00.000Z',
        timeEstimated: false,
        section: 'سياسة',
        text: 'استقبل الرئيس وفداً من رجال الأعمال.\nوبحث الجانبان التعاون التجاري.',
        link: 'https://agency.example/ar/news/1',
        updatedAtSource: later.toISOString(),
        usedArticleId: articleId,
        status: 'usable',
      },
    ]);

    // Retention: by the last change; the draft stays, unlinked.
    clock = new Date(later.getTime() + 7 * 86_400_000 - 1);
    expect(await pruneWireQueue(deps())).toBe(0);
    clock = new Date(later.getTime() + 7 * 86_400_000 + 1);
    expect(await pruneWireQueue({ ...deps(), retentionDays: 7 })).toBe(1);
    expect(await wireNoticeForArticle(deps(), articleId)).toBeNull();
    const after = await database.db
      .selectFrom('articles')
      .select('wire_item_id')
      .where('id', '=', BigInt(articleId))
      .executeTakeFirstOrThrow();
    expect(after.wire_item_id).toBeNull();

    // The feed still carrying it does not bring it back: dated before the window, it is not taken.
    const again = await ingestWireItems(
      { ...deps(), retentionDays: 7 },
      sana.id,
      [item({ guid: 'urn:newsml:sana.sy:20261204:001', sentAt: new Date('2026-12-04T09:30:00Z') })],
      clock,
    );
    expect([again.added, again.warnings]).toEqual([
      0,
      ['1 item(s) sent more than 7 days ago, older than the queue keeps: skipped'],
    ]);
  });

  it('makes a new draft when the first is gone, and unlinks drafts of a removed source', async () => {
    const sana = await urlSource('sana', 'سانا');
    await ingestWireItems(
      deps(),
      sana.id,
      [item({ bodyHtml: '', summary: 'سطر أول.\n\nسطر ثان.' })],
      START,
    );
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    const first = await draftFromWireItem(deps(), staff.editor, queued!.id);
    expect((await loadArticle(deps(), first.articleId)).bodyHtml).toBe(
      '<p>سطر أول.</p>\n<p>سطر ثان.</p>',
    );
    await database.db
      .updateTable('wire_items')
      .set({ used_article_id: 999_999n })
      .where('id', '=', BigInt(queued!.id))
      .execute();
    const second = await draftFromWireItem(deps(), staff.administrator, queued!.id);
    expect(second.articleId).not.toBe(first.articleId);
    expect((await getWireItem(deps(), staff.editor, queued!.id)).used).toMatchObject({
      articleId: second.articleId,
      userId: staff.administrator.id,
    });

    await removeWireSource(deps(), staff.administrator, 'sana');
    expect(await codeOf(getWireItem(deps(), staff.editor, queued!.id))).toBe('WIRE_ITEM_NOT_FOUND');
    const rows = await database.db
      .selectFrom('articles')
      .select(['wire_item_id', 'byline', 'source_url'])
      .where('id', 'in', [BigInt(first.articleId), BigInt(second.articleId)])
      .orderBy('id')
      .execute();
    // The source URL is unique among articles (imports match by it): the first draft keeps it.
    expect(rows.map((r) => [r.wire_item_id, r.byline, r.source_url])).toEqual([
      [null, 'سانا', 'https://agency.example/ar/news/1'],
      [null, 'سانا', null],
    ]);
  });

  it('stores hostile items safely: odd versions, control characters, future times, huge bodies', async () => {
    const sana = await urlSource('sana', 'سانا');
    const report = await ingestWireItems(
      deps(),
      sana.id,
      [
        item({ guid: '😀'.repeat(2000), version: 2 ** 40, headline: 'عاجل' }),
        item({
          guid: 'nul\u0000guid',
          version: -3,
          headline: 'عاجل',
          byline: '\u202Eمراسل\u0001',
          link: 'javascript:alert(1)',
          subjects: ['a\u0000', 'a', ''],
          language: '  ',
        }),
        item({
          guid: 'future',
          headline: 'موعد من المستقبل القريب جداً',
          sentAt: new Date(START.getTime() + 3 * 3_600_000),
        }),
        item({
          guid: 'huge',
          headline: 'نص طويل جداً من الوكالة',
          bodyHtml: `<p>${'كلمة '.repeat(50_000)}</p>`,
          summary: 'ملخص باق.',
        }),
        item({ guid: 'nohead', headline: ' \u0001 ' }),
      ],
      START,
    );
    expect([report.added, report.updated, report.duplicates, report.unchanged]).toEqual([
      4, 0, 0, 0,
    ]);
    expect(report.warnings).toEqual([
      `future: sent 2026-12-04T13:00:00.000Z, after its arrival; the arrival time is used`,
      'huge: body left out (The article body is too long: at most 200000 characters of HTML.)',
      'nohead: no headline, skipped',
    ]);
    const items = (await listWireQueue(deps(), staff.editor, {})).items;
    const byGuid = new Map(items.map((i) => [i.guid, i]));
    expect([...byGuid.keys()].sort()).toEqual(
      ['future', 'huge', 'nulguid', '😀'.repeat(500)].sort(),
    );
    expect(byGuid.get('😀'.repeat(500))!.version).toBeNull();
    const nul = await getWireItem(deps(), staff.editor, byGuid.get('nulguid')!.id);
    expect([nul.version, nul.byline, nul.link, nul.subjects, nul.language]).toEqual([
      null,
      'مراسل',
      null,
      ['a'],
      null,
    ]);
    expect([byGuid.get('future')!.sentAt, byGuid.get('future')!.timeEstimated]).toEqual([
      START,
      true,
    ]);
    const huge = await getWireItem(deps(), staff.editor, byGuid.get('huge')!.id);
    expect([huge.bodyHtml, huge.summary, huge.firstWords]).toEqual(['', 'ملخص باق.', 'ملخص باق.']);
  });

  it('makes one draft when two editors use an item at once, and one item of two instances ingesting', async () => {
    const url = database.url;
    const second = url === null ? database : await openDatabase({ file: '', url });
    try {
      const sana = await urlSource('sana', 'سانا');
      const sana2 = await urlSource('sana-2', 'سانا');
      const reports = await Promise.all([
        ingestWireItems(deps(), sana.id, [item()], START),
        ingestWireItems({ database: second, now: () => clock }, sana2.id, [item()], START),
      ]);
      // The one that loses the race finds the row by its guid (unchanged) or, when the other's
      // insert lands between its two looks, by its headline (a duplicate): either way not stored.
      expect(reports.map((r) => r.added + r.unchanged + r.duplicates)).toEqual([1, 1]);
      expect(reports.map((r) => r.added).sort()).toEqual([0, 1]);
      const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
      const outcomes = await Promise.allSettled([
        draftFromWireItem(deps(), staff.editor, queued!.id),
        draftFromWireItem({ database: second, now: () => clock }, staff.administrator, queued!.id),
      ]);
      const made = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.articleId] : []));
      const refused = outcomes.flatMap((o) =>
        o.status === 'rejected' ? [(o.reason as { code: string }).code] : [],
      );
      expect(new Set(made).size).toBe(1);
      expect(refused.every((code) => code === 'WIRE_ITEM_BUSY')).toBe(true);
      const drafts = await database.db
        .selectFrom('articles')
        .select('id')
        .where('wire_item_id', '=', BigInt(queued!.id))
        .execute();
      expect(drafts.map((d) => String(d.id))).toEqual(made.slice(0, 1));
      expect((await getWireItem(deps(), staff.editor, queued!.id)).used?.articleId).toBe(made[0]);
    } finally {
      if (second !== database) await second.close();
    }
  });

  it('leases each due source to one instance and backs off after failures', async () => {
    const url = database.url;
    const second = url === null ? database : await openDatabase({ file: '', url });
    try {
      const sources = [];
      for (let n = 0; n < 6; n += 1) sources.push(await urlSource(`s${n}`, `وكالة ${n}`));
      await updateWireSource(deps(), null, 's5', { enabled: false });
      const [a, b] = await Promise.all([
        claimDueSources(deps(), 60_000, 10),
        claimDueSources({ database: second, now: () => clock }, 60_000, 10),
      ]);
      const names = [...a, ...b].map((s) => s.name).sort();
      expect(names).toEqual(['s0', 's1', 's2', 's3', 's4']);
      expect(await claimDueSources(deps(), 60_000, 10)).toEqual([]);
      // The lease runs out: due again.
      clock = new Date(START.getTime() + 60_000);
      expect((await claimDueSources(deps(), 60_000, 10)).length).toBe(5);

      const s0 = sources[0]!;
      const minutes = [];
      for (let n = 0; n < 8; n += 1) {
        await recordPoll(deps(), s0.id, { ok: false, error: 'connect ECONNREFUSED' });
        const [now] = (await listWireSources(deps(), null)).filter((s) => s.id === s0.id);
        minutes.push((now!.nextPollAt.getTime() - clock.getTime()) / MINUTE);
        expect([now!.failures, now!.lastError, now!.leaseUntil]).toEqual([
          n + 1,
          'connect ECONNREFUSED',
          null,
        ]);
      }
      expect(minutes).toEqual([10, 20, 40, 80, 160, 320, 360, 360]);
      await recordPoll(deps(), s0.id, {
        ok: true,
        etag: '"v1"',
        lastModified: 'Fri, 04 Dec 2026 10:00:00 GMT',
        notModified: false,
        itemCount: 12,
      });
      await recordPoll(deps(), s0.id, { ok: true, notModified: true, itemCount: 0 });
      const [ok] = (await listWireSources(deps(), null)).filter((s) => s.id === s0.id);
      expect(ok).toMatchObject({
        failures: 0,
        lastError: null,
        etag: '"v1"',
        lastModified: 'Fri, 04 Dec 2026 10:00:00 GMT',
        lastItemCount: 0,
        lastOkAt: clock,
        lastPolledAt: clock,
        nextPollAt: new Date(clock.getTime() + 5 * MINUTE),
      });
      // Forced: every enabled source not leased, whether due or not.
      expect(
        (await claimDueSources(deps(), 60_000, 10, { force: true })).map((s) => s.name),
      ).toEqual(['s0']);
    } finally {
      if (second !== database) await second.close();
    }
  });
});
