import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ArticleId } from '../../src/domain/article-id.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeKey } from '../../src/services/api-keys.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { insertMedia } from '../../src/storage/repositories/media.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, SEED_HEADLINE, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const V1 = '/api/content/v1';
const HEADLINE = 'وزير "الاقتصاد" & التجارة يعلن خطة';
/** The author's slug and name (see createStaff). */
const AUTHOR = { slug: 'كاتب-الأخبار', name: 'كاتب الأخبار' };
const AUTHOR_URL = `https://news.example/author/${encodeURIComponent(AUTHOR.slug)}`;

let site: TestSite;
let staff: Staff;
let key: string;
let articleId: ArticleId;
let photoId: string;
let document: Record<string, unknown>;
// Both are CommonJS modules whose export is also their `default`.
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);

const deps = () => ({ database: site.database, now: () => NOW });
const get = (url: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) =>
  site.app.inject({ method: 'GET', url, headers });

/** Validates `body` against the OpenAPI document's schema of `path`'s GET answer `status`. */
function expectValid(path: string, status: number, body: unknown): void {
  const pointer = `openapi.json#/paths/${path.replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

beforeAll(async () => {
  site = await testSite();
  staff = await createStaff(site.database, () => NOW);
  const section = await ensureSection(site.database.db, { slug: 'economy', name: 'اقتصاد' }, NOW);
  articleId = await createDraft(deps(), staff.editor);
  await saveArticle(
    deps(),
    staff.editor,
    articleId,
    content([staff.author.id], {
      headline: HEADLINE,
      slug: 'خطة التجارة',
      sectionId: section.id,
      tags: ['تجارة'],
    }),
  );
  await moveArticle(deps(), staff.editor, articleId, 'publish');
  // A draft in the same section and tag: never counted or shown by the API.
  const draft = await createDraft(deps(), staff.editor);
  await saveArticle(
    deps(),
    staff.editor,
    draft,
    content([staff.author.id], { headline: 'مسودة', sectionId: section.id, tags: ['تجارة'] }),
  );
  const photo = await insertMedia(
    site.database.db,
    {
      uploadedBy: staff.administrator.id,
      originalName: 'صورة.jpg',
      mime: 'image/jpeg',
      width: 800,
      height: 800,
      bytes: 1000,
      widths: [320, 640, 800],
      originalFile: 'original.jpg',
    },
    NOW,
  );
  photoId = photo.id;
  await site.database.db
    .updateTable('users')
    .set({ photo_media_id: BigInt(photo.id) })
    .where('id', '=', BigInt(staff.author.id))
    .execute();
  key = (await createApiKey(deps(), staff.administrator, 'تطبيق الجوال')).key;
  document = JSON.parse((await site.app.inject({ url: '/api/openapi.json' })).body);
  ajv.addSchema(document, 'openapi.json');
});
afterAll(() => site.close());

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document that describes every Content API route', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(document['openapi']).toBe('3.1.0');
    expect(Object.keys(document['paths'] as object).sort()).toEqual([
      `${V1}/articles`,
      `${V1}/articles/{idOrSlug}`,
      `${V1}/articles/{idOrSlug}/live-updates`,
      `${V1}/authors`,
      `${V1}/pages`,
      `${V1}/pages/{slug}`,
      `${V1}/search`,
      `${V1}/sections`,
      `${V1}/tags`,
    ]);
    const operations = Object.values(
      document['paths'] as Record<string, { get: { operationId: string } }>,
    );
    expect(operations.map((o) => o.get.operationId).sort()).toEqual([
      'getArticle',
      'getPage',
      'listArticles',
      'listAuthors',
      'listLiveUpdates',
      'listPages',
      'listSections',
      'listTags',
      'searchArticles',
    ]);
    expect(document['servers']).toEqual([{ url: 'https://news.example' }]);
  });
});

describe('articles', () => {
  it('lists published articles newest first, valid against the document', async () => {
    const res = await get(`${V1}/articles`);
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expectValid(`${V1}/articles`, 200, body);
    expect(body.articles.map((a: { id: string }) => a.id)).toEqual([articleId, SEED_ID]);
    expect(body.meta).toEqual({ nextCursor: null });
    expect(body.articles[0]).toMatchObject({
      id: articleId,
      slug: 'خطة-التجارة',
      url: `https://news.example/a/${articleId}/%D8%AE%D8%B7%D8%A9-%D8%A7%D9%84%D8%AA%D8%AC%D8%A7%D8%B1%D8%A9`,
      headline: HEADLINE,
      publishedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      modifiedAt: NOW.toISOString(),
      live: null,
      notes: [],
      section: { slug: 'economy', name: 'اقتصاد', url: 'https://news.example/section/economy' },
      tags: [
        {
          slug: 'تجارة',
          name: 'تجارة',
          url: 'https://news.example/tag/%D8%AA%D8%AC%D8%A7%D8%B1%D8%A9',
        },
      ],
      authors: [
        {
          slug: AUTHOR.slug,
          name: AUTHOR.name,
          url: AUTHOR_URL,
          bio: '',
          photoUrl: `https://news.example/media/${photoId}/w320.webp`,
        },
      ],
      featuredImage: null,
    });
  });

  it('pages with a cursor, never repeating or skipping an article', async () => {
    const first = JSON.parse((await get(`${V1}/articles?limit=1`)).body);
    expect(first.articles.map((a: { id: string }) => a.id)).toEqual([articleId]);
    expect(first.meta.nextCursor).toEqual(expect.any(String));
    const second = JSON.parse(
      (await get(`${V1}/articles?limit=1&cursor=${first.meta.nextCursor}`)).body,
    );
    expect(second.articles.map((a: { id: string }) => a.id)).toEqual([SEED_ID]);
    expect(second.meta.nextCursor).toBeNull();
  });

  it('filters by section, tag, author and since', async () => {
    const ids = async (query: string) =>
      JSON.parse((await get(`${V1}/articles?${query}`)).body).articles.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids('section=economy')).toEqual([articleId]);
    expect(await ids(`tag=${encodeURIComponent('تجارة')}`)).toEqual([articleId]);
    expect(await ids(`author=${encodeURIComponent(AUTHOR.slug)}`)).toEqual([articleId]);
    expect(await ids('since=2026-01-01T00:00:00Z')).toEqual([articleId]);
    expect(await ids('since=2020-01-01T00:00:00%2B03:00')).toEqual([articleId, SEED_ID]);
  });

  it('finds one article by id or by its Arabic slug', async () => {
    const byId = await get(`${V1}/articles/${SEED_ID}`);
    expect(byId.statusCode).toBe(200);
    expectValid(`${V1}/articles/{idOrSlug}`, 200, JSON.parse(byId.body));
    expect(JSON.parse(byId.body).article.headline).toBe(SEED_HEADLINE);
    const bySlug = await get(`${V1}/articles/${encodeURIComponent('خطة-التجارة')}`);
    expect(JSON.parse(bySlug.body).article.id).toBe(articleId);
    const missing = await get(`${V1}/articles/1`);
    expect([missing.statusCode, JSON.parse(missing.body).error.code]).toEqual([404, 'NOT_FOUND']);
    expectValid(`${V1}/articles/{idOrSlug}`, 404, JSON.parse(missing.body));
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1000', 'limit'],
    ['limit=lots', 'limit'],
    ['since=yesterday', 'since'],
    ['cursor=not-a-cursor', 'cursor'],
    ['section=no-such-section', 'section'],
  ])('answers ?%s with a 400 that names %s', async (query, parameter) => {
    const res = await get(`${V1}/articles?${query}`);
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error).toMatchObject({ code: 'INVALID_PARAMETER', parameter });
    expectValid(`${V1}/articles`, 400, body);
  });
});

describe('sections, tags, authors and search', () => {
  it('lists each, valid against the document', async () => {
    for (const name of ['sections', 'tags', 'authors']) {
      const res = await get(`${V1}/${name}`);
      expect(res.statusCode).toBe(200);
      expectValid(`${V1}/${name}`, 200, JSON.parse(res.body));
    }
    const economy = JSON.parse((await get(`${V1}/sections`)).body).sections.find(
      (x: { slug: string }) => x.slug === 'economy',
    );
    expect(economy.articles).toBe(1);
    const trade = JSON.parse((await get(`${V1}/tags`)).body).tags.find(
      (x: { name: string }) => x.name === 'تجارة',
    );
    expect(trade.articles).toBe(1);
    expect(JSON.parse((await get(`${V1}/authors`)).body).authors).toEqual([
      {
        slug: AUTHOR.slug,
        name: AUTHOR.name,
        url: AUTHOR_URL,
        bio: '',
        photoUrl: `https://news.example/media/${photoId}/w320.webp`,
        articles: 1,
      },
    ]);
  });

  it('searches whatever the spelling', async () => {
    const res = await get(`${V1}/search?q=${encodeURIComponent('الاسد')}`);
    const body = JSON.parse(res.body);
    expectValid(`${V1}/search`, 200, body);
    expect(body.results.map((r: { id: string }) => r.id)).toEqual([SEED_ID]);
    expect(body.meta).toEqual({ total: 1, page: 1 });
    const missing = await get(`${V1}/search`);
    expect([missing.statusCode, JSON.parse(missing.body).error.parameter]).toEqual([400, 'q']);
  });
});

describe('API keys', () => {
  it('refuses a request without a key, with a wrong key, and with a revoked one', async () => {
    const none = await get(`${V1}/articles`, {});
    expect([none.statusCode, JSON.parse(none.body).error.code]).toEqual([401, 'API_KEY_MISSING']);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const wrong = await get(`${V1}/articles`, { authorization: 'Bearer midad_wrong' });
    expect([wrong.statusCode, JSON.parse(wrong.body).error.code]).toEqual([401, 'API_KEY_INVALID']);

    const spare = await createApiKey(deps(), staff.administrator, 'للإلغاء');
    expect((await get(`${V1}/tags?key=${spare.key}`, {})).statusCode).toBe(200);
    await revokeKey(deps(), staff.administrator, spare.apiKey.id);
    expect((await get(`${V1}/tags?key=${spare.key}`, {})).statusCode).toBe(401);
  });

  it('lets only administrators make keys', async () => {
    await expect(createApiKey(deps(), staff.editor, 'x')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('CORS', () => {
  it('sends no CORS headers by default, and the configured origin when set', async () => {
    const plain = await get(`${V1}/tags`, {
      authorization: `Bearer ${key}`,
      origin: 'https://app.example',
    });
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();

    const open = await testSite({ MIDAD_API_CORS_ORIGINS: 'https://app.example' });
    try {
      const preflight = await open.app.inject({
        method: 'OPTIONS',
        url: `${V1}/articles`,
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(preflight.headers['access-control-allow-headers']).toBe('Authorization');
    } finally {
      await open.close();
    }
  });
});
