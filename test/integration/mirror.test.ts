/**
 * Issue 22: `midad mirror`. A mirror written from a test site (every kind
 * of row: articles, a static page, a section, tags, an author, an image,
 * live coverage, a draft), served by a plain static file server that
 * resolves no folder to its index.html (as `file://` does not), then every
 * link of every page and stylesheet followed: none broken, none to the
 * origin but canonical links; every published article there, the draft
 * nowhere. The signed manifest verifies; a changed, missing or added file
 * fails, naming it. A second run writes only what changed.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  appendFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import vm from 'node:vm';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { translator } from '../../src/i18n/format.js';
import { AppError } from '../../src/lib/errors.js';
import { createArticle, createDraft, saveArticle } from '../../src/services/edit-article.js';
import { mirrorPublicKey } from '../../src/services/mirror-keys.js';
import { listMirrorFiles, verifyMirror } from '../../src/services/mirror-manifest.js';
import {
  ALTERNATE_ADDRESSES_SETTING,
  formatAlternateAddresses,
} from '../../src/domain/alternate-addresses.js';
import { setSetting } from '../../src/storage/repositories/settings.repository.js';
import { moveArticle } from '../../src/services/move-article.js';
import { removeTag } from '../../src/services/taxonomy.js';
import type { Database } from '../../src/storage/database.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { buildApp } from '../../src/web/app.js';
import {
  runWasCutShort,
  UNFINISHED_RUN_FILE,
  writeMirror,
} from '../../src/web/mirror/write-mirror.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import { BIG_ID, fillSite } from '../helpers/full-site.js';
import { content, type Staff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';
import { staticServer } from '../helpers/static-server.js';
import { testFolder } from '../helpers/temp-folder.js';

const ORIGIN = 'https://news.example';
const DRAFT_HEADLINE = 'مسودة سرية لم تنشر بعد';
const PAGE = { headline: 'من نحن', slug: 'من-نحن' };

type Node = DefaultTreeAdapterMap['node'];

/** Every URL in `html`'s link attributes, with whether it is a canonical link. */
function linksOf(html: string): Array<{ url: string; canonical: boolean }> {
  const found: Array<{ url: string; canonical: boolean }> = [];
  const visit = (node: Node) => {
    if ('attrs' in node) {
      const rel = node.attrs.find((a) => a.name === 'rel')?.value ?? '';
      for (const { name, value } of node.attrs) {
        const canonical = node.tagName === 'link' && rel === 'canonical';
        if (['href', 'src', 'action', 'poster', 'formaction'].includes(name)) {
          found.push({ url: value.trim(), canonical });
        }
        if (name === 'srcset') {
          for (const c of value.split(','))
            found.push({ url: c.trim().split(/\s+/)[0]!, canonical });
        }
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return found;
}

/**
 * Every link of `files` (the mirror's pages and stylesheets in `out`),
 * followed through a static server: those that are broken, root-relative,
 * name a folder or lead to the origin (but canonical links). `checked`
 * gets each target's status.
 */
async function brokenLinks(
  out: string,
  files: readonly string[],
  checked = new Map<string, number>(),
): Promise<string[]> {
  const { server, base } = await staticServer(out);
  const problems: string[] = [];
  try {
    for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
      const text = await readFile(join(out, file), 'utf8');
      const page = new URL(file.split('/').map(encodeURIComponent).join('/'), `${base}/`);
      const urls = file.endsWith('.css')
        ? [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => ({
            url: m[1]!,
            canonical: false,
          }))
        : linksOf(text);
      for (const { url, canonical } of urls) {
        if (url.startsWith('#')) continue;
        const target = new URL(url, page);
        if (target.origin === ORIGIN) {
          if (!canonical) problems.push(`${file}: ${url} leads to the origin`);
          continue;
        }
        if (target.origin !== base) continue;
        if (url.startsWith('/')) problems.push(`${file}: ${url} is root-relative`);
        if (target.pathname.endsWith('/')) problems.push(`${file}: ${url} names a folder`);
        const key = target.pathname;
        if (!checked.has(key)) checked.set(key, (await fetch(new URL(key, base))).status);
        if (checked.get(key) !== 200) problems.push(`${file}: ${url} is ${checked.get(key)}`);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return problems;
}

/** The mirror files that `file` in `out` links to (its links resolved, decoded). */
async function filesLinkedFrom(out: string, file: string): Promise<string[]> {
  const base = new URL(file.split('/').map(encodeURIComponent).join('/'), 'http://m.invalid/');
  return linksOf(await readFile(join(out, file), 'utf8')).flatMap(({ url }) => {
    const target = new URL(url, base);
    return target.origin === 'http://m.invalid'
      ? [target.pathname.slice(1).split('/').map(decodeURIComponent).join('/')]
      : [];
  });
}

/** Options that gather the files a run writes into `written`. */
const gathering = (written: string[]) => ({ onWritten: (file: string) => void written.push(file) });

describeEachDialect((dialect) => {
  let database: Database;
  let staff: Staff;
  let config: Config;
  let draftId: string;
  let out: string;
  const deps = () => ({ database, now: () => NOW });

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    const mediaDir = testFolder('mirror-media');
    staff = await fillSite(database, mediaDir);
    const page = await createArticle(
      deps(),
      staff.editor,
      content([staff.editor.id], { ...PAGE, tags: [] }),
      { kind: 'page' },
    );
    await moveArticle(deps(), staff.editor, page, 'publish');
    draftId = await createDraft(deps(), staff.author);
    await saveArticle(
      deps(),
      staff.author,
      draftId as never,
      content([staff.author.id], { headline: DRAFT_HEADLINE, tags: ['تسريب'] }),
    );
    config = loadConfig({ MIDAD_BASE_URL: ORIGIN, MIDAD_MEDIA_DIR: mediaDir });
    out = join(testFolder('mirror'), 'site');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database.close();
  });

  it('writes every published article and no draft; from a static server no link is broken or leads to the origin', async () => {
    const summary = await writeMirror({ config, database, now: () => NOW }, out);
    expect(summary.failed).toEqual([]);
    expect(summary.removed).toBe(0);
    const files = await listMirrorFiles(out);
    expect(summary.files).toBe(files.length - 3); // the manifest, its signature and the key

    const published = await database.db
      .selectFrom('articles')
      .select(['id', 'kind'])
      .where('status', '=', 'published')
      .execute();
    expect(published.length).toBeGreaterThanOrEqual(3);
    for (const { id, kind } of published) {
      if (kind === 'page') continue;
      expect(files.some((f) => new RegExp(`^a/${String(id)}/([^/]+/)?index\\.html$`).test(f))).toBe(
        true,
      );
    }
    expect(files).toContain(`p/${PAGE.slug}/index.html`);
    expect(files.filter((f) => f.startsWith(`a/${draftId}/`))).toEqual([]);
    for (const file of files) {
      expect((await readFile(join(out, file))).includes(DRAFT_HEADLINE)).toBe(false);
    }
    // Images, the stylesheet and the fonts it uses are there.
    expect(files.some((f) => /^media\/[0-9]+\/w[0-9]+\.webp$/.test(f))).toBe(true);
    expect(files.some((f) => /^assets\/site\.[0-9a-f]+\.css$/.test(f))).toBe(true);
    expect(files.some((f) => /^fonts\/noto-naskh-arabic-.*\.woff2$/.test(f))).toBe(true);

    const checked = new Map<string, number>();
    expect(await brokenLinks(out, files, checked)).toEqual([]);
    expect(checked.size).toBeGreaterThan(10);
  });

  it('signs a manifest that verifies, and fails naming a changed, added or missing file', async () => {
    const app = await buildApp({
      config,
      database,
      now: () => NOW,
      logRequests: false,
      viewCounter: new ViewCounter({ sink: async () => {} }),
    });
    const published = () => app.inject({ method: 'GET', url: '/mirror/public-key.pem' });
    try {
      // The key is made by the first mirror, and published by the site from then on.
      expect((await published()).statusCode).toBe(404);
      await writeMirror({ config, database, now: () => NOW }, out);
      expect((await published()).body).toBe(await mirrorPublicKey(database.db));
    } finally {
      await app.close();
    }
    const key = await mirrorPublicKey(database.db);
    expect(key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(await readFile(join(out, 'mirror/public-key.pem'), 'utf8')).toBe(key);
    const verified = await verifyMirror(out, key!);
    expect(verified.keyFrom).toBe('given');
    expect(verified.manifest.writtenAt).toBe(NOW.toISOString());
    expect(verified.manifest.site).toBe(ORIGIN);

    const failure = async () => {
      const error = await verifyMirror(out, key!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return { code: (error as AppError).code, ...(error as AppError).details };
    };
    const home = join(out, 'index.html');
    const original = await readFile(home);
    await appendFile(home, ' ');
    expect(await failure()).toEqual({
      code: 'MIRROR_NOT_VERIFIED',
      file: 'index.html',
      reason: 'changed',
    });
    await writeFile(home, original);
    await writeFile(join(out, 'extra.html'), 'x');
    expect(await failure()).toEqual({
      code: 'MIRROR_NOT_VERIFIED',
      file: 'extra.html',
      reason: 'not in the manifest',
    });
    await rm(join(out, 'extra.html'));
    // A symbolic link, new or in a listed file's place, is no file of the mirror.
    await symlink('../index.html', join(out, 'mirror', 'copy.html'));
    expect(await failure()).toEqual({
      code: 'MIRROR_NOT_VERIFIED',
      file: 'mirror/copy.html',
      reason: 'not a plain file',
    });
    await rm(join(out, 'mirror', 'copy.html'));
    await rm(join(out, 'robots.txt'));
    expect(await failure()).toEqual({
      code: 'MIRROR_NOT_VERIFIED',
      file: 'robots.txt',
      reason: 'missing',
    });

    // Signed by another key: the signature does not match.
    const other = generateKeyPairSync('ed25519');
    const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const wrong = await verifyMirror(out, otherPem).catch((e: unknown) => e as AppError);
    expect((wrong as AppError).details).toEqual({
      file: 'mirror/manifest.json',
      reason: 'the signature does not match',
    });
  });

  it('midad mirror verify says so and exits 0, or names the changed file and exits 1', async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const keyFile = join(testFolder('mirror-key'), 'key.pem');
    await writeFile(keyFile, (await mirrorPublicKey(database.db))!);
    expect(await run(['mirror', 'verify', '--key', keyFile, out])).toBe(0);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^${out}: verified, [0-9]+ files of ${ORIGIN} written at ${NOW.toISOString()}$`),
    );
    await appendFile(join(out, 'rss.xml'), '\n');
    expect(await run(['mirror', 'verify', '--key', keyFile, out])).toBe(1);
    expect(lines.at(-1)).toBe(`midad: The mirror did not verify: rss.xml: changed`);
    // A device or a huge file given as the key is refused without being read.
    expect(await run(['mirror', 'verify', '--key', '/dev/zero', out])).toBe(1);
    expect(lines.at(-1)).toBe('midad: Cannot read the key file /dev/zero.');
    // A folder that is not there is named so, not as a mirror without its manifest.
    const gone = join(testFolder('mirror-gone'), 'no-such-folder');
    expect(await run(['mirror', 'verify', gone])).toBe(1);
    expect(lines.at(-1)).toBe(`midad: There is no folder ${gone}.`);
    expect(await run(['mirror', 'verify', join(out, 'rss.xml')])).toBe(1);
    expect(lines.at(-1)).toBe(`midad: There is no folder ${join(out, 'rss.xml')}.`);
  });

  it('a second run writes only what changed, and removes what was unpublished', async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    const again = await writeMirror({ config, database, now: () => NOW }, out);
    expect(again.written).toBe(0);
    expect(again.removed).toBe(0);

    await moveArticle(deps(), staff.editor, BIG_ID as never, 'unpublish');
    const after = await writeMirror({ config, database, now: () => NOW }, out);
    expect(after.removed).toBeGreaterThan(0);
    expect(await stat(join(out, `a/${BIG_ID}`)).catch(() => null)).toBeNull();
    await verifyMirror(out);
  });

  it('publishing one article writes its page and the pages, feeds and sitemaps that list it', async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    const id = await createArticle(
      deps(),
      staff.editor,
      content([staff.editor.id], { headline: 'خبر جديد عن الطقس', tags: ['طقس'] }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    const written: string[] = [];
    const after = await writeMirror({ config, database, now: () => NOW }, out, gathering(written));
    expect(after.removed).toBe(0);
    expect(after.written).toBe(written.length);
    // Its page and lite page; the article whose related stories now show it; the home page and
    // its lite page; its tag's and author's pages and feeds; the site's feeds; the month's and
    // the news sitemap; search.
    const author = 'author/محرر-الصفحة-الأولى';
    expect(written.map((f) => f.replace(/^(lite\/)?a\/[0-9]+\//, '$1a/<id>/')).sort()).toEqual(
      [
        'a/<id>/أبل-تعلن-عن-iphone-15-في-12-مارس-محدث/index.html',
        'a/<id>/خبر-جديد-عن-الطقس/index.html',
        'atom.xml',
        `${author}/atom.xml`,
        `${author}/feed.json`,
        `${author}/index.html`,
        `${author}/rss.xml`,
        'feed.json',
        'index.html',
        'lite/a/<id>/index.html',
        'lite/index.html',
        'mirror/search/a0.js',
        'mirror/search/t0.js',
        'rss.xml',
        'sitemaps/2026-11.xml',
        'sitemaps/news.xml',
        'tag/طقس/atom.xml',
        'tag/طقس/feed.json',
        'tag/طقس/index.html',
        'tag/طقس/rss.xml',
      ].sort(),
    );
    expect(written).toContain(`a/${id}/خبر-جديد-عن-الطقس/index.html`);
    await verifyMirror(out);
  });

  it('since the last run, renders again only the articles saved since, and every listing', async () => {
    const hour = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
    await writeMirror({ config, database, now: () => hour(1) }, out);
    const before = await listMirrorFiles(out);
    const later = { database, now: () => hour(2) };
    const id = await createArticle(
      later,
      staff.editor,
      content([staff.editor.id], { headline: 'خبر جديد عن الطقس', tags: ['طقس'] }),
    );
    await moveArticle(later, staff.editor, id, 'publish');
    const progress: Array<[number, number]> = [];
    const written: string[] = [];
    const after = await writeMirror({ config, database, now: () => hour(2) }, out, {
      sinceLastRun: true,
      onProgress: (done, total) => void progress.push([done, total]),
      ...gathering(written),
    });
    expect(after.failed).toEqual([]);
    // The bar counts this run's files one by one, never past the files it knows of, and ends full.
    expect(progress.filter(([done, total], at) => done !== at + 1 || done > total)).toEqual([]);
    expect(progress.at(-1)).toEqual([progress.length, progress.length]);
    expect(progress.length).toBeGreaterThan(after.written);
    expect(after.removed).toBe(0);
    // Of the article pages, only the new one was made: the others were kept as they were.
    expect(written.filter((f) => f.startsWith('a/') || f.startsWith('lite/a/')).sort()).toEqual(
      [`a/${id}/خبر-جديد-عن-الطقس/index.html`, `lite/a/${id}/index.html`].sort(),
    );
    expect(written).toContain('tag/طقس/index.html');
    expect(written).toContain('index.html');
    const files = await listMirrorFiles(out);
    // The editor's first article gives them an author page.
    const author = 'author/محرر-الصفحة-الأولى';
    expect(files.filter((f) => !before.includes(f))).toEqual(
      [
        `a/${id}/خبر-جديد-عن-الطقس/index.html`,
        `${author}/atom.xml`,
        `${author}/feed.json`,
        `${author}/index.html`,
        `${author}/rss.xml`,
        `lite/a/${id}/index.html`,
        'tag/طقس/atom.xml',
        'tag/طقس/feed.json',
        'tag/طقس/index.html',
        'tag/طقس/rss.xml',
      ].sort(),
    );
    expect(before.filter((f) => !files.includes(f))).toEqual([]);
    expect((await verifyMirror(out)).manifest.writtenAt).toBe(hour(2).toISOString());
  });

  it('since the last run, an unpublished article and a removed tag leave no file and no broken link', async () => {
    const hour = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
    // An article of the same section, whose related stories (full and lite pages) list the one to go.
    const section = await database.db
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'اقتصاد')
      .executeTakeFirstOrThrow();
    const neighbour = await createArticle(
      deps(),
      staff.editor,
      content([staff.editor.id], {
        headline: 'أسعار القمح في الأسواق',
        sectionId: String(section.id),
        tags: [],
      }),
    );
    await moveArticle(deps(), staff.editor, neighbour, 'publish');
    await writeMirror({ config, database, now: () => hour(1) }, out);
    const before = await listMirrorFiles(out);
    const article = (f: string) => /^(lite\/)?a\//.test(f);
    const linkedBefore = new Map<string, string[]>();
    for (const file of before.filter(article)) {
      linkedBefore.set(file, await filesLinkedFrom(out, file));
    }
    const later = { database, now: () => hour(2) };
    await moveArticle(later, staff.editor, BIG_ID as never, 'unpublish');
    const tag = await database.db
      .selectFrom('tags')
      .select('id')
      .where('slug', '=', 'هواتف')
      .executeTakeFirstOrThrow();
    await removeTag(later, staff.administrator, String(tag.id), true);
    const written: string[] = [];
    const after = await writeMirror({ config, database, now: () => hour(2) }, out, {
      sinceLastRun: true,
      ...gathering(written),
    });
    expect(after.failed).toEqual([]);
    const files = await listMirrorFiles(out);
    const gone = before.filter((f) => !files.includes(f));
    // Its pages, its month's sitemap (it was the only article of January 2020), the tag's.
    expect(gone).toEqual([
      `a/${BIG_ID}/خبر-بمعرف-طويل/index.html`,
      `lite/a/${BIG_ID}/index.html`,
      'sitemaps/2020-01.xml',
      'tag/هواتف/atom.xml',
      'tag/هواتف/feed.json',
      'tag/هواتف/index.html',
      'tag/هواتف/rss.xml',
    ]);
    expect(after.removed).toBe(gone.length);
    // The kept article pages (full and lite) that linked to what left, and only they, were made again.
    const linking = [...linkedBefore]
      .filter(([file, linked]) => files.includes(file) && linked.some((f) => gone.includes(f)))
      .map(([file]) => file);
    // The section neighbour's pages (their related stories), the tag's articles (full pages:
    // lite pages show no tags).
    expect(written.filter(article).sort()).toEqual(
      [
        `a/${neighbour}/أسعار-القمح-في-الأسواق/index.html`,
        `lite/a/${neighbour}/index.html`,
        ...before.filter((f) => /^a\/[0-9]+\/أبل-تعلن-عن-iphone-15-في-12-مارس-محدث\//.test(f)),
      ].sort(),
    );
    expect(await brokenLinks(out, files)).toEqual([]);
    expect(written.filter(article).sort()).toEqual(linking.sort());
    await verifyMirror(out);
  });

  it('a wrong media folder is refused before anything is written; a missing image is listed', async () => {
    for (const mediaDir of [
      join(testFolder('mirror-no-media'), 'absent'),
      testFolder('mirror-empty-media'),
    ]) {
      const wrong = loadConfig({ MIDAD_BASE_URL: ORIGIN, MIDAD_MEDIA_DIR: mediaDir });
      const error = await writeMirror({ config: wrong, database, now: () => NOW }, out).catch(
        (e: unknown) => e as AppError,
      );
      expect((error as AppError).code).toBe('MIRROR_MEDIA_MISSING');
      expect((error as AppError).toUserMessage(translator('en'))).toBe(
        `The media folder ${mediaDir} does not exist or holds none of the site's images, so the mirror would show none: give the right folder with --media-dir or MIDAD_MEDIA_DIR.`,
      );
      expect(await stat(out).catch(() => null)).toBeNull();
    }
    // One image file gone from the right folder: the mirror is written, and says which.
    const image = await database.db.selectFrom('media').select('id').executeTakeFirstOrThrow();
    const folder = join(config.mediaDir, String(image.id));
    const gone = (await readdir(folder)).filter((f) => f.startsWith('w640.'));
    for (const file of gone) await rm(join(folder, file));
    const summary = await writeMirror({ config, database, now: () => NOW }, out);
    expect(summary.failed.map((f) => `${f.path} ${f.status}`)).toEqual(
      gone.map((f) => `/media/${String(image.id)}/${f} 404`),
    );
  });

  it("leaves an operator's own files in the folder, and says so", async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    await writeFile(join(out, 'README.md'), 'mine');
    await mkdir(join(out, '.well-known'));
    await writeFile(join(out, '.well-known', 'security.txt'), 'mine');
    for (const sinceLastRun of [false, true]) {
      const again = await writeMirror({ config, database, now: () => NOW }, out, { sinceLastRun });
      expect(again.removed).toBe(0);
      expect(again.unlisted).toEqual(['.well-known/security.txt', 'README.md']);
    }
    expect(await readFile(join(out, 'README.md'), 'utf8')).toBe('mine');
    const error = await verifyMirror(out).catch((e: unknown) => e as AppError);
    expect((error as AppError).details).toEqual({
      file: '.well-known/security.txt',
      reason: 'not in the manifest',
    });
  });

  it('never writes or removes through a symbolic link put in the folder: the link goes, its target stays', async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    const outside = testFolder('mirror-outside');
    await writeFile(join(outside, 'victim.txt'), 'VICTIM');
    await mkdir(join(outside, 'folder'));
    await writeFile(join(outside, 'folder', 'index.html'), 'keep');
    await rm(join(out, 'robots.txt'));
    await symlink(join(outside, 'victim.txt'), join(out, 'robots.txt'));
    await rm(join(out, 'corrections'), { recursive: true });
    await symlink(join(outside, 'folder'), join(out, 'corrections'));
    // A FIFO, whose opening for writing would block the run for ever.
    await rm(join(out, 'index.html'));
    execFileSync('mkfifo', [join(out, 'index.html')]);
    for (const sinceLastRun of [false, true]) {
      await writeMirror({ config, database, now: () => NOW }, out, { sinceLastRun });
      expect(await readFile(join(outside, 'victim.txt'), 'utf8')).toBe('VICTIM');
      expect(await readFile(join(outside, 'folder', 'index.html'), 'utf8')).toBe('keep');
      expect((await lstat(join(out, 'robots.txt'))).isFile()).toBe(true);
      expect((await lstat(join(out, 'corrections'))).isDirectory()).toBe(true);
      expect((await lstat(join(out, 'index.html'))).isFile()).toBe(true);
      expect((await verifyMirror(out)).manifest.site).toBe(ORIGIN);
    }
  });

  it('removes nothing outside its folder when its earlier manifest names a path that leads out', async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    const outside = join(out, '..', 'outside.txt');
    await writeFile(outside, 'mine');
    const manifest = join(out, 'mirror', 'manifest.json');
    const text = await readFile(manifest, 'utf8');
    expect(text).toContain('"path": "robots.txt"');
    await writeFile(manifest, text.replace('"path": "robots.txt"', '"path": "../outside.txt"'));
    for (const sinceLastRun of [true, false]) {
      await writeMirror({ config, database, now: () => NOW }, out, { sinceLastRun });
      expect(await readFile(outside, 'utf8')).toBe('mine');
    }
    expect((await verifyMirror(out)).manifest.site).toBe(ORIGIN);
  });

  it('marks a run until its manifest is signed, so that a run cut short is known and made again', async () => {
    await writeMirror({ config, database, now: () => NOW }, out);
    expect(await runWasCutShort(out)).toBe(false);
    // A run stopped half-way: a page rewritten, the mark left, the old manifest.
    await writeFile(join(out, UNFINISHED_RUN_FILE), 'cut short\n');
    await writeFile(join(out, 'index.html'), 'half written');
    expect(await runWasCutShort(out)).toBe(true);
    const error = await verifyMirror(out).catch((e: unknown) => e as AppError);
    expect((error as AppError).details).toEqual({ file: 'index.html', reason: 'changed' });
    await writeMirror({ config, database, now: () => NOW }, out, { sinceLastRun: true });
    expect(await runWasCutShort(out)).toBe(false);
    expect((await verifyMirror(out)).manifest.site).toBe(ORIGIN);
    // A first run cut short left pages and the mark, no manifest: the folder is still taken.
    const first = join(testFolder('mirror-first'), 'site');
    await mkdir(join(first, 'mirror'), { recursive: true });
    await writeFile(join(first, UNFINISHED_RUN_FILE), 'cut short\n');
    await writeFile(join(first, 'index.html'), 'half written');
    await writeMirror({ config, database, now: () => NOW }, first);
    expect((await verifyMirror(first)).manifest.site).toBe(ORIGIN);
  });

  it('its search finds an article by a headline word in any spelling, from the chunks it loads', async () => {
    const id = await createArticle(
      deps(),
      staff.editor,
      content([staff.editor.id], { headline: 'افتتاح المدرسة الكبرى في مدينة حلب', tags: [] }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    const other = await createArticle(
      deps(),
      staff.editor,
      content([staff.editor.id], { headline: 'الوزارة المسؤولة عن البيئة تعلن خطتها', tags: [] }),
    );
    await moveArticle(deps(), staff.editor, other, 'publish');
    await writeMirror({ config, database, now: () => NOW }, out);
    const files = await listMirrorFiles(out);
    const page = files.find((f) => f.startsWith(`a/${id}/`))!;
    expect(files).toContain('search/index.html');
    expect(files.filter((f) => f.startsWith('mirror/search/t')).length).toBeGreaterThanOrEqual(1);

    const context = vm.createContext({});
    const script = (name: string) => readFile(join(out, 'mirror/search', `${name}.js`), 'utf8');
    const loaded: string[] = [];
    vm.runInContext(await script('search'), context);
    const search = context.midadSearch as {
      load: (name: string, failed: () => void) => void;
      find: (query: string, done: (results: Array<[string, string]>) => void) => void;
    };
    search.load = (name, failed) => {
      loaded.push(name);
      script(name).then((code) => vm.runInContext(code, context), failed);
    };
    const find = (query: string) =>
      new Promise<Array<[string, string]>>((resolve) => search.find(query, resolve));
    const hit = [
      `../${page.split('/').map(encodeURIComponent).join('/')}`,
      'افتتاح المدرسة الكبرى في مدينة حلب',
    ];
    for (const query of [
      'المدرسة',
      'المدرسه', // taa marbuta written as haa
      'الْمَدْرَسَةُ', // harakat
      'الكبرى الكبري', // alef maqsura and yaa
      'إفتتاح', // a hamza the headline does not write
      'حـــلب', // tatweel
    ]) {
      expect(await find(query)).toEqual([hit]);
    }
    // Stems, as the site's search reads them: the article «ال», particles, suffixes, hamza seats.
    for (const query of ['مدرسة', 'والمدرسة', 'بمدرستها', 'حلب ومدرستها']) {
      expect(await find(query)).toEqual([hit]);
    }
    const otherPage = files.find((f) => f.startsWith(`a/${other}/`))!;
    const otherHit = [
      `../${otherPage.split('/').map(encodeURIComponent).join('/')}`,
      'الوزارة المسؤولة عن البيئة تعلن خطتها',
    ];
    for (const query of ['مسئولة', 'مسؤول', 'المسئولين', 'بيئة', 'البيئه', 'وزارة مسئولة']) {
      expect(await find(query)).toEqual([otherHit]);
    }
    // A stop word alone is searched; beside other words it is left out.
    expect(await find('عن المسئولة')).toEqual([otherHit]);
    expect(await find('المدرسة باريس')).toEqual([]);
    expect(await find('مسئولة حلب')).toEqual([]);
    expect(loaded[0]).toBe('meta');
    expect(loaded.every((name) => /^(meta|t[0-9]+|a[0-9]+)$/.test(name))).toBe(true);
  });

  it('holds the page of the alternate addresses that the footer links, marks every page, and links the site search without JavaScript', async () => {
    await setSetting(
      database.db,
      ALTERNATE_ADDRESSES_SETTING,
      formatAlternateAddresses({
        onion: null,
        mirrors: [{ url: 'https://mirror.example/', label: 'مرآة أوروبا' }],
      }),
    );
    const summary = await writeMirror({ config, database, now: () => NOW }, out);
    expect(summary.failed).toEqual([]);
    const home = await readFile(join(out, 'index.html'), 'utf8');
    expect(home).toContain('<p><a href="mirrors/index.html">عناوين بديلة</a></p>');
    const mirrors = await readFile(join(out, 'mirrors/index.html'), 'utf8');
    expect(mirrors).toContain(
      '<a href="https://mirror.example/" dir="ltr">https://mirror.example/</a>',
    );
    expect(mirrors).toContain('<a href="../index.html"');
    // Every page the site rendered carries the mark on <html>, once; the mirror's own pages have no page script.
    const pages = (await listMirrorFiles(out)).filter(
      (f) => f.endsWith('.html') && !f.startsWith('mirror/') && f !== 'search/index.html',
    );
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = await readFile(join(out, file), 'utf8');
      expect([file, html.match(/<html data-mirror="" lang="ar" dir="rtl"/g)?.length]).toEqual([
        file,
        1,
      ]);
    }
    expect(await readFile(join(out, 'search/index.html'), 'utf8')).toContain(
      `<p><a href="${ORIGIN}/search">ابحث على الموقع نفسه</a></p></noscript>`,
    );
  });

  it('refuses a folder that holds other files, writing nothing', async () => {
    const folder = testFolder('mirror-busy');
    await writeFile(join(folder, 'notes.txt'), 'mine');
    const error = await writeMirror({ config, database, now: () => NOW }, folder).catch(
      (e: unknown) => e as AppError,
    );
    expect((error as AppError).code).toBe('MIRROR_TARGET_INVALID');
    expect(await listMirrorFiles(folder)).toEqual(['notes.txt']);
  });

  it('refuses at once, with a message, a folder that cannot be made', async () => {
    const folder = testFolder('mirror-under-a-file');
    await writeFile(join(folder, 'a-file'), 'mine');
    for (const target of [join(folder, 'a-file', 'mirror'), '/proc/midad-mirror']) {
      const error = await writeMirror({ config, database, now: () => NOW }, target).catch(
        (e: unknown) => e as AppError,
      );
      expect((error as AppError).code).toBe('MIRROR_TARGET_UNWRITABLE');
      expect((error as AppError).toUserMessage(translator('ar'))).toBe(
        `لا يمكن إنشاء مجلد النسخة المرآة ${target} أو الكتابة فيه: تحقّق من المسار ومن صلاحية الكتابة.`,
      );
    }
    expect(await listMirrorFiles(folder)).toEqual(['a-file']);
  });
});
