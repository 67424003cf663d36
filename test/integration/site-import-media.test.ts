/**
 * Bringing an old site's images into the media library (services/site-import/
 * import-media.ts) on each database engine: from a copy of the uploads
 * folder and from the old site itself (a local server), stored once per
 * URL and per file, across runs too; every refusal a short reason.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SiteImage } from '../../src/domain/site-import.js';
import type { MediaDeps } from '../../src/services/media.js';
import { importBodyImages } from '../../src/services/site-import/body-images.js';
import {
  MediaImporter,
  type MediaImportOptions,
} from '../../src/services/site-import/import-media.js';
import {
  findImportedMediaId,
  recordImportedMedia,
} from '../../src/storage/repositories/imported-media.repository.js';
import { insertUser } from '../../src/storage/repositories/users.repository.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { HTML_PAGE, MEDIA_LIMITS, makeImage } from '../helpers/images.js';
import { testFolder } from '../helpers/temp-folder.js';

const NOW = new Date('2026-12-03T21:00:00.000Z');
const SITE = 'https://old.example';
const UPLOADS = `${SITE}/wp-content/uploads`;
/** «صورة» percent-encoded, as WordPress writes an Arabic file name in a URL. */
const SURA = encodeURIComponent('صورة');

function image(url: string, alt = '', caption = ''): SiteImage {
  return { url, alt, caption };
}

/** The old site on loopback, for --fetch-media: one image, one page, else 404. */
let server: Server;
let base: string;
let served: Buffer;

beforeAll(async () => {
  served = await makeImage('png', 700, 400);
  server = createServer((request, response) => {
    if (request.url === '/content/images/2022/05/map.png') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(served);
    } else if (request.url === '/content/images/page.jpg') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let deps: MediaDeps;
  let uploads: string;
  let uploaderId: string;

  async function put(path: string, bytes: Buffer): Promise<void> {
    await mkdir(dirname(join(uploads, path)), { recursive: true });
    await writeFile(join(uploads, path), bytes);
  }

  function importer(options: Partial<MediaImportOptions> = {}): MediaImporter {
    return new MediaImporter(deps, {
      uploaderId,
      siteUrl: SITE,
      uploadsDir: uploads,
      fetch: null,
      ...options,
    });
  }

  async function mediaRows(): Promise<Array<{ id: string; width: number; height: number }>> {
    const rows = await database.db
      .selectFrom('media')
      .select(['id', 'width', 'height'])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      width: Number(r.width),
      height: Number(r.height),
    }));
  }

  async function importedUrls(): Promise<Array<[string, string]>> {
    const rows = await database.db
      .selectFrom('imported_media')
      .select(['source_url', 'media_id'])
      .orderBy('source_url')
      .execute();
    return rows.map((r) => [r.source_url, String(r.media_id)]);
  }

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    const mediaDir = testFolder('media');
    uploads = testFolder('uploads');
    deps = { ...MEDIA_LIMITS, database, mediaDir, now: () => NOW };
    const user = await insertUser(
      database.db,
      {
        email: 'import@news.example',
        displayName: 'الاستيراد',
        slug: 'import',
        role: 'administrator',
        passwordHash: 'x',
      },
      NOW,
    );
    uploaderId = user.id;
  });
  afterEach(async () => {
    await database.close();
  });

  describe('imported_media repository', () => {
    it('finds the media item a URL became, and keeps the first when recorded twice', async () => {
      const media = importer();
      await put('a.jpg', await makeImage('jpeg', 40, 30));
      await put('b.jpg', await makeImage('jpeg', 50, 30));
      const a = await media.resolve(image(`${UPLOADS}/a.jpg`));
      const b = await media.resolve(image(`${UPLOADS}/b.jpg`));
      if (!a.ok || !b.ok) throw new Error('expected both stored');
      expect(await findImportedMediaId(database.db, `${UPLOADS}/a.jpg`)).toBe(a.media.id);
      expect(await findImportedMediaId(database.db, `${UPLOADS}/c.jpg`)).toBe(null);
      await recordImportedMedia(database.db, `${UPLOADS}/a.jpg`, b.media.id);
      expect(await findImportedMediaId(database.db, `${UPLOADS}/a.jpg`)).toBe(a.media.id);
    });
  });

  describe('from the uploads folder', () => {
    it('stores an Arabic-named image with its alt text and caption, by the uploader', async () => {
      await put('2021/01/صورة.jpg', await makeImage('jpeg', 1200, 800));
      const url = `${UPLOADS}/2021/01/${SURA}.jpg`;
      const result = await importer().resolve(
        image(url, 'سوق  المدينة في حلب', 'السوق القديم\nبعد الترميم'),
      );

      expect(result).toEqual({
        ok: true,
        media: {
          id: '1',
          uploadedBy: uploaderId,
          originalName: 'صورة.jpg',
          mime: 'image/jpeg',
          width: 1200,
          height: 800,
          bytes: expect.any(Number) as number,
          alt: 'سوق المدينة في حلب',
          caption: 'السوق القديم بعد الترميم',
          credit: '',
          widths: [320, 640, 960, 1200],
          originalFile: 'original.jpg',
          createdAt: NOW,
        },
      });
      expect(await importedUrls()).toEqual([[url, '1']]);
      expect(((await readdir(deps.mediaDir)) as string[]).sort()).toEqual(['1']);
    });

    it('stores an image met under one URL once, in a run and in the next', async () => {
      await put('2021/01/x.jpg', await makeImage('jpeg', 800, 600));
      const url = `${UPLOADS}/2021/01/x.jpg`;
      const first = importer();
      const [a, b] = await Promise.all([first.resolve(image(url)), first.resolve(image(url))]);
      const again = await importer().resolve(image(url, 'وصف آخر'));

      expect(a).toEqual(b);
      expect(again).toEqual(a);
      expect(await mediaRows()).toEqual([{ id: '1', width: 800, height: 600 }]);
    });

    it('stores several images at once, each under its own id', async () => {
      const names = ['أ.jpg', 'ب.jpg', 'ج.jpg', 'د.jpg', 'ه.jpg', 'و.jpg'];
      for (const [i, name] of names.entries()) {
        await put(`2021/02/${name}`, await makeImage('jpeg', 100 + i, 80));
      }
      const media = importer();
      const results = await Promise.all(
        names.map((name) => media.resolve(image(`${UPLOADS}/2021/02/${encodeURIComponent(name)}`))),
      );

      expect(results.map((r) => r.ok && r.media.width)).toEqual([100, 101, 102, 103, 104, 105]);
      expect((await mediaRows()).map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect((await importedUrls()).length).toBe(6);
    });

    it('stores the full-size image once for its sized copies, and records every URL', async () => {
      await put('2021/01/x.jpg', await makeImage('jpeg', 1200, 800));
      await put('2021/01/x-300x200.jpg', await makeImage('jpeg', 300, 200));
      await put('2021/01/x-1024x683.jpg', await makeImage('jpeg', 1024, 683));
      const media = importer();
      const results = await Promise.all(
        ['x-300x200.jpg', 'x-1024x683.jpg', 'x.jpg'].map((name) =>
          media.resolve(image(`${UPLOADS}/2021/01/${name}`)),
        ),
      );

      expect(results.map((r) => r.ok && r.media.id)).toEqual(['1', '1', '1']);
      expect(await mediaRows()).toEqual([{ id: '1', width: 1200, height: 800 }]);
      expect(await importedUrls()).toEqual([
        [`${UPLOADS}/2021/01/x-1024x683.jpg`, '1'],
        [`${UPLOADS}/2021/01/x-300x200.jpg`, '1'],
        [`${UPLOADS}/2021/01/x.jpg`, '1'],
      ]);
    });

    it('stores an image named by a relative and by an absolute URL once, in a run and in the next', async () => {
      await put('2021/01/a.jpg', await makeImage('jpeg', 640, 480));
      const first = importer();
      const relative = await first.resolve(image('/wp-content/uploads/2021/01/a.jpg'));
      const absolute = await first.resolve(image(`${UPLOADS}/2021/01/a.jpg`));
      const next = await importer().resolve(image('/wp-content/uploads/2021/01/a.jpg'));

      expect([relative, absolute, next].map((r) => r.ok && r.media.id)).toEqual(['1', '1', '1']);
      expect(await mediaRows()).toEqual([{ id: '1', width: 640, height: 480 }]);
      expect(await importedUrls()).toEqual([[`${UPLOADS}/2021/01/a.jpg`, '1']]);
    });

    it('checks images in a dry run as an import would, storing and recording none', async () => {
      await put('2021/01/a.jpg', await makeImage('jpeg', 640, 480));
      await put('2021/01/page.jpg', HTML_PAGE);
      const media = importer({ dryRun: { db: database.db } });

      const found = await media.resolve(image(`${UPLOADS}/2021/01/a.jpg`));
      expect(found.ok && [found.media.mime, found.media.width, found.media.height]).toEqual([
        'image/jpeg',
        640,
        480,
      ]);
      expect(await media.resolve(image(`${UPLOADS}/2021/01/page.jpg`))).toEqual({
        ok: false,
        reason: 'not an image (text/html)',
      });
      expect(await mediaRows()).toEqual([]);
      expect(await importedUrls()).toEqual([]);
      expect(await readdir(deps.mediaDir).catch(() => [])).toEqual([]);
    });

    it('keeps a cropped size as it is, and takes the original when a size is absent', async () => {
      await put('2021/01/x.jpg', await makeImage('jpeg', 1200, 800));
      await put('2021/01/x-150x150.jpg', await makeImage('jpeg', 150, 150));
      await put('2021/01/y-scaled.jpg', await makeImage('jpeg', 960, 640));
      const media = importer();
      const crop = await media.resolve(image(`${UPLOADS}/2021/01/x-150x150.jpg`));
      const absent = await media.resolve(image(`${UPLOADS}/2021/01/y-300x200.jpg`));

      expect(crop.ok && [crop.media.width, crop.media.height]).toEqual([150, 150]);
      expect(absent.ok && [absent.media.width, absent.media.height]).toEqual([960, 640]);
    });

    it('takes the original of another shape when the sized copy is absent', async () => {
      await put('2021/01/x.jpg', await makeImage('jpeg', 1200, 800));
      const result = await importer().resolve(image(`${UPLOADS}/2021/01/x-150x150.jpg`));
      expect(result.ok && [result.media.width, result.media.height]).toEqual([1200, 800]);
    });

    it('finds a Ghost image by its placeholder URL', async () => {
      await put('2022/05/map.png', await makeImage('png', 300, 200));
      const result = await importer({ siteUrl: null }).resolve(
        image('__GHOST_URL__/content/images/size/w600/2022/05/map.png'),
      );
      expect(result.ok && result.media.mime).toBe('image/png');
    });

    it('reports a missing image, a page named .jpg, a file too large and another site’s image', async () => {
      await put('2021/01/page.jpg', HTML_PAGE);
      await put('2021/01/big.jpg', Buffer.alloc(MEDIA_LIMITS.uploadMaxBytes + 1));
      const media = importer();

      expect(await media.resolve(image(`${UPLOADS}/2021/01/gone.jpg`))).toEqual({
        ok: false,
        reason: 'not in the uploads folder',
      });
      expect(await media.resolve(image(`${UPLOADS}/2021/01/page.jpg`))).toEqual({
        ok: false,
        reason: 'not an image (text/html)',
      });
      expect(await media.resolve(image(`${UPLOADS}/2021/01/big.jpg`))).toEqual({
        ok: false,
        reason: 'too large',
      });
      expect(await media.resolve(image('https://agency.example/photos/1.jpg'))).toEqual({
        ok: false,
        reason: 'not in the old site’s uploads',
      });
      expect(await media.resolve(image('data:image/png;base64,iVBORw0KGgo='))).toEqual({
        ok: false,
        reason: 'embedded in the page (data:)',
      });
      expect(await mediaRows()).toEqual([]);
      expect(await importedUrls()).toEqual([]);
    });
  });

  describe('in a body', () => {
    it('rewrites the images found and removes the missing one', async () => {
      await put('2021/01/صورة.jpg', await makeImage('jpeg', 1200, 800));
      const body =
        `<p>افتتاح السوق</p>\n<figure><a href="${UPLOADS}/2021/01/${SURA}.jpg">` +
        `<img src="${UPLOADS}/2021/01/${SURA}-1024x683.jpg" alt="السوق"></a>` +
        '<figcaption>بعد الترميم</figcaption></figure>\n' +
        `<p><img src="${UPLOADS}/2021/01/gone.jpg"></p>\n` +
        `<p><img src="${UPLOADS}/2021/01/${SURA}.jpg" alt="السوق من الداخل"></p>`;
      const media = importer();

      const result = await importBodyImages(body, (i) => media.resolve(i));

      expect(result.html).toBe(
        '<p>افتتاح السوق</p>\n<figure>' +
          '<img src="/media/1/w960.webp" alt="السوق" width="1200" height="800">' +
          '<figcaption>بعد الترميم</figcaption></figure>\n\n' +
          '<p><img src="/media/1/w960.webp" alt="السوق من الداخل" width="1200" height="800"></p>',
      );
      // Both name one file, stored once (with the text of whichever came first).
      expect(result.imported.map((m) => m.id)).toEqual(['1', '1']);
      expect(result.missing).toEqual([
        { url: `${UPLOADS}/2021/01/gone.jpg`, reason: 'not in the uploads folder' },
      ]);
      expect(await mediaRows()).toEqual([{ id: '1', width: 1200, height: 800 }]);
    });
  });

  describe('from the old site', () => {
    const FETCH = { allowPrivate: true, timeoutMs: 5000 };

    it('fetches an image missing from the uploads folder, and records its absolute URL', async () => {
      const media = importer({ siteUrl: base, fetch: FETCH });
      const result = await media.resolve(
        image('__GHOST_URL__/content/images/2022/05/map.png', 'خريطة'),
      );

      expect(result.ok && [result.media.width, result.media.height, result.media.alt]).toEqual([
        700,
        400,
        'خريطة',
      ]);
      expect(await importedUrls()).toEqual([[`${base}/content/images/2022/05/map.png`, '1']]);
    });

    it('says why a fetch failed, after the uploads folder', async () => {
      const media = importer({ siteUrl: base, fetch: FETCH });
      expect(await media.resolve(image(`${base}/content/images/gone.jpg`))).toEqual({
        ok: false,
        reason: 'not in the uploads folder; fetch failed: 404',
      });
      expect(await media.resolve(image(`${base}/content/images/page.jpg`))).toEqual({
        ok: false,
        reason: 'not in the uploads folder; not an image (text/html)',
      });
      const strict = importer({ siteUrl: base, uploadsDir: null, fetch: { timeoutMs: 5000 } });
      expect(await strict.resolve(image(`${base}/content/images/2022/05/map.png`))).toEqual({
        ok: false,
        reason: 'refused: 127.0.0.1 is not a public address',
      });
      expect(await mediaRows()).toEqual([]);
    });

    it('says when neither an uploads folder nor fetching was asked for', async () => {
      expect(
        await importer({ uploadsDir: null }).resolve(image(`${UPLOADS}/2021/01/x.jpg`)),
      ).toEqual({ ok: false, reason: 'neither an uploads folder nor fetching was asked for' });
    });
  });
});
