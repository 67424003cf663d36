import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import type { Article, ArticleId } from '../../domain/article.js';
import type { ArticleNote } from '../../domain/article-note.js';
import type { LiveCoverage, LiveUpdate } from '../../domain/live-coverage.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { ArticlePage } from './article-page.js';
import { livePageUpdates, LIVE_PAGE_SIZE } from './components/live-coverage.js';
import { liveBlogData, newsArticleData } from './structured-data.js';

const ID = '7001' as ArticleId;
/** The test clock: 2026-11-29 12:00 UTC, 15:00 in Damascus (UTC+3). */
const ctx = testPageContext();
const at = (iso: string) => new Date(iso);

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: ID,
    kind: 'article',
    headline: 'زلزال في الشمال: تغطية مباشرة',
    excerpt: '',
    bodyHtml: '<p>ضرب زلزال المنطقة فجر اليوم.</p>',
    section: null,
    tags: [],
    byline: null,
    authors: [],
    slug: 'zilzal',
    seoTitle: '',
    seoDescription: '',
    featured: null,
    publishedAt: at('2026-11-29T08:00:00.000Z'),
    publishedPrecision: 'minute',
    publishedLocalTime: null,
    createdAt: at('2026-11-29T07:00:00.000Z'),
    updatedAt: at('2026-11-29T11:00:00.000Z'),
    modifiedAt: at('2026-11-29T08:00:00.000Z'),
    viewCount: 0,
    sourceUrl: null,
    related: [],
    live: null,
    notes: [],
    ...overrides,
  };
}

function update(n: number, iso: string, overrides: Partial<LiveUpdate> = {}): LiveUpdate {
  return {
    id: String(100 + n),
    articleId: ID,
    number: n,
    headline: '',
    bodyHtml: `<p>نص التحديث ${n}</p>`,
    author: { id: '5', name: 'سلمى حداد', slug: 'salma' },
    key: false,
    pinned: false,
    createdAt: at(iso),
    updatedAt: at(iso),
    ...overrides,
  };
}

const LIVE: LiveCoverage = {
  state: 'live',
  startedAt: at('2026-11-29T08:00:00.000Z'),
  endedAt: null,
};

/** Update numbers in the order the page prints them. */
function printedOrder(html: string): number[] {
  return [
    ...html.matchAll(/<article class="live-update[^"]*" id="update-(\d+)" data-number="\1"/g),
  ].map((m) => Number(m[1]));
}

/** The JSON-LD objects of a page. */
function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

describe('the article page of a live article', () => {
  const u1 = update(1, '2026-11-29T08:05:00.000Z', { pinned: true, headline: 'أرقام الضحايا' });
  const u2 = update(2, '2026-11-29T09:00:00.000Z', { key: true, headline: 'إغلاق الطرق' });
  const u3 = update(3, '2026-11-29T11:57:00.000Z');
  const u4 = update(4, '2026-11-28T20:00:00.000Z');
  const updates = livePageUpdates({
    page: [u3, u2, u1, u4],
    pinned: [u1],
    key: [u2],
    before: null,
  });

  it('prints pinned updates first, then every other update newest first, each with its anchor', () => {
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={updates} />,
    );
    expect(printedOrder(html)).toEqual([1, 3, 2, 4]);
    expect(html).toContain(
      '<article class="live-update" id="update-3" data-number="3"><header class="live-update__meta"><time class="live-update__time" datetime="2026-11-29T11:57:00.000Z" title="29 تشرين الثاني 2026، 14:57"><bdi>14:57</bdi></time><a class="live-update__link" href="#update-3" aria-label="رابط هذا التحديث" title="رابط هذا التحديث">#</a></header><div class="live-update__body article__text"><p>نص التحديث 3</p></div><p class="live-update__author">بقلم <a href="/author/salma"><bdi>سلمى حداد</bdi></a></p></article>',
    );
    // Of another day than the page's: its date too, in the site's zone.
    expect(html).toContain(
      '<time class="live-update__time" datetime="2026-11-28T20:00:00.000Z" title="28 تشرين الثاني 2026، 23:00"><bdi>28 تشرين الثاني 2026، 23:00</bdi></time>',
    );
    expect(html).toContain(
      '<article class="live-update live-update--pinned" id="update-1" data-number="1" data-pinned aria-labelledby="update-1-headline">',
    );
    expect(html).toContain(
      '<article class="live-update live-update--key" id="update-2" data-number="2" data-key aria-labelledby="update-2-headline">',
    );
    expect(html).toContain('<span class="live-update__flag">مثبّت</span>');
    expect(html).toContain(
      '<h3 class="live-update__headline" id="update-1-headline">أرقام الضحايا</h3>',
    );
  });

  it('shows the live badge, and a key updates box at the top linking to each anchor', () => {
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={updates} />,
    );
    expect(html).toContain(
      '<p class="live-status live-status--live" data-live-status="live"><span class="live-badge">مباشر</span></p><h1 class="article__headline">',
    );
    expect(html).toContain(
      '<nav class="live-key" aria-labelledby="live-key-heading" data-live-key><h2 id="live-key-heading" class="live-key__heading">التحديثات الرئيسية</h2><ol class="live-key__list"><li data-number="2"><time class="live-key__time" datetime="2026-11-29T09:00:00.000Z" title="29 تشرين الثاني 2026، 12:00"><bdi>12:00</bdi></time> <a href="#update-2">إغلاق الطرق</a></li></ol></nav>',
    );
    // The box comes before the body, the stream after it.
    expect(html.indexOf('class="live-key"')).toBeLessThan(html.indexOf('class="article__body"'));
    expect(html.indexOf('class="article__body"')).toBeLessThan(html.indexOf('id="update-1"'));
  });

  it('carries what live.js needs, and loads it, on the first page of a coverage going on', () => {
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={updates} />,
    );
    expect(html).toContain('<script src="/assets/live.js" defer></script>');
    expect(html).toContain('data-live-events="/live/7001/events" data-live-after="4"');
    expect(html).toContain(
      '<button type="button" class="live-bar" data-live-bar hidden><span class="live-bar__count" data-live-bar-text></span><span class="visually-hidden"> اضغط لعرضها في أعلى الصفحة</span></button><p class="visually-hidden" role="status" aria-live="polite" data-live-announce></p>',
    );
    const forms = /data-new-forms="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"');
    expect(JSON.parse(forms)).toMatchObject({
      one: 'تحديث جديد ({count})',
      many: 'تحديثات جديدة ({count})',
    });
  });

  it('says the coverage ended, with its time, and neither follows it nor loads live.js', () => {
    const ended: LiveCoverage = {
      ...LIVE,
      state: 'ended',
      endedAt: at('2026-11-29T11:30:00.000Z'),
    };
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: ended })} liveUpdates={updates} />,
    );
    expect(html).toContain(
      '<p class="live-status live-status--ended" data-live-status="ended">انتهت التغطية المباشرة في <time datetime="2026-11-29T11:30:00.000Z"><bdi>14:30</bdi></time></p>',
    );
    expect(html).not.toContain('live-badge');
    expect(html).not.toContain('live.js');
    expect(html).not.toContain('data-live-events');
    expect(printedOrder(html)).toEqual([1, 3, 2, 4]);
    const [data] = jsonLd(html);
    expect(data!['@type']).toBe('NewsArticle');
  });

  it('says when there is no update yet', () => {
    const html = renderToString(
      <ArticlePage
        ctx={ctx}
        article={article({ live: LIVE })}
        liveUpdates={livePageUpdates({ page: [], pinned: [], key: [], before: null })}
      />,
    );
    expect(html).toContain('<p class="live__empty" data-live-empty>لا تحديثات بعد.</p>');
    expect(html).not.toContain('class="live-key"');
  });

  it('prints no live part for an article that never was live', () => {
    const html = renderToString(<ArticlePage ctx={ctx} article={article()} />);
    expect(html).not.toContain('live');
  });
});

describe('a long live blog', () => {
  const many = Array.from({ length: LIVE_PAGE_SIZE + 1 }, (_, i) => {
    const n = 150 - i;
    return update(n, new Date(Date.UTC(2026, 10, 29, 11, 0) - i * 60_000).toISOString(), {
      key: n === 50,
    });
  });

  it('prints the newest 100 and links the older ones at ?before=<the last number shown>', () => {
    const page = livePageUpdates({ page: many, pinned: [], key: [], before: null });
    expect(page.stream).toHaveLength(100);
    expect(page.olderBefore).toBe(51);
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={page} />,
    );
    expect(printedOrder(html)).toEqual(Array.from({ length: 100 }, (_, i) => 150 - i));
    expect(html).toContain('<a href="/a/7001?before=51" rel="next">تحديثات أقدم</a>');
    // reader.js sends #update-50 and below to the older pages.
    expect(html).toMatch(/<section class="live" id="live" [^>]* data-live-oldest="51">/);
  });

  it('links a key update that is not on the first page to the older page holding it', () => {
    const key = update(7, '2026-11-29T08:10:00.000Z', { key: true, headline: 'بيان الحكومة' });
    const page = livePageUpdates({ page: many, pinned: [], key: [key], before: null });
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={page} />,
    );
    expect(html).toContain('<a href="/a/7001?before=8#update-7">بيان الحكومة</a>');
  });

  it('prints an older page without the box, the pinned updates or live.js, linking back to the newest', () => {
    const page = livePageUpdates({
      page: many.slice(1, 40),
      pinned: [update(150, '2026-11-29T11:00:00.000Z', { pinned: true })],
      key: [update(149, '2026-11-29T10:59:00.000Z', { key: true })],
      before: 150,
    });
    expect(page).toMatchObject({ pinned: [], key: [], before: 150, olderBefore: null });
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={page} />,
    );
    expect(printedOrder(html)[0]).toBe(149);
    expect(html).toContain('<p class="live__pager"><a href="/a/7001">أحدث التحديثات</a></p>');
    expect(html).not.toContain('live.js');
    expect(html).not.toContain('class="live-key"');
    // Nothing older: no oldest number for reader.js to send an older link on.
    expect(html).not.toContain('data-live-oldest');
  });
});

describe('public notes and the modified time', () => {
  const notes: ArticleNote[] = [
    {
      id: '1',
      articleId: ID,
      kind: 'correction',
      text: 'ورد في نسخة سابقة أن عدد الضحايا 12، والصحيح 21.',
      createdAt: at('2026-11-29T09:15:00.000Z'),
    },
    {
      id: '2',
      articleId: ID,
      kind: 'update',
      text: 'أضيفت تصريحات وزير الصحة.',
      createdAt: at('2026-11-29T10:40:00.000Z'),
    },
  ];
  const corrected = article({ notes, modifiedAt: at('2026-11-29T10:40:00.000Z') });

  it('shows the notes oldest first under the byline, each with its kind and time', () => {
    const html = renderToString(<ArticlePage ctx={ctx} article={corrected} />);
    expect(html).toContain(
      '<section class="article-notes" id="notes" aria-labelledby="article-notes-heading"><h2 id="article-notes-heading" class="visually-hidden">تصحيحات وتحديثات</h2><ol class="article-notes__list"><li class="article-note article-note--correction" id="note-1"><strong class="article-note__kind">تصحيح:</strong> <span class="article-note__text">ورد في نسخة سابقة أن عدد الضحايا 12، والصحيح 21.</span> <time class="article-note__time" datetime="2026-11-29T09:15:00.000Z">(<bdi>29 تشرين الثاني 2026، 12:15</bdi>)</time></li><li class="article-note article-note--update" id="note-2"><strong class="article-note__kind">تحديث:</strong> <span class="article-note__text">أضيفت تصريحات وزير الصحة.</span> <time class="article-note__time" datetime="2026-11-29T10:40:00.000Z">(<bdi>29 تشرين الثاني 2026، 13:40</bdi>)</time></li></ol></section>',
    );
    expect(html.indexOf('class="article__facts"')).toBeLessThan(
      html.indexOf('class="article-notes"'),
    );
    expect(html.indexOf('class="article-notes"')).toBeLessThan(
      html.indexOf('class="article__body"'),
    );
  });

  it('says when the article was last updated, and puts modifiedAt in article:modified_time', () => {
    const html = renderToString(<ArticlePage ctx={ctx} article={corrected} />);
    expect(html).toContain(
      '<span class="article__modified">آخر تحديث: <time datetime="2026-11-29T10:40:00.000Z"><bdi>29 تشرين الثاني 2026، 13:40</bdi></time></span>',
    );
    expect(html).toContain(
      '<meta property="article:modified_time" content="2026-11-29T13:40:00+03:00"',
    );
  });

  it('says nothing of an update when modifiedAt is the publish time', () => {
    const html = renderToString(<ArticlePage ctx={ctx} article={article()} />);
    expect(html).not.toContain('آخر تحديث');
    expect(html).not.toContain('article-notes');
    expect(html).toContain(
      '<meta property="article:modified_time" content="2026-11-29T11:00:00+03:00"',
    );
  });
});

describe('structured data', () => {
  const image = {
    url: 'https://news.example/logo.png',
    width: 512,
    height: 512,
    alt: '',
    type: 'image/png',
  };
  const canonical = 'https://news.example/a/7001/zilzal';
  const correction: ArticleNote = {
    id: '1',
    articleId: ID,
    kind: 'correction',
    text: 'صُحّح اسم المدينة.',
    createdAt: at('2026-11-29T09:15:00.000Z'),
  };
  const note: ArticleNote = { ...correction, id: '2', kind: 'update', text: 'أضيفت صور.' };

  it('gives a NewsArticle its corrections (not its update notes) and modifiedAt as dateModified', () => {
    const data = newsArticleData(
      ctx,
      article({ notes: [correction, note], modifiedAt: at('2026-11-29T09:15:00.000Z') }),
      canonical,
      image,
      '',
    ) as Record<string, unknown>;
    expect(data['@type']).toBe('NewsArticle');
    expect(data.dateModified).toBe('2026-11-29T12:15:00+03:00');
    expect(data.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'صُحّح اسم المدينة.',
        datePublished: '2026-11-29T12:15:00+03:00',
      },
    ]);
  });

  it('gives a NewsArticle without corrections no correction field', () => {
    const data = newsArticleData(ctx, article({ notes: [note] }), canonical, image, '');
    expect(data).not.toHaveProperty('correction');
  });

  it('makes a live article a LiveBlogPosting with its newest 50 updates, newest first', () => {
    const updates = Array.from({ length: 60 }, (_, i) =>
      update(i + 1, new Date(Date.UTC(2026, 10, 29, 9, 0) + i * 60_000).toISOString()),
    );
    updates[59] = {
      ...updates[59]!,
      headline: 'عنوان التحديث',
      updatedAt: at('2026-11-29T10:30:00.000Z'),
    };
    const data = liveBlogData(
      ctx,
      article({ live: LIVE, notes: [correction] }),
      canonical,
      image,
      'وصف',
      updates,
    ) as Record<string, unknown> & { liveBlogUpdate: Array<Record<string, unknown>> };
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.coverageStartTime).toBe('2026-11-29T11:00:00+03:00');
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(data.liveBlogUpdate).toHaveLength(50);
    expect(data.liveBlogUpdate.map((u) => u.url).slice(0, 2)).toEqual([
      `${canonical}#update-60`,
      `${canonical}#update-59`,
    ]);
    expect(data.liveBlogUpdate[0]).toEqual({
      '@type': 'BlogPosting',
      headline: 'عنوان التحديث',
      articleBody: 'نص التحديث 60',
      datePublished: '2026-11-29T12:59:00+03:00',
      dateModified: '2026-11-29T13:30:00+03:00',
      url: `${canonical}#update-60`,
      author: { '@type': 'Person', name: 'سلمى حداد', url: 'https://news.example/author/salma' },
    });
    // An update without a headline is named by its text.
    expect(data.liveBlogUpdate[1]!.headline).toBe('نص التحديث 59');
    expect(data.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'صُحّح اسم المدينة.',
        datePublished: '2026-11-29T12:15:00+03:00',
      },
    ]);
    expect(data.headline).toBe('زلزال في الشمال: تغطية مباشرة');
  });

  it('writes LiveBlogPosting on the page while live, with the updates it prints', () => {
    const page = livePageUpdates({
      page: [update(2, '2026-11-29T11:00:00.000Z'), update(1, '2026-11-29T10:00:00.000Z')],
      pinned: [],
      key: [],
      before: null,
    });
    const html = renderToString(
      <ArticlePage ctx={ctx} article={article({ live: LIVE })} liveUpdates={page} />,
    );
    const [data] = jsonLd(html) as [Record<string, unknown> & { liveBlogUpdate: unknown[] }];
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.liveBlogUpdate).toHaveLength(2);
  });
});
