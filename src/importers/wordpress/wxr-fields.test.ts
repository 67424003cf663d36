import { describe, expect, it } from 'vitest';
import { classifyItem } from './item-class.js';
import { oldPathOf, siteAddress } from './old-path.js';
import { plainText } from './plain-text.js';
import { primaryCategoryId, seoOf, viewsOf, withoutVariables } from './post-meta.js';
import { checkTimeZone, wxrDate } from './wxr-date.js';

describe('oldPathOf', () => {
  it.each([
    ['https://x.com/2021/%d8%ae%d8%a8%d8%b1/', '/2021/خبر/'],
    ['https://x.com/blog/2021/a/?amp=1', '/blog/2021/a/?amp=1'],
    ['https://x.com/blog', '/blog'],
    ['https://x.com/%d9%85%d8%af%d9%88%d9%86%d8%a9/a/', '/مدونة/a/'],
    ['https://x.com/a%2Fb/', '/a%2Fb/'],
    ['https://x.com/?p=5', '/?p=5'],
  ])('gives the path of %s as readers ask for it, folder kept', (link, path) => {
    expect(oldPathOf(link)).toBe(path);
  });

  it('gives null for what is not an http(s) URL', () => {
    expect(oldPathOf('/2021/a/')).toBeNull();
    expect(siteAddress('ftp://x.com')).toBeNull();
    expect(siteAddress('https://x.com/news/')).toBe('https://x.com/news');
  });
});

describe('wxrDate', () => {
  it('reads the GMT date, else the local date in the site’s zone', () => {
    expect(wxrDate('2024-03-05 18:15:00', '2024-03-05 21:15:00', 'Asia/Riyadh')).toEqual(
      new Date('2024-03-05T18:15:00Z'),
    );
    expect(wxrDate('0000-00-00 00:00:00', '2012-05-01 14:30:00', 'Asia/Riyadh')).toEqual(
      new Date('2012-05-01T11:30:00Z'),
    );
    expect(wxrDate('0000-00-00 00:00:00', '0000-00-00 00:00:00', 'Asia/Riyadh')).toBeNull();
    expect(wxrDate(undefined, 'yesterday', 'Asia/Riyadh')).toBeNull();
  });

  it.each([
    ['2016-02-29 23:59:59', '2016-02-29T23:59:59.000Z', '2016-02-29T20:59:59.000Z'],
    ['2015-02-29 00:00:00', null, null],
    ['2012-04-31 10:00:00', null, null],
    ['2012-13-01 00:00:00', null, null],
    ['2012-05-01 14:30:60', null, null],
    ['2012-05-01 24:00:00', '2012-05-02T00:00:00.000Z', '2012-05-01T21:00:00.000Z'],
    ['2012-05-01 24:00:01', null, null],
    ['2012-5-01 14:30:00', null, null],
    ['2012-05-01T14:30:00', null, null],
    // Riyadh before 1947 keeps its local mean time, UTC+3:06:52 (tz database).
    ['0050-01-01 00:00:00', '0050-01-01T00:00:00.000Z', '0049-12-31T20:53:08.000Z'],
    [' 2012-05-01 14:30:00 ', '2012-05-01T14:30:00.000Z', '2012-05-01T11:30:00.000Z'],
  ])('reads %j as GMT and as Riyadh time exactly as luxon judges it', (text, gmt, riyadh) => {
    expect(wxrDate(text, undefined, 'Asia/Riyadh')?.toISOString() ?? null).toBe(gmt);
    expect(wxrDate(undefined, text, 'Asia/Riyadh')?.toISOString() ?? null).toBe(riyadh);
  });

  it('refuses a time zone that is not one', () => {
    expect(() => checkTimeZone('Asia/Riyadh')).not.toThrow();
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(
      new RangeError('not a time zone: Mars/Olympus'),
    );
  });
});

describe('classifyItem', () => {
  const item = (type: string, status: string) =>
    new Map([
      ['wp:post_type', type],
      ['wp:status', status],
    ]);
  it.each([
    ['post', 'publish', { post: true, kind: 'article', status: 'published' }],
    ['post', 'future', { post: true, kind: 'article', status: 'scheduled' }],
    ['page', 'private', { post: true, kind: 'page', status: 'private' }],
    ['post', 'trash', { post: false, reason: 'trash' }],
    ['post', 'archive', { post: false, reason: 'status «archive»' }],
    ['attachment', 'inherit', { post: false, reason: 'attachment' }],
    ['custom_css', 'publish', { post: false, reason: 'post type «custom_css»' }],
  ])('classifies a %s of status %s', (type, status, expected) => {
    expect(classifyItem(item(type, status), [])).toEqual(expected);
  });

  it('keeps a password-protected post private, whether public or scheduled', () => {
    const fields = (status: string) =>
      new Map([...item('post', status), ['wp:post_password', 'سر']]);
    expect(classifyItem(fields('publish'), [])).toEqual({
      post: true,
      kind: 'article',
      status: 'private',
    });
    expect(classifyItem(fields('future'), [])).toEqual({
      post: true,
      kind: 'article',
      status: 'private',
    });
    expect(classifyItem(fields('draft'), [])).toEqual({
      post: true,
      kind: 'article',
      status: 'draft',
    });
  });

  it('imports the custom post types it is told to as articles', () => {
    expect(classifyItem(item('news', 'publish'), ['news'])).toEqual({
      post: true,
      kind: 'article',
      status: 'published',
    });
  });
});

describe('post meta', () => {
  it('takes the largest view count, thousands separators allowed', () => {
    const meta = new Map([
      ['tie_views', '120'],
      ['post_views_count', '1,500'],
      ['views', 'a lot'],
    ]);
    expect(viewsOf(meta, ['tie_views', 'post_views_count', 'views'])).toBe(1500);
    expect(viewsOf(new Map(), ['tie_views'])).toBe(0);
  });

  it.each([
    ['%%title%% %%sep%% %%sitename%%', ''],
    ['دليل السفر %%sep%% %%sitename%%', 'دليل السفر'],
    ['%%sitename%% | عاجل', 'عاجل'],
    ['%title% %sep% %sitename%', ''],
    ['خبر «مهم» اليوم', 'خبر «مهم» اليوم'],
  ])('removes template variables from %s', (raw, text) => {
    expect(withoutVariables(raw)).toBe(text);
  });

  it('prefers Yoast, falling back to Rank Math field by field', () => {
    const meta = new Map([
      ['_yoast_wpseo_title', '%%title%%'],
      ['rank_math_title', 'عنوان'],
      ['_yoast_wpseo_metadesc', 'وصف'],
      ['rank_math_description', 'آخر'],
    ]);
    expect(seoOf(meta)).toEqual({ title: 'عنوان', description: 'وصف' });
  });

  it('reads the primary category’s term id', () => {
    expect(primaryCategoryId(new Map([['rank_math_primary_category', '12']]))).toBe('12');
    expect(primaryCategoryId(new Map([['_yoast_wpseo_primary_category', '']]))).toBeNull();
  });
});

describe('plainText', () => {
  it('drops tags, decodes entities and collapses white space', () => {
    expect(plainText('<p>خبر&nbsp;<b>عاجل</b></p><p>ثان</p>')).toBe('خبر عاجل ثان');
    expect(plainText('  سطر\n  آخر ')).toBe('سطر آخر');
  });
});
