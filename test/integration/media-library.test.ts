/**
 * The media library service on each database engine: an upload's row and
 * files, all or nothing; refusals that store nothing; describing and
 * listing images. What sharp makes of an image is unit-tested beside
 * src/services/image-variants.ts.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/roles.js';
import { MediaError } from '../../src/services/media-error.js';
import {
  getMedia,
  listMedia,
  updateMediaDetails,
  uploadImage,
  type MediaDeps,
} from '../../src/services/media.js';
import { insertUser } from '../../src/storage/repositories/users.repository.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import {
  HTML_PAGE,
  MEDIA_LIMITS,
  SHELL_SCRIPT,
  makeImage,
  pngHeaderOnly,
} from '../helpers/images.js';
import { testFolder } from '../helpers/temp-folder.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

async function refusal(promise: Promise<unknown>): Promise<MediaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MediaError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let mediaDir: string;
  let deps: MediaDeps;
  let contributor: Actor;
  let otherContributor: Actor;
  let editor: Actor;

  async function addUser(email: string, role: Actor['role']): Promise<Actor> {
    const user = await insertUser(
      database.db,
      { email, displayName: email, slug: email.split('@')[0] ?? email, role, passwordHash: 'x' },
      NOW,
    );
    return { id: user.id, role: user.role };
  }

  /** Every entry of the media folder, recursively, sorted: what an upload left behind. */
  async function filesOnDisk(): Promise<string[]> {
    return ((await readdir(mediaDir, { recursive: true })) as string[]).sort();
  }

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    mediaDir = testFolder('media');
    deps = { ...MEDIA_LIMITS, database, mediaDir, now: () => NOW };
    contributor = await addUser('samer@news.example', 'contributor');
    otherContributor = await addUser('lina@news.example', 'contributor');
    editor = await addUser('huda@news.example', 'editor');
  });
  afterEach(async () => {
    await database.close();
  });

  describe('uploadImage', () => {
    it('stores a JPEG as a row and a folder of its own, the variants and the stripped original', async () => {
      const bytes = await makeImage('jpeg', 1000, 600);
      const item = await uploadImage(deps, contributor, { bytes, fileName: 'إدلب.jpg' });

      expect(item).toEqual({
        id: '1',
        uploadedBy: contributor.id,
        originalName: 'إدلب.jpg',
        mime: 'image/jpeg',
        width: 1000,
        height: 600,
        bytes: bytes.length,
        alt: '',
        caption: '',
        credit: '',
        widths: [320, 640, 960, 1000],
        originalFile: 'original.jpg',
        createdAt: NOW,
      });
      expect(await filesOnDisk()).toEqual([
        '1',
        join('1', 'original.jpg'),
        join('1', 'w1000.webp'),
        join('1', 'w320.webp'),
        join('1', 'w640.webp'),
        join('1', 'w960.webp'),
      ]);
      const original = await sharp(join(mediaDir, '1', 'original.jpg')).metadata();
      expect([original.format, original.width, original.height]).toEqual(['jpeg', 1000, 600]);
      expect(await getMedia(deps, '1')).toEqual(item);
    });

    it('keeps the file name only, without folders or control characters', async () => {
      const item = await uploadImage(deps, contributor, {
        bytes: await makeImage('jpeg', 40, 30),
        fileName: 'C:\\fakepath\\صورة\u0000\n.jpg',
      });
      expect(item.originalName).toBe('صورة.jpg');
    });

    it('drops bidi overrides from the file name, so that it cannot pass for another type', async () => {
      const item = await uploadImage(deps, contributor, {
        bytes: await makeImage('jpeg', 40, 30),
        fileName: 'photo\u202Egpj.exe',
      });
      expect(item.originalName).toBe('photogpj.exe');
    });
  });

  describe('uploadImage refusals', () => {
    it.each([
      ['a shell script', SHELL_SCRIPT, 'text/x-shellscript'],
      ['an HTML page', HTML_PAGE, 'text/html'],
      [
        'an SVG',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        'image/svg+xml',
      ],
      ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'application/pdf'],
      ['plain text', Buffer.from('صورة.jpg\n'), 'text/plain'],
    ])('refuses %s named .jpg, saying what it is', async (_what, bytes, type) => {
      const error = await refusal(uploadImage(deps, contributor, { bytes, fileName: 'photo.jpg' }));
      expect([error.code, error.status, error.details]).toEqual([
        'UPLOAD_NOT_AN_IMAGE',
        415,
        { type },
      ]);
      expect(error.message).toBe(
        `This file is not a JPEG, PNG, WebP or AVIF image: its content is ${type}.`,
      );
      expect(await filesOnDisk()).toEqual([]);
    });

    it('refuses a GIF, which is an image but not one we take', async () => {
      const gif = await sharp({
        create: { width: 4, height: 4, channels: 3, background: '#000' },
      })
        .gif()
        .toBuffer();
      const error = await refusal(
        uploadImage(deps, contributor, { bytes: gif, fileName: 'a.jpg' }),
      );
      expect([error.code, error.details]).toEqual(['UPLOAD_NOT_AN_IMAGE', { type: 'image/gif' }]);
    });

    it('refuses unrecognisable bytes without guessing a type', async () => {
      const bytes = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
      const error = await refusal(uploadImage(deps, contributor, { bytes, fileName: 'x.png' }));
      expect([error.code, error.details, error.message]).toEqual([
        'UPLOAD_NOT_AN_IMAGE',
        {},
        'This file is not a JPEG, PNG, WebP or AVIF image.',
      ]);
    });

    it('refuses a file over the size limit before reading it', async () => {
      const bytes = await makeImage('png', 200, 200, { alpha: true });
      expect(bytes.length).toBeGreaterThan(1024);
      const error = await refusal(
        uploadImage({ ...deps, uploadMaxBytes: 1024 }, contributor, { bytes, fileName: 'a.png' }),
      );
      expect([error.code, error.status, error.details]).toEqual([
        'UPLOAD_TOO_LARGE',
        413,
        { maxBytes: 1024 },
      ]);
    });

    it('refuses an empty file', async () => {
      const error = await refusal(
        uploadImage(deps, contributor, { bytes: Buffer.alloc(0), fileName: 'a.jpg' }),
      );
      expect([error.code, error.status]).toEqual(['UPLOAD_MISSING', 400]);
    });

    it('refuses a truncated JPEG as damaged, and leaves no row and no file', async () => {
      const whole = await makeImage('jpeg', 800, 600);
      const bytes = whole.subarray(0, Math.floor(whole.length / 2));
      const error = await refusal(uploadImage(deps, contributor, { bytes, fileName: 'cut.jpg' }));
      expect([error.code, error.status, error.message]).toEqual([
        'UPLOAD_CORRUPT_IMAGE',
        422,
        'The image could not be read: the file is damaged or incomplete.',
      ]);
      expect(await filesOnDisk()).toEqual([]);
      expect((await listMedia(deps, { limit: 10 })).items).toEqual([]);
    });

    it('refuses an image of too many pixels from its header, before decoding it', async () => {
      const bytes = pngHeaderOnly(20_000, 20_000);
      const error = await refusal(uploadImage(deps, contributor, { bytes, fileName: 'bomb.png' }));
      expect([error.code, error.status, error.details, error.message]).toEqual([
        'UPLOAD_TOO_MANY_PIXELS',
        413,
        { megapixels: 50 },
        'The image has too many pixels: at most 50 megapixels.',
      ]);
      expect(await filesOnDisk()).toEqual([]);
    });

    it('takes an image of exactly uploadMaxPixels, and refuses one more row of pixels', async () => {
      const limited = { ...deps, uploadMaxPixels: 1_500_000 };
      const at = await uploadImage(limited, contributor, {
        bytes: await makeImage('png', 1500, 1000),
        fileName: 'at.png',
      });
      expect([at.width, at.height]).toEqual([1500, 1000]);
      const error = await refusal(
        uploadImage(limited, contributor, {
          bytes: await makeImage('png', 1500, 1001),
          fileName: 'over.png',
        }),
      );
      expect([error.code, error.details]).toEqual(['UPLOAD_TOO_MANY_PIXELS', { megapixels: 1.5 }]);
      expect((await listMedia(deps, { limit: 10 })).items.map((i) => i.id)).toEqual([at.id]);
    });

    it('waits for a free image slot before decoding, and stores nothing while it waits', async () => {
      const slots = pLimit(1);
      let release = () => {};
      const busy = slots(() => new Promise<void>((resolve) => (release = resolve)));
      let settled = false;
      const upload = uploadImage({ ...deps, imageSlots: slots }, contributor, {
        bytes: await makeImage('jpeg', 400, 300),
        fileName: 'waits.jpg',
      }).finally(() => (settled = true));
      for (let i = 0; i < 500 && slots.pendingCount === 0 && !settled; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect([slots.pendingCount, settled]).toEqual([1, false]);
      expect(await filesOnDisk()).toEqual([]);
      expect((await listMedia(deps, { limit: 10 })).items).toEqual([]);

      release();
      await busy;
      expect((await upload).widths).toEqual([320, 400]);
    });

    it('leaves no file when the row cannot be written', async () => {
      const ghost: Actor = { id: '999', role: 'contributor' };
      await expect(
        uploadImage(deps, ghost, { bytes: await makeImage('jpeg', 50, 50), fileName: 'a.jpg' }),
      ).rejects.toThrow(
        dialect === 'sqlite' ? /FOREIGN KEY constraint failed/ : /violates foreign key constraint/,
      );
      expect(await filesOnDisk()).toEqual([]);
    });

    it('replaces a folder left over from an earlier database', async () => {
      // An earlier database's image 1: the new database gives its first image the same id.
      await mkdir(join(mediaDir, '1'));
      await writeFile(join(mediaDir, '1', 'w700.webp'), 'an earlier image');
      const item = await uploadImage(deps, contributor, {
        bytes: await makeImage('jpeg', 300, 100),
        fileName: 'b.jpg',
      });
      expect(item.id).toBe('1');
      expect((await readdir(join(mediaDir, item.id))).sort()).toEqual([
        'original.jpg',
        'w300.webp',
      ]);
    });
  });

  describe('updateMediaDetails', () => {
    async function upload(actor: Actor) {
      return uploadImage(deps, actor, {
        bytes: await makeImage('jpeg', 40, 30),
        fileName: 'a.jpg',
      });
    }

    it('lets the uploader describe their image, each text on one trimmed line', async () => {
      const item = await upload(contributor);
      const updated = await updateMediaDetails(deps, contributor, item.id, {
        alt: '  دخان يتصاعد\n فوق  مدينة إدلب ',
        caption: 'إدلب، 29 نوفمبر/ تشرين الثاني 2026',
        credit: ' وكالة الأنباء ',
      });
      expect([updated.alt, updated.caption, updated.credit]).toEqual([
        'دخان يتصاعد فوق مدينة إدلب',
        'إدلب، 29 نوفمبر/ تشرين الثاني 2026',
        'وكالة الأنباء',
      ]);
      expect(await getMedia(deps, item.id)).toEqual(updated);
    });

    it("refuses a contributor changing another user's image, and changes nothing", async () => {
      const item = await upload(contributor);
      const error = await refusal(
        updateMediaDetails(deps, otherContributor, item.id, { alt: 'x', caption: '', credit: '' }),
      );
      expect([error.code, error.status]).toEqual(['FORBIDDEN', 403]);
      expect((await getMedia(deps, item.id)).alt).toBe('');
    });

    it('lets an editor describe anyone’s image', async () => {
      const item = await upload(contributor);
      await updateMediaDetails(deps, editor, item.id, { alt: 'خريطة', caption: '', credit: '' });
      expect((await getMedia(deps, item.id)).alt).toBe('خريطة');
    });

    it('refuses alt text over 400 characters, naming the field', async () => {
      const item = await upload(contributor);
      await expect(
        updateMediaDetails(deps, contributor, item.id, {
          alt: 'ب'.repeat(401),
          caption: '',
          credit: '',
        }),
      ).rejects.toMatchObject({ code: 'MEDIA_ALT_TOO_LONG', field: 'alt', status: 422 });
    });

    it.each(['99', 'abc', '0', ''])('answers the unknown id %j as not found', async (id) => {
      const error = await refusal(
        updateMediaDetails(deps, editor, id, { alt: 'x', caption: '', credit: '' }),
      );
      expect([error.code, error.status]).toEqual(['MEDIA_NOT_FOUND', 404]);
    });
  });

  describe('listMedia', () => {
    it('lists newest first, page by page', async () => {
      for (let i = 0; i < 5; i++) {
        await uploadImage(deps, contributor, {
          bytes: await makeImage('png', 10 + i, 10),
          fileName: `${i}.png`,
        });
      }
      const first = await listMedia(deps, { limit: 2 });
      expect([first.items.map((i) => i.id), first.nextBefore]).toEqual([['5', '4'], '4']);
      const second = await listMedia(deps, { limit: 2, before: first.nextBefore });
      expect([second.items.map((i) => i.id), second.nextBefore]).toEqual([['3', '2'], '2']);
      const last = await listMedia(deps, { limit: 2, before: second.nextBefore });
      expect([last.items.map((i) => i.id), last.nextBefore]).toEqual([['1'], null]);
    });
  });
});
