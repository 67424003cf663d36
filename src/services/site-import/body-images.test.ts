import { describe, expect, it } from 'vitest';
import { variantWidths, type MediaItem } from '../../domain/media.js';
import type { SiteImage } from '../../domain/site-import.js';
import { BodyHtmlRefused, sanitizeBodyHtml } from '../body-html.js';
import { importBodyImages } from './body-images.js';
import type { ImageResolution } from './import-media.js';

const U = 'https://old.example/wp-content/uploads/2021/01';

function media(id: string, width: number, height: number, alt = ''): MediaItem {
  return {
    id,
    uploadedBy: '1',
    originalName: 'x.jpg',
    mime: 'image/jpeg',
    width,
    height,
    bytes: 1000,
    alt,
    caption: '',
    credit: '',
    widths: variantWidths(width),
    originalFile: 'original.jpg',
    createdAt: new Date('2026-12-03T21:00:00.000Z'),
  };
}

const SOUQ = media('7', 1200, 800, 'سوق حلب');
const MAP = media('8', 640, 480);

/** The old site's images: two found, everything else missing. Remembers what it was asked. */
function library() {
  const asked: SiteImage[] = [];
  const resolve = (image: SiteImage): Promise<ImageResolution> => {
    asked.push(image);
    if (image.url.startsWith(`${U}/souq`)) return Promise.resolve({ ok: true, media: SOUQ });
    if (image.url === `${U}/map.png?v=1&s=2`) return Promise.resolve({ ok: true, media: MAP });
    return Promise.resolve({ ok: false, reason: 'not in the uploads folder' });
  };
  return { asked, resolve };
}

const SOUQ_TAG = '<img src="/media/7/w960.webp" alt="سوق حلب" width="1200" height="800">';

describe('importBodyImages', () => {
  it('rewrites a found image as the editor writes it, keeping everything else byte for byte', async () => {
    const { asked, resolve } = library();
    const html =
      '<P CLASS=lead>مقدمة &nbsp;النص</P>\n' +
      `<figure class="wp-block-image size-large"><img src="${U}/souq-1024x683.jpg" alt="السوق القديم" class="wp-image-12" srcset="${U}/souq-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw"><figcaption>السوق بعد <em>الترميم</em></figcaption></figure>\n` +
      '<p>خاتمة</p>';

    const result = await importBodyImages(html, resolve);

    expect(result).toEqual({
      html:
        '<P CLASS=lead>مقدمة &nbsp;النص</P>\n' +
        '<figure class="wp-block-image size-large"><img src="/media/7/w960.webp" alt="السوق القديم" width="1200" height="800"><figcaption>السوق بعد <em>الترميم</em></figcaption></figure>\n' +
        '<p>خاتمة</p>',
      imported: [SOUQ],
      missing: [],
    });
    expect(asked).toEqual([
      { url: `${U}/souq-1024x683.jpg`, alt: 'السوق القديم', caption: 'السوق بعد الترميم' },
    ]);
  });

  it('takes the library’s alt text when the body has none, and escapes it', async () => {
    const quoted = media('9', 300, 200, 'قال "نعم" & مضى');
    const result = await importBodyImages(`<p><img src="${U}/q.jpg"></p>`, () =>
      Promise.resolve({ ok: true, media: quoted }),
    );
    expect(result.html).toBe(
      '<p><img src="/media/9/w300.webp" alt="قال &quot;نعم&quot; &amp; مضى" width="300" height="200"></p>',
    );
  });

  it('reads the address with its entities decoded, and a lazy loader’s data-src', async () => {
    const { asked, resolve } = library();
    const html =
      `<p><img src="${U}/map.png?v=1&amp;s=2" alt=""></p>` +
      `<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${U}/souq.jpg"></p>`;
    const result = await importBodyImages(html, resolve);
    expect(asked.map((a) => a.url)).toEqual([`${U}/map.png?v=1&s=2`, `${U}/souq.jpg`]);
    expect(result.html).toBe(
      '<p><img src="/media/8/w640.webp" alt="" width="640" height="480"></p>' +
        `<p>${SOUQ_TAG}</p>`,
    );
  });

  it('removes a link to the image’s file, and keeps a link to a page', async () => {
    const { resolve } = library();
    const html =
      `<p><a href="${U}/souq.jpg"> <img src="${U}/souq-300x200.jpg"> </a></p>\n` +
      `<p><a href="https://old.example/2021/01/souq/"><img src="${U}/souq-300x200.jpg"></a></p>`;
    expect((await importBodyImages(html, resolve)).html).toBe(
      `<p>${SOUQ_TAG}</p>\n` + `<p><a href="https://old.example/2021/01/souq/">${SOUQ_TAG}</a></p>`,
    );
  });

  it('removes a missing image with the paragraph, link and figure it leaves empty, and lists it', async () => {
    const { resolve } = library();
    const html =
      '<p>أول</p>\n' +
      `<p><img src="${U}/gone-1.jpg"><br></p>\n` +
      `<figure class="wp-block-image"><a href="${U}/gone-2.jpg"><img src="${U}/gone-2-300x200.jpg" alt="غائبة"></a><figcaption>صورة لم تعد موجودة</figcaption></figure>\n` +
      `<p>قبل <img src="${U}/gone-3.jpg"> بعد</p>\n` +
      `<p><a href="https://old.example/page/"><strong><img src="${U}/gone-4.jpg"></strong></a></p>`;

    expect(await importBodyImages(html, resolve)).toEqual({
      html: '<p>أول</p>\n\n\n<p>قبل  بعد</p>\n',
      imported: [],
      missing: [
        { url: `${U}/gone-1.jpg`, reason: 'not in the uploads folder' },
        { url: `${U}/gone-2-300x200.jpg`, reason: 'not in the uploads folder' },
        { url: `${U}/gone-3.jpg`, reason: 'not in the uploads folder' },
        { url: `${U}/gone-4.jpg`, reason: 'not in the uploads folder' },
      ],
    });
  });

  it('removes a gallery whose images are all missing, and keeps one with an image found', async () => {
    const { resolve } = library();
    const gallery = (a: string, b: string) =>
      `<figure class="wp-block-gallery"><ul><li><figure><img src="${U}/${a}"></figure></li>` +
      `<li><figure><img src="${U}/${b}"></figure></li></ul><figcaption>معرض</figcaption></figure>`;
    const html = `${gallery('gone-1.jpg', 'gone-2.jpg')}\n${gallery('souq.jpg', 'gone-3.jpg')}`;

    const result = await importBodyImages(html, resolve);

    expect(result.html).toBe(
      '\n' +
        `<figure class="wp-block-gallery"><ul><li><figure>${SOUQ_TAG}</figure></li>` +
        '</ul><figcaption>معرض</figcaption></figure>',
    );
    expect(result.missing.map((m) => m.url)).toEqual([
      `${U}/gone-1.jpg`,
      `${U}/gone-2.jpg`,
      `${U}/gone-3.jpg`,
    ]);
  });

  it('lists an image without an address as missing', async () => {
    const result = await importBodyImages('<p>نص<img alt="بلا عنوان"></p>', (image) =>
      Promise.resolve(
        image.url === '' ? { ok: false, reason: 'no address' } : { ok: true, media: SOUQ },
      ),
    );
    expect(result).toEqual({
      html: '<p>نص</p>',
      imported: [],
      missing: [{ url: '', reason: 'no address' }],
    });
  });

  it('leaves images in noscript and template alone, as the sanitiser drops them', async () => {
    const { asked, resolve } = library();
    const html = `<noscript><img src="${U}/gone.jpg"></noscript><template><img src="${U}/gone.jpg"></template>`;
    expect(await importBodyImages(html, resolve)).toEqual({ html, imported: [], missing: [] });
    expect(asked).toEqual([]);
  });

  it('refuses a body over the size limit before resolving any image', async () => {
    const { asked, resolve } = library();
    const html = `<p><img src="${U}/souq.jpg">${'نص '.repeat(70_000)}</p>`;
    await expect(importBodyImages(html, resolve)).rejects.toThrow(BodyHtmlRefused);
    expect(asked).toEqual([]);
  });

  it('leaves a body without images as it is', async () => {
    const html = '<p dir="auto">خبر <b>عاجل</b></p>\n<!-- تعليق -->';
    expect(await importBodyImages(html, library().resolve)).toEqual({
      html,
      imported: [],
      missing: [],
    });
  });

  it('gives the sanitiser images it keeps, made responsive', async () => {
    const { resolve } = library();
    const { html } = await importBodyImages(
      `<figure><img src="${U}/souq.jpg" alt="سوق"><figcaption>السوق</figcaption></figure>`,
      resolve,
    );
    expect(sanitizeBodyHtml(html)).toBe(
      '<figure><img src="/media/7/w960.webp" alt="سوق" width="1200" height="800" ' +
        'srcset="/media/7/w320.webp 320w, /media/7/w640.webp 640w, /media/7/w960.webp 960w, /media/7/w1200.webp 1200w" ' +
        'sizes="(min-width: 42rem) 40rem, 100vw" loading="lazy" decoding="async" />' +
        '<figcaption>السوق</figcaption></figure>',
    );
  });
});
