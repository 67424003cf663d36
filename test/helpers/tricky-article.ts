/**
 * A published article that feeds, sitemaps and link previews must get
 * right: an Arabic headline with a quotation mark and an ampersand, an
 * Arabic slug (its URL is percent-encoded), a section, a tag, a newsroom
 * byline and a featured JPEG, published an hour before the test clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { updateMediaDetails, uploadImage } from '../../src/services/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { MEDIA_LIMITS, makeImage } from './images.js';
import { content, createStaff } from './newsroom.js';
import { NOW, testSite, type TestSite } from './site.js';

export const TRICKY = {
  headline: 'بيان "عاجل" من وزارة الصحة & الهلال الأحمر في حلب',
  slug: 'بيان-عاجل-من-وزارة-الصحة-الهلال-الأحمر-في-حلب',
  excerpt: 'بيان مشترك: "لا خطر" & لا إصابات جديدة.',
  bodyHtml:
    '<p>قالت الوزارة إن "الوضع" تحت السيطرة &amp; إن الفرق تعمل.</p><p>اقرأ <a href="/a/258871304963183">الخبر السابق</a>.</p>',
  section: { slug: 'صحة', name: 'صحة' },
  tag: 'حلب',
  author: { name: 'محرر الصفحة الأولى', slug: 'محرر-الصفحة-الأولى' },
  /** When it was published: an hour before the test clock. */
  publishedAt: new Date(NOW.getTime() - 60 * 60 * 1000),
  image: { width: 1200, height: 630, alt: 'مبنى الوزارة في حلب' },
} as const;

/** `encodeURIComponent` of each part joined by `/`: the percent-encoded path (RFC 3986). */
export const enc = encodeURIComponent;

export interface TrickySite extends TestSite {
  id: string;
  mediaId: string;
  mediaDir: string;
  /** `/a/<id>/<percent-encoded slug>`. */
  canonicalPath: string;
}

/**
 * A test site with the demo article and the tricky one, media in a
 * temporary folder that `close()` removes.
 */
export async function trickySite(env: Record<string, string> = {}): Promise<TrickySite> {
  const mediaDir = await mkdtemp(join(tmpdir(), 'midad-feeds-'));
  const site = await testSite({ MIDAD_MEDIA_DIR: mediaDir, ...env });
  const then = () => TRICKY.publishedAt;
  const deps = { database: site.database, now: then };
  const staff = await createStaff(site.database, then);
  const section = await ensureSection(site.database.db, TRICKY.section, TRICKY.publishedAt);
  const media = await uploadImage({ ...deps, ...MEDIA_LIMITS, mediaDir }, staff.editor, {
    bytes: await makeImage('jpeg', TRICKY.image.width, TRICKY.image.height),
    fileName: 'حلب.jpg',
  });
  await updateMediaDetails(deps, staff.editor, media.id, {
    alt: TRICKY.image.alt,
    caption: '',
    credit: '',
  });
  const id = await createDraft(deps, staff.editor);
  await saveArticle(
    deps,
    staff.editor,
    id,
    content([staff.editor.id], {
      headline: TRICKY.headline,
      excerpt: TRICKY.excerpt,
      bodyHtml: TRICKY.bodyHtml,
      sectionId: section.id,
      tags: [TRICKY.tag],
      featuredMediaId: media.id,
    }),
  );
  await moveArticle(deps, staff.editor, id, 'publish');
  return {
    ...site,
    async close() {
      await site.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
    id,
    mediaId: media.id,
    mediaDir,
    canonicalPath: `/a/${id}/${enc(TRICKY.slug)}`,
  };
}
