/**
 * The wire queue after a fresh user's test: an item the agency withdraws
 * (NewsML-G2 pubStatus, NITF management-status) is updated and refused as
 * a draft; two feeds of one agency carrying one guid without versions do
 * not replace each other at every poll; copies dropped as duplicates are
 * recorded on the item kept. Both engines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { WireItemInput } from '../../src/domain/wire-item.js';
import { readWireDocument } from '../../src/importers/wire/read-wire.js';
import { moveArticle } from '../../src/services/move-article.js';
import { publishDueArticles } from '../../src/services/publish-scheduled.js';
import { draftFromWireItem, wireNoticeForArticle } from '../../src/services/wire-draft.js';
import { getWireItem, ingestWireItems, listWireQueue } from '../../src/services/wire-queue.js';
import { addWireSource } from '../../src/services/wire-sources.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/wire/', import.meta.url));
const MINUTE = 60_000;

async function itemsOf(name: string): Promise<WireItemInput[]> {
  const document = await readWireDocument(readFileSync(`${FIXTURES}${name}`), { fileName: name });
  return document.items;
}

/** A feed item without version; invented text. */
function feedItem(over: Partial<WireItemInput> = {}): WireItemInput {
  return {
    guid: 'https://agency.example/ar/news/77',
    version: null,
    headline: 'افتتاح معرض دمشق الدولي للكتاب بمشاركة 30 دولة',
    slugline: '',
    byline: '',
    summary: '',
    bodyHtml: '<p>افتتح اليوم معرض دمشق الدولي للكتاب.</p>',
    link: null,
    language: 'ar',
    subjects: [],
    sentAt: new Date('2026-12-04T12:13:00.000Z'),
    sentOffsetMinutes: 180,
    status: 'usable',
    ...over,
  };
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
  const deps = () => ({ database, now: () => clock });

  beforeEach(async () => {
    clock = new Date('2026-12-04T14:00:00.000Z');
    database = await openTestDatabase(dialect);
    staff = await createStaff(database, () => clock);
  });

  afterEach(async () => {
    await database.close();
  });

  function source(name: string, agency = 'وكالة الأنباء التجريبية') {
    return addWireSource(deps(), null, {
      name,
      agency,
      url: `http://127.0.0.1:9/${name}.xml`,
      allowPrivate: true,
    });
  }

  it('updates a NewsML-G2 item canceled without a new version, refuses it as a draft, and tells the draft made before', async () => {
    const wire = await source('wire-g2');
    const v3 = await itemsOf('newsml-g2-item-v3.xml');
    expect(await ingestWireItems(deps(), wire.id, v3, clock)).toMatchObject({ added: 1 });
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    expect(queued?.status).toBe('usable');
    const { articleId } = await draftFromWireItem(deps(), staff.editor, queued!.id);

    // The same version 3 again: unchanged; then canceled: an update.
    expect(await ingestWireItems(deps(), wire.id, v3, clock)).toMatchObject({ unchanged: 1 });
    const withdrawnAt = new Date(clock.getTime() + 15 * MINUTE);
    clock = withdrawnAt;
    const canceled = await itemsOf('newsml-g2-item-v3-canceled.xml');
    expect(await ingestWireItems(deps(), wire.id, canceled, withdrawnAt)).toEqual({
      added: 0,
      updated: 1,
      duplicates: 0,
      unchanged: 0,
      warnings: [],
    });
    const item = await getWireItem(deps(), staff.editor, queued!.id);
    expect([item.status, item.version, item.updateCount, item.updatedAt]).toEqual([
      'canceled',
      3,
      1,
      withdrawnAt,
    ]);
    expect(await codeOf(draftFromWireItem(deps(), staff.administrator, queued!.id))).toBe(
      'WIRE_ITEM_WITHDRAWN',
    );
    expect(await wireNoticeForArticle(deps(), articleId)).toEqual({
      itemId: queued!.id,
      agency: 'وكالة الأنباء التجريبية',
      updatedAtSource: withdrawnAt,
      agencyUpdatedAt: new Date('2026-12-04T14:10:00.000Z'),
      status: 'canceled',
      articlePublished: false,
    });
    // The draft made before cannot be published nor scheduled now.
    expect(await codeOf(moveArticle(deps(), staff.editor, articleId, 'publish'))).toBe(
      'PUBLISH_WIRE_WITHDRAWN',
    );
    expect(
      await codeOf(
        moveArticle(deps(), staff.editor, articleId, 'schedule', {
          scheduledAt: new Date(withdrawnAt.getTime() + 60 * MINUTE),
        }),
      ),
    ).toBe('PUBLISH_WIRE_WITHDRAWN');
    const draft = await database.db
      .selectFrom('articles')
      .select('status')
      .where('id', '=', articleId as never)
      .executeTakeFirstOrThrow();
    expect(draft.status).toBe('draft');
    // An older version does not bring it back.
    const v2 = await itemsOf('newsml-g2-item-v2.xml');
    expect(await ingestWireItems(deps(), wire.id, v2, withdrawnAt)).toMatchObject({
      unchanged: 1,
    });
    expect((await getWireItem(deps(), staff.editor, queued!.id)).status).toBe('canceled');
  });

  it('keeps an article scheduled before its story was withdrawn from going out, without an error every round', async () => {
    const wire = await source('wire-g2');
    await ingestWireItems(deps(), wire.id, await itemsOf('newsml-g2-item-v3.xml'), clock);
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    const { articleId } = await draftFromWireItem(deps(), staff.editor, queued!.id);
    const due = new Date(clock.getTime() + 60 * MINUTE);
    await moveArticle(deps(), staff.editor, articleId, 'schedule', { scheduledAt: due });
    const canceled = await itemsOf('newsml-g2-item-v3-canceled.xml');
    expect(await ingestWireItems(deps(), wire.id, canceled, clock)).toMatchObject({ updated: 1 });
    clock = new Date(due.getTime() + MINUTE);
    const errors: unknown[] = [];
    expect(await publishDueArticles(deps(), (error) => errors.push(error))).toEqual([]);
    expect(errors).toEqual([]);
    const stored = await database.db
      .selectFrom('articles')
      .select('status')
      .where('id', '=', articleId as never)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('scheduled');
  });

  it('updates an NITF document whose management-status became canceled, and keeps a withheld one from drafts', async () => {
    const wire = await source('wire-nitf');
    const arrived = new Date('2026-12-04T08:00:00.000Z');
    expect(
      await ingestWireItems(deps(), wire.id, await itemsOf('nitf.xml'), arrived),
    ).toMatchObject({ added: 1 });
    expect(
      await ingestWireItems(deps(), wire.id, await itemsOf('nitf-canceled.xml'), arrived),
    ).toMatchObject({ updated: 1 });
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    expect([queued?.status, queued?.version]).toEqual(['canceled', 2]);

    await ingestWireItems(
      deps(),
      wire.id,
      [feedItem({ guid: 'held-1', headline: 'خبر محجوب حتى الظهر', status: 'withheld' })],
      clock,
    );
    const held = (await listWireQueue(deps(), staff.editor, { q: 'محجوب' })).items[0];
    expect(held?.status).toBe('withheld');
    expect(await codeOf(draftFromWireItem(deps(), staff.editor, held!.id))).toBe(
      'WIRE_ITEM_WITHDRAWN',
    );
  });

  it('tells that an article published before the agency withheld its item is live, and refuses publishing it again', async () => {
    const wire = await source('wire-feed');
    await ingestWireItems(deps(), wire.id, [feedItem()], clock);
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    const { articleId } = await draftFromWireItem(deps(), staff.editor, queued!.id);
    expect(await moveArticle(deps(), staff.editor, articleId, 'publish')).toBe('published');
    expect((await getWireItem(deps(), staff.editor, queued!.id)).used?.published).toBe(true);

    const heldAt = new Date(clock.getTime() + 30 * MINUTE);
    clock = heldAt;
    expect(
      await ingestWireItems(deps(), wire.id, [feedItem({ status: 'withheld' })], heldAt),
    ).toMatchObject({ updated: 1 });
    expect(await wireNoticeForArticle(deps(), articleId)).toEqual({
      itemId: queued!.id,
      agency: 'وكالة الأنباء التجريبية',
      updatedAtSource: heldAt,
      agencyUpdatedAt: null,
      status: 'withheld',
      articlePublished: true,
    });
    const item = await getWireItem(deps(), staff.editor, queued!.id);
    expect([item.status, item.used?.published]).toEqual(['withheld', true]);

    expect(await moveArticle(deps(), staff.editor, articleId, 'unpublish')).toBe('unpublished');
    expect((await wireNoticeForArticle(deps(), articleId))?.articlePublished).toBe(false);
    expect((await getWireItem(deps(), staff.editor, queued!.id)).used?.published).toBe(false);
    expect(await codeOf(moveArticle(deps(), staff.editor, articleId, 'publish'))).toBe(
      'PUBLISH_WIRE_WITHDRAWN',
    );
  });

  it('cuts a headline over 300 characters at a word, and says so', async () => {
    const wire = await source('wire-long');
    const long = 'كلمة '.repeat(70).trim();
    expect(
      await ingestWireItems(deps(), wire.id, [feedItem({ guid: 'long-1', headline: long })], clock),
    ).toEqual({
      added: 1,
      updated: 0,
      duplicates: 0,
      unchanged: 0,
      warnings: ['long-1: headline of 349 characters shortened at a word to 300'],
    });
    const [queued] = (await listWireQueue(deps(), staff.editor, {})).items;
    expect(queued?.headline).toBe(`${'كلمة '.repeat(60).trim()}…`);
  });

  it('keeps one copy of a guid two feeds of one agency carry, whichever is polled', async () => {
    const feedA = await source('agency-rss');
    const feedB = await source('agency-atom');
    const copyA = feedItem();
    const copyB = feedItem({
      sentAt: new Date('2026-12-04T12:00:00.000Z'),
      bodyHtml: '<p>افتتح صباح اليوم معرض دمشق الدولي للكتاب.</p>',
    });

    const reports = [];
    for (let poll = 0; poll < 3; poll += 1) {
      clock = new Date(clock.getTime() + MINUTE);
      reports.push(await ingestWireItems(deps(), feedA.id, [copyA], clock));
      clock = new Date(clock.getTime() + MINUTE);
      reports.push(await ingestWireItems(deps(), feedB.id, [copyB], clock));
    }
    expect(reports.map((r) => [r.added, r.updated, r.unchanged])).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    let [kept] = (await listWireQueue(deps(), staff.editor, {})).items;
    expect([kept?.sourceName, kept?.updateCount, kept?.sentAt]).toEqual([
      'agency-rss',
      0,
      copyA.sentAt,
    ]);

    // Equally dated from the other feed: the first seen stays.
    const sameTime = { ...copyB, sentAt: copyA.sentAt };
    expect(await ingestWireItems(deps(), feedB.id, [sameTime], clock)).toMatchObject({
      unchanged: 1,
    });
    // The stored copy's own feed corrects it at the same time: an update.
    const corrected = { ...copyA, bodyHtml: '<p>افتتح اليوم معرض دمشق الدولي للكتاب (مصحّح).</p>' };
    expect(await ingestWireItems(deps(), feedA.id, [corrected], clock)).toMatchObject({
      updated: 1,
    });
    // A later copy from the other feed replaces it.
    const laterB = { ...copyB, sentAt: new Date('2026-12-04T12:40:00.000Z') };
    expect(await ingestWireItems(deps(), feedB.id, [laterB], clock)).toMatchObject({ updated: 1 });
    // Then feed A's older copy does not.
    expect(await ingestWireItems(deps(), feedA.id, [corrected], clock)).toMatchObject({
      unchanged: 1,
    });
    [kept] = (await listWireQueue(deps(), staff.editor, {})).items;
    expect([kept?.updateCount, kept?.sentAt, kept?.firstWords]).toEqual([
      2,
      laterB.sentAt,
      'افتتح صباح اليوم معرض دمشق الدولي للكتاب.',
    ]);
  });

  it('records the copies dropped as duplicates on the item kept, once each however often they come', async () => {
    const sana = await source('sana', 'سانا');
    const eco = await source('sana-eco', 'سانا');
    const story = feedItem({ guid: 'sana-1' });
    expect(await ingestWireItems(deps(), sana.id, [story], clock)).toMatchObject({ added: 1 });
    const copies = [
      feedItem({ guid: 'eco-1', headline: 'افتتاح معرض دمشق الدولي للكتاب بمشاركة 30 دولة.' }),
      feedItem({ guid: 'eco-2' }),
    ];
    for (let poll = 0; poll < 3; poll += 1) {
      expect(await ingestWireItems(deps(), eco.id, copies, clock)).toMatchObject({
        added: 0,
        duplicates: 2,
      });
    }
    expect(
      await ingestWireItems(deps(), sana.id, [feedItem({ guid: 'sana-2' })], clock),
    ).toMatchObject({ duplicates: 1 });

    const [kept] = (await listWireQueue(deps(), staff.editor, {})).items;
    expect(kept?.duplicateCount).toBe(3);
    expect((await getWireItem(deps(), staff.editor, kept!.id)).copies).toEqual([
      { source: 'sana-eco', guid: 'eco-1' },
      { source: 'sana-eco', guid: 'eco-2' },
      { source: 'sana', guid: 'sana-2' },
    ]);
  });
});
