/**
 * The Content API on live coverage and public notes (issue 19), on both
 * engines: an article's `modifiedAt`, `live` and `notes`, and the
 * `live-updates` endpoint (order, pages, limits, 404, the key), every
 * answer valid against the OpenAPI document, which stays valid.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import type { DialectName } from '../../src/storage/database.js';
import { describeEachDialect } from '../helpers/dialects.js';
import {
  insertNote,
  insertUpdate,
  plusMinutes,
  setLive,
  setModifiedAt,
} from '../helpers/live-rows.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const V1 = '/api/content/v1';
const ORIGIN = 'https://news.example';
const T0 = new Date('2026-11-29T10:00:00.000Z');
const SLUG = 'تغطية-مباشرة-للانتخابات';

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  let staff: Staff;
  let key: string;
  let id: ArticleId;
  let draft: ArticleId;
  let document: Record<string, unknown>;
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const get = (url: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) =>
    site.app.inject({ method: 'GET', url, headers });
  const expectValid = (path: string, status: number, body: unknown) => {
    const pointer = `openapi.json#/paths/${path.replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`;
    const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  };
  const LIVE_PATH = `${V1}/articles/{idOrSlug}/live-updates`;
  const articleUrl = () => `${ORIGIN}/a/${id}/${encodeURIComponent(SLUG)}`;

  beforeAll(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => T0);
    const deps = { database: site.database, now: () => T0 };
    id = await createDraft(deps, staff.editor);
    await saveArticle(
      deps,
      staff.editor,
      id,
      content([staff.editor.id], { headline: 'تغطية مباشرة للانتخابات', slug: SLUG }),
    );
    await moveArticle(deps, staff.editor, id, 'publish');
    draft = await createDraft(deps, staff.editor);
    await setLive(site.database, draft, { state: 'live', startedAt: T0, next: 1 });
    await setLive(site.database, id, { state: 'live', startedAt: T0, next: 6 });
    // Five updates at 10:01…10:05; the third has no author and was edited at 10:30.
    for (let n = 1; n <= 5; n++) {
      await insertUpdate(site.database, id, {
        number: n,
        headline: n === 2 ? '' : `النتائج الأولية ${n}`,
        bodyHtml: `<p>فرز الصناديق في الدائرة ${n}.</p>`,
        at: plusMinutes(T0, n),
        authorId: n === 3 ? null : staff.author.id,
        key: n === 4,
        pinned: n === 1,
        ...(n === 3 ? { updatedAt: plusMinutes(T0, 30) } : {}),
      });
    }
    await insertNote(site.database, id, {
      kind: 'correction',
      text: 'ورد في نسخة سابقة أن نسبة المشاركة 40%، والصحيح 45%.',
      at: plusMinutes(T0, 20),
      authorId: staff.editor.id,
    });
    await insertNote(site.database, id, {
      kind: 'update',
      text: 'أضيفت نتائج دائرة حلب.',
      at: plusMinutes(T0, 25),
      authorId: staff.editor.id,
    });
    await setModifiedAt(site.database, id, plusMinutes(T0, 25));
    key = (
      await createApiKey({ database: site.database, now: () => NOW }, staff.administrator, 'تطبيق')
    ).key;
    document = JSON.parse((await site.app.inject({ url: '/api/openapi.json' })).body);
    ajv.addSchema(document, 'openapi.json');
  });
  afterAll(async () => {
    await site.close();
  });

  it('keeps the OpenAPI document valid, with the new schemas strict', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    const schemas = (document['components'] as { schemas: Record<string, unknown> }).schemas;
    expect(schemas['LiveUpdate']).toMatchObject({ additionalProperties: false });
    expect(schemas['LiveCoverage']).toMatchObject({ additionalProperties: false });
    expect(schemas['ArticleNote']).toMatchObject({ additionalProperties: false });
    const op = (document['paths'] as Record<string, { get: { operationId: string } }>)[LIVE_PATH];
    expect(op?.get.operationId).toBe('listLiveUpdates');
  });

  it('gives an article its modifiedAt, live coverage and notes', async () => {
    const res = await get(`${V1}/articles/${id}`);
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expectValid(`${V1}/articles/{idOrSlug}`, 200, body);
    expect(body.article).toMatchObject({
      id,
      publishedAt: '2026-11-29T10:00:00.000Z',
      updatedAt: '2026-11-29T10:00:00.000Z',
      modifiedAt: '2026-11-29T10:25:00.000Z',
      live: {
        state: 'live',
        startedAt: '2026-11-29T10:00:00.000Z',
        endedAt: null,
        updateCount: 5,
      },
      notes: [
        {
          kind: 'correction',
          text: 'ورد في نسخة سابقة أن نسبة المشاركة 40%، والصحيح 45%.',
          createdAt: '2026-11-29T10:20:00.000Z',
        },
        {
          kind: 'update',
          text: 'أضيفت نتائج دائرة حلب.',
          createdAt: '2026-11-29T10:25:00.000Z',
        },
      ],
    });
    const list = JSON.parse((await get(`${V1}/articles`)).body);
    expectValid(`${V1}/articles`, 200, list);
    const seed = list.articles.find((a: { id: string }) => a.id === SEED_ID);
    expect([seed.modifiedAt, seed.live, seed.notes]).toEqual([
      '2020-01-18T09:43:00.000Z',
      null,
      [],
    ]);
    expect(list.articles[0].live.updateCount).toBe(5);
  });

  it('says when the coverage ended', async () => {
    await setLive(site.database, id, {
      state: 'ended',
      startedAt: T0,
      endedAt: plusMinutes(T0, 40),
      next: 6,
    });
    try {
      const body = JSON.parse((await get(`${V1}/articles/${encodeURIComponent(SLUG)}`)).body);
      expect(body.article.live).toEqual({
        state: 'ended',
        startedAt: '2026-11-29T10:00:00.000Z',
        endedAt: '2026-11-29T10:40:00.000Z',
        updateCount: 5,
      });
    } finally {
      await setLive(site.database, id, { state: 'live', startedAt: T0, next: 6 });
    }
  });

  it('lists the updates newest first with every field', async () => {
    const res = await get(`${V1}/articles/${id}/live-updates`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=60');
    const body = JSON.parse(res.body);
    expectValid(LIVE_PATH, 200, body);
    expect(body.liveUpdates.map((u: { number: number }) => u.number)).toEqual([5, 4, 3, 2, 1]);
    expect(body.meta).toEqual({ nextBefore: null });
    expect(body.liveUpdates[1]).toEqual({
      number: 4,
      headline: 'النتائج الأولية 4',
      bodyHtml: '<p>فرز الصناديق في الدائرة 4.</p>',
      key: true,
      pinned: false,
      author: { name: 'كاتب الأخبار', slug: 'كاتب-الأخبار' },
      createdAt: '2026-11-29T10:04:00.000Z',
      updatedAt: '2026-11-29T10:04:00.000Z',
      url: `${articleUrl()}#update-4`,
    });
    expect(body.liveUpdates[2]).toEqual({
      number: 3,
      headline: 'النتائج الأولية 3',
      bodyHtml: '<p>فرز الصناديق في الدائرة 3.</p>',
      key: false,
      pinned: false,
      author: null,
      createdAt: '2026-11-29T10:03:00.000Z',
      updatedAt: '2026-11-29T10:30:00.000Z',
      url: `${articleUrl()}#update-3`,
    });
    expect(body.liveUpdates[3]).toMatchObject({ number: 2, headline: '' });
    expect(body.liveUpdates[4]).toMatchObject({ number: 1, pinned: true });
  });

  it('pages with before, by slug too', async () => {
    const first = JSON.parse((await get(`${V1}/articles/${id}/live-updates?limit=2`)).body);
    expect(first.liveUpdates.map((u: { number: number }) => u.number)).toEqual([5, 4]);
    expect(first.meta).toEqual({ nextBefore: 4 });
    const second = JSON.parse(
      (await get(`${V1}/articles/${encodeURIComponent(SLUG)}/live-updates?limit=2&before=4`)).body,
    );
    expect(second.liveUpdates.map((u: { number: number }) => u.number)).toEqual([3, 2]);
    expect(second.meta).toEqual({ nextBefore: 2 });
    const last = JSON.parse((await get(`${V1}/articles/${id}/live-updates?limit=2&before=2`)).body);
    expect(last.liveUpdates.map((u: { number: number }) => u.number)).toEqual([1]);
    expect(last.meta).toEqual({ nextBefore: null });
  });

  it('gives an article that never was live no update', async () => {
    const body = JSON.parse((await get(`${V1}/articles/${SEED_ID}/live-updates`)).body);
    expect(body).toEqual({ liveUpdates: [], meta: { nextBefore: null } });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=many', 'limit'],
    ['before=0', 'before'],
    ['before=x', 'before'],
    ['before=99999999999', 'before'],
  ])('answers ?%s with a 400 that names %s', async (query, parameter) => {
    const res = await get(`${V1}/articles/${id}/live-updates?${query}`);
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error).toMatchObject({ code: 'INVALID_PARAMETER', parameter });
    expectValid(LIVE_PATH, 400, body);
  });

  it('answers 404 for an unknown article and for a draft, even a live one', async () => {
    for (const which of ['1', draft, 'لا-يوجد']) {
      const res = await get(`${V1}/articles/${encodeURIComponent(which)}/live-updates`);
      expect([res.statusCode, JSON.parse(res.body).error.code]).toEqual([404, 'NOT_FOUND']);
      expectValid(LIVE_PATH, 404, JSON.parse(res.body));
    }
  });

  it('asks for the API key', async () => {
    const none = await get(`${V1}/articles/${id}/live-updates`, {});
    expect([none.statusCode, JSON.parse(none.body).error.code]).toEqual([401, 'API_KEY_MISSING']);
    const ok = await get(`${V1}/articles/${id}/live-updates?key=${key}`, {});
    expect(ok.statusCode).toBe(200);
  });
});
