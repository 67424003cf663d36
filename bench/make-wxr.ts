/**
 * A WordPress export (WXR 1.2) made from the corpus for the site import
 * bench: `posts` posts, the corpus's articles replicated as bench/fill.ts
 * replicates them (copy k of an article: its id plus k × 10^10, its slug
 * led by `k-`, its headline followed by ` (k)`), written to disk as it is
 * made (a buffer of about 1 MiB, never the whole file in memory).
 *
 * What a news site on WordPress exports, deterministically: the corpus's
 * 9 sections as categories (two of them under a parent), 40 tags, 20
 * authors, Arabic slugs percent-encoded in lower case as WordPress keeps
 * them (`utf8_uri_encode`, at most 200 bytes), local and GMT dates
 * (Africa/Tunis, UTC+1), bodies in the classic editor's form (paragraphs
 * separated by blank lines, a `[caption]` in some) or in block markup,
 * `tie_views` and Yoast meta, some comments, and an attachment (the
 * featured image, shown in the body too) for every fifth post.
 *
 * Corpus: ANT Corpus v1.1 (A. Chouigui, O. Ben Khiroun, B. Elayeb,
 * AICCSA 2017), see ../shared/corpus/README.md.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { slugify } from '../src/arabic/slug.js';

/** One line of the corpus (../shared/corpus/README.md). */
interface CorpusArticle {
  id: string;
  section: string;
  title: string | null;
  body: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/** What was written. Sizes in bytes. */
export interface WxrFile {
  file: string;
  bytes: number;
  /** `<item>`s of type post. */
  posts: number;
  /** Of which drafts (every 100th). */
  drafts: number;
  attachments: number;
  comments: number;
}

/** The old site's address. */
const SITE = 'https://jawhara.example';
/** Id offset between copies, as in bench/fill.ts. */
const COPY_ID_STRIDE = 10_000_000_000n;
/** Attachment ids: above every post id of the copies made here (fewer than 10^5 copies). */
const ATTACHMENT_ID_BASE = 10n ** 16n;
/** Bytes gathered before they are written. */
const FLUSH_BYTES = 1024 * 1024;

/** The corpus's sections: nicename source, Arabic name, parent section, term id. */
const SECTIONS: ReadonlyArray<{ section: string; name: string; parent: string | null }> = [
  { section: 'localNews', name: 'وطنية', parent: null },
  { section: 'internationalNews', name: 'دولية', parent: null },
  { section: 'politic', name: 'سياسة', parent: 'localNews' },
  { section: 'society', name: 'مجتمع', parent: 'localNews' },
  { section: 'economy', name: 'اقتصاد', parent: null },
  { section: 'technology', name: 'تكنولوجيا', parent: 'economy' },
  { section: 'sport', name: 'رياضة', parent: null },
  { section: 'culture', name: 'ثقافة', parent: null },
  { section: 'diverse', name: 'متفرقات', parent: null },
];

const TAGS: readonly string[] = [
  'تونس',
  'الحكومة',
  'البرلمان',
  'رئاسة الجمهورية',
  'الانتخابات',
  'الاقتصاد التونسي',
  'البنك المركزي',
  'الأسعار',
  'التشغيل',
  'التعليم',
  'الصحة',
  'النقل',
  'الفلاحة',
  'السياحة',
  'الطقس',
  'الأمن',
  'الإرهاب',
  'القضاء',
  'الهجرة',
  'ليبيا',
  'الجزائر',
  'فرنسا',
  'سوريا',
  'فلسطين',
  'الترجي',
  'النجم الساحلي',
  'النادي الإفريقي',
  'المنتخب الوطني',
  'كرة القدم',
  'كرة اليد',
  'مهرجان قرطاج',
  'السينما',
  'المسرح',
  'الكتاب',
  'الإنترنت',
  'الهواتف الذكية',
  'سوسة',
  'صفاقس',
  'القيروان',
  'جوهرة أف أم',
];

const AUTHORS: ReadonlyArray<{ login: string; name: string }> = [
  'أمينة الطرابلسي',
  'محمد الهادي بن سالم',
  'سنية العياري',
  'كريم الجلاصي',
  'ليلى بوعزيزي',
  'نبيل الشابي',
  'هالة المرزوقي',
  'سامي الغربي',
  'منية الزغلامي',
  'وليد الحمامي',
  'رحاب السويسي',
  'أنيس القاسمي',
  'فاطمة الزهراء بن علي',
  'حاتم العبيدي',
  'إيمان الكعبي',
  'طارق الماجري',
  'سلوى الدريدي',
  'يوسف المحجوب',
  'مريم الباجي',
  'عماد التليلي',
].map((name, i) => ({ login: `author${String(i + 1).padStart(2, '0')}`, name }));

const COMMENTERS: readonly string[] = ['أبو علي', 'سلمى', 'قارئ من صفاقس', 'Hichem', 'نادية'];
const COMMENTS: readonly string[] = [
  'شكرا على المعلومة',
  'خبر مهم، نتمنى المتابعة.',
  'إلى متى هذا الوضع؟',
  'مقال ممتاز',
];

/** Percent-encoding as WordPress keeps slugs: lower-case hex, at most `max` bytes, whole characters. */
function wordPressEncode(slug: string, max = 200): string {
  let out = '';
  for (const character of slug) {
    const encoded = encodeURIComponent(character).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    if (out.length + encoded.length > max) break;
    out += encoded;
  }
  return out.replace(/-+$/, '');
}

/**
 * The post's encoded slug, unique in the export as WordPress keeps it
 * (`wp_unique_post_slug`): `base` cut so that `suffix` (a copy's `-k`)
 * fits in 200 bytes, then `-2`, `-3`… while it is taken. Adds it to `taken`.
 */
function uniqueSlug(base: string, suffix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const tail = `${suffix}${n === 1 ? '' : `-${n}`}`;
    const slug = `${wordPressEncode(base, 200 - tail.length)}${tail}`;
    if (!taken.has(slug)) {
      taken.add(slug);
      return slug;
    }
  }
}

/** `text` as XML character data outside CDATA. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `text` in CDATA sections (a `]]>` inside split across two). */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** `YYYY-MM-DD HH:MM:SS` */
function wpDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A deterministic pseudo-random whole number in [0, n) for (a, b). */
function pick(a: number, b: number, n: number): number {
  let h = (Math.imul(a, 2654435761) ^ Math.imul(b + 1, 40503)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  return h % n;
}

/** The body's paragraphs: its lines, trimmed, without empty ones. */
function paragraphsOf(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function channelHead(): string {
  const categories = SECTIONS.map((s, i) => {
    const parent = s.parent === null ? '' : wordPressEncode(slugify(nameOf(s.parent)));
    return `\t<wp:category>
\t\t<wp:term_id>${i + 2}</wp:term_id>
\t\t<wp:category_nicename>${cdata(wordPressEncode(slugify(s.name)))}</wp:category_nicename>
\t\t<wp:category_parent>${cdata(parent)}</wp:category_parent>
\t\t<wp:cat_name>${cdata(s.name)}</wp:cat_name>
\t\t<wp:category_description>${cdata(`أخبار ${s.name}`)}</wp:category_description>
\t</wp:category>\n`;
  }).join('');
  const tags = TAGS.map(
    (name, i) => `\t<wp:tag>
\t\t<wp:term_id>${100 + i}</wp:term_id>
\t\t<wp:tag_slug>${cdata(wordPressEncode(slugify(name)))}</wp:tag_slug>
\t\t<wp:tag_name>${cdata(name)}</wp:tag_name>
\t</wp:tag>\n`,
  ).join('');
  const authors = AUTHORS.map(
    (a, i) =>
      `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(`${a.login}@jawhara.example`)}</wp:author_email><wp:author_display_name>${cdata(a.name)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>\n`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- Made by Midad's bench (bench/make-wxr.ts) from ANT Corpus v1.1 (Chouigui, Ben Khiroun, Elayeb, AICCSA 2017). -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
\t<title>جوهرة</title>
\t<link>${SITE}</link>
\t<description>أخبار تونس والعالم</description>
\t<pubDate>Wed, 21 Jun 2017 12:00:00 +0000</pubDate>
\t<language>ar</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${SITE}</wp:base_site_url>
\t<wp:base_blog_url>${SITE}</wp:base_blog_url>

${authors}
${categories}${tags}
\t<generator>https://wordpress.org/?v=4.7.5</generator>
`;
}

function nameOf(section: string): string {
  return SECTIONS.find((s) => s.section === section)?.name ?? 'متفرقات';
}

function termIdOf(section: string): number {
  const i = SECTIONS.findIndex((s) => s.section === section);
  return (i < 0 ? SECTIONS.length - 1 : i) + 2;
}

function meta(key: string, value: string): string {
  return `\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>${cdata(key)}</wp:meta_key>\n\t\t\t<wp:meta_value>${cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>\n`;
}

function imageUrl(date: string, attachmentId: bigint): string {
  return `${SITE}/wp-content/uploads/${date.slice(0, 4)}/${date.slice(5, 7)}/photo-${attachmentId}.jpg`;
}

/** The post's content: classic (two posts of three) or block markup; `image` shown when given. */
function contentOf(
  n: number,
  paragraphs: readonly string[],
  image: { id: bigint; url: string; caption: string } | null,
): string {
  const escaped = paragraphs.map(escapeXml);
  if (n % 3 !== 2) {
    const parts = [...escaped];
    if (image !== null) {
      parts.splice(
        Math.min(1, parts.length),
        0,
        `[caption id="attachment_${image.id}" align="aligncenter" width="800"]<img class="size-full wp-image-${image.id}" src="${image.url}" alt="" width="800" height="450" /> ${escapeXml(image.caption)}[/caption]`,
      );
    }
    return parts.join('\n\n');
  }
  const blocks = escaped.map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`);
  if (image !== null) {
    blocks.splice(
      Math.min(1, blocks.length),
      0,
      `<!-- wp:image {"id":${image.id},"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="${image.url}" alt="" class="wp-image-${image.id}"/><figcaption>${escapeXml(image.caption)}</figcaption></figure>\n<!-- /wp:image -->`,
    );
  }
  return blocks.join('\n\n');
}

/** The `<item>` of post number `n` (from 0): copy `copy` of `article`; and its attachment, if any. */
function itemsOf(
  n: number,
  copy: number,
  article: CorpusArticle,
  slugs: Set<string>,
): { xml: string; comments: number; attachment: boolean; draft: boolean } {
  const id = BigInt(article.id) + BigInt(copy) * COPY_ID_STRIDE;
  const title = (article.title ?? '') + (copy > 0 && article.title ? ` (${copy})` : '');
  const base = slugify(article.title ?? '') || `post-${article.id}`;
  // A copy's number leads its slug: at its end it would fall past Midad's
  // 80-character slug limit, and every copy would take the `-2`, `-3`… turns
  // that a real site's distinct posts seldom need.
  const slug = uniqueSlug(copy > 0 ? `${copy}-${base}` : base, '', slugs);
  const minutes = pick(n, 1, 18 * 60) + 6 * 60;
  const gmt = new Date(`${article.date}T00:00:00Z`);
  gmt.setUTCMinutes(minutes);
  const local = new Date(gmt.getTime() + 60 * 60 * 1000);
  const [year, month, day] = wpDate(local).slice(0, 10).split('-');
  const draft = n % 100 === 99;
  const link = draft ? `${SITE}/?p=${id}` : `${SITE}/${year}/${month}/${day}/${slug}/`;
  const author = AUTHORS[pick(n, 2, AUTHORS.length)]!;
  const paragraphs = paragraphsOf(article.body);
  const hasImage = n % 5 === 0;
  const attachmentId = ATTACHMENT_ID_BASE + BigInt(n);
  const image = hasImage
    ? {
        id: attachmentId,
        url: imageUrl(article.date, attachmentId),
        caption: (article.title ?? 'صورة').slice(0, 60),
      }
    : null;
  const categories = [
    `\t\t<category domain="category" nicename="${wordPressEncode(slugify(nameOf(article.section)))}">${cdata(nameOf(article.section))}</category>\n`,
  ];
  if (n % 10 === 3) {
    const other = SECTIONS[pick(n, 3, SECTIONS.length)]!;
    if (other.section !== article.section)
      categories.push(
        `\t\t<category domain="category" nicename="${wordPressEncode(slugify(other.name))}">${cdata(other.name)}</category>\n`,
      );
  }
  const tagCount = 2 + pick(n, 4, 2);
  const tags = new Set<string>();
  for (let t = 0; tags.size < tagCount; t++) tags.add(TAGS[pick(n, 10 + t, TAGS.length)]!);
  const description = (paragraphs[0] ?? '').slice(0, 150);
  const comments = n % 4 === 1 ? 1 + pick(n, 5, 3) : 0;
  let xml = `
\t<item>
\t\t<title>${cdata(title)}</title>
\t\t<link>${link}</link>
\t\t<pubDate>${gmt.toUTCString().replace('GMT', '+0000')}</pubDate>
\t\t<dc:creator>${cdata(author.login)}</dc:creator>
\t\t<guid isPermaLink="false">${SITE}/?p=${id}</guid>
\t\t<description></description>
\t\t<content:encoded>${cdata(contentOf(n, paragraphs, image))}</content:encoded>
\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>
\t\t<wp:post_id>${id}</wp:post_id>
\t\t<wp:post_date>${cdata(wpDate(local))}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(draft ? '0000-00-00 00:00:00' : wpDate(gmt))}</wp:post_date_gmt>
\t\t<wp:post_modified>${cdata(wpDate(local))}</wp:post_modified>
\t\t<wp:post_modified_gmt>${cdata(wpDate(gmt))}</wp:post_modified_gmt>
\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>
\t\t<wp:ping_status>${cdata('open')}</wp:ping_status>
\t\t<wp:post_name>${cdata(draft ? '' : slug)}</wp:post_name>
\t\t<wp:status>${cdata(draft ? 'draft' : 'publish')}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type>${cdata('post')}</wp:post_type>
\t\t<wp:post_password>${cdata('')}</wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
${categories.join('')}${[...tags].map((t) => `\t\t<category domain="post_tag" nicename="${wordPressEncode(slugify(t))}">${cdata(t)}</category>\n`).join('')}${meta('_edit_last', '1')}${meta('tie_views', String(pick(n, 6, 50_000)))}${meta('_yoast_wpseo_metadesc', description)}${n % 7 === 0 ? meta('_yoast_wpseo_title', `${title} %%sep%% %%sitename%%`) : ''}${n % 10 === 3 ? meta('_yoast_wpseo_primary_category', String(termIdOf(article.section))) : ''}${hasImage ? meta('_thumbnail_id', String(attachmentId)) : ''}`;
  for (let c = 0; c < comments; c++) {
    const at = wpDate(new Date(gmt.getTime() + (c + 1) * 3_600_000));
    xml += `\t\t<wp:comment>
\t\t\t<wp:comment_id>${n * 3 + c + 1}</wp:comment_id>
\t\t\t<wp:comment_author>${cdata(COMMENTERS[pick(n, 20 + c, COMMENTERS.length)]!)}</wp:comment_author>
\t\t\t<wp:comment_author_email>${cdata('')}</wp:comment_author_email>
\t\t\t<wp:comment_date>${cdata(at)}</wp:comment_date>
\t\t\t<wp:comment_date_gmt>${cdata(at)}</wp:comment_date_gmt>
\t\t\t<wp:comment_content>${cdata(COMMENTS[pick(n, 30 + c, COMMENTS.length)]!)}</wp:comment_content>
\t\t\t<wp:comment_approved>${cdata('1')}</wp:comment_approved>
\t\t\t<wp:comment_type>${cdata('comment')}</wp:comment_type>
\t\t\t<wp:comment_parent>0</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t</wp:comment>\n`;
  }
  xml += '\t</item>\n';
  if (image !== null) {
    xml += `
\t<item>
\t\t<title>${cdata(`photo-${attachmentId}`)}</title>
\t\t<link>${link}photo-${attachmentId}/</link>
\t\t<pubDate>${gmt.toUTCString().replace('GMT', '+0000')}</pubDate>
\t\t<dc:creator>${cdata(author.login)}</dc:creator>
\t\t<guid isPermaLink="false">${image.url}</guid>
\t\t<description></description>
\t\t<content:encoded>${cdata('')}</content:encoded>
\t\t<excerpt:encoded>${cdata(image.caption)}</excerpt:encoded>
\t\t<wp:post_id>${attachmentId}</wp:post_id>
\t\t<wp:post_date>${cdata(wpDate(local))}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(wpDate(gmt))}</wp:post_date_gmt>
\t\t<wp:post_name>${cdata(`photo-${attachmentId}`)}</wp:post_name>
\t\t<wp:status>${cdata('inherit')}</wp:status>
\t\t<wp:post_parent>${id}</wp:post_parent>
\t\t<wp:post_type>${cdata('attachment')}</wp:post_type>
\t\t<wp:attachment_url>${cdata(image.url)}</wp:attachment_url>
${meta('_wp_attached_file', image.url.slice(`${SITE}/wp-content/uploads/`.length))}${meta('_wp_attachment_image_alt', image.caption)}\t</item>\n`;
  }
  return { xml, comments, attachment: image !== null, draft };
}

/** The corpus's articles, in file order. @throws Error when it has none. */
export function readCorpus(corpus: string): CorpusArticle[] {
  const articles = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusArticle);
  if (articles.length === 0) throw new Error(`no article in ${corpus}`);
  return articles;
}

/**
 * Writes a WXR 1.2 file of `posts` posts made from `corpus` to `file`
 * (replaced when it exists).
 * @throws Error when the corpus is empty or unreadable, or the file cannot be written.
 */
export function makeWxr(corpus: string, file: string, posts: number): WxrFile {
  const articles = readCorpus(corpus);
  const fd = openSync(file, 'w');
  const figures: WxrFile = { file, bytes: 0, posts, drafts: 0, attachments: 0, comments: 0 };
  /** Every post's encoded slug so far (about 200 bytes each: 20 MB for 100,000 posts). */
  const slugs = new Set<string>();
  let pending: string[] = [];
  let pendingLength = 0;
  const write = (text: string, force = false) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength < FLUSH_BYTES && !force) return;
    figures.bytes += writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  try {
    write(channelHead());
    for (let n = 0; n < posts; n++) {
      const item = itemsOf(
        n,
        Math.floor(n / articles.length),
        articles[n % articles.length]!,
        slugs,
      );
      write(item.xml);
      figures.comments += item.comments;
      if (item.attachment) figures.attachments++;
      if (item.draft) figures.drafts++;
    }
    write('</channel>\n</rss>\n', true);
  } finally {
    closeSync(fd);
  }
  return figures;
}
