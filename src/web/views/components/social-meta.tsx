/**
 * What link previews and search engines read in the head: Open Graph
 * (ogp.me: `og:*`, and `article:*` for articles), the Twitter/X card, and
 * schema.org JSON-LD blocks. Chat apps (WhatsApp, Telegram) build their
 * previews from Open Graph; X reads its own tags and falls back to them.
 */
import type { PageContext } from '../page-context.js';
import { absoluteUrl, LOGO } from '../page-context.js';

/** An image as previews need it: absolute URL, size in pixels, alt text and media type. */
export interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  type: string;
}

/** The `article:*` facts of an article page; times are RFC 3339 with the site's offset. */
export interface ArticleFacts {
  publishedTime: string | null;
  modifiedTime: string;
  section: string | null;
  tags: readonly string[];
}

export interface SocialMeta {
  title: string;
  description: string | undefined;
  /** The canonical URL. */
  url: string;
  image: SocialImage;
  /** Present on article pages: `og:type` is then `article`. */
  article?: ArticleFacts | undefined;
}

/** The site's logo as a preview image, for pages without an image of their own. */
export function logoImage(ctx: PageContext): SocialImage {
  return {
    url: absoluteUrl(ctx, LOGO.path),
    width: LOGO.width,
    height: LOGO.height,
    alt: ctx.siteName,
    type: 'image/png',
  };
}

/** Open Graph and Twitter card tags. */
export function SocialTags({ ctx, meta }: { ctx: PageContext; meta: SocialMeta }) {
  const { image, article } = meta;
  const large = image.width >= 600;
  return (
    <>
      <meta property="og:site_name" content={ctx.siteName} />
      <meta property="og:locale" content="ar_AR" />
      <meta property="og:type" content={article ? 'article' : 'website'} />
      <meta property="og:title" content={meta.title} />
      {meta.description ? <meta property="og:description" content={meta.description} /> : null}
      <meta property="og:url" content={meta.url} />
      <meta property="og:image" content={image.url} />
      <meta property="og:image:type" content={image.type} />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
      {article?.publishedTime ? (
        <meta property="article:published_time" content={article.publishedTime} />
      ) : null}
      {article ? <meta property="article:modified_time" content={article.modifiedTime} /> : null}
      {article?.section ? <meta property="article:section" content={article.section} /> : null}
      {article?.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
      <meta name="twitter:card" content={large ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
      <meta name="twitter:image" content={image.url} />
      <meta name="twitter:image:alt" content={image.alt} />
    </>
  );
}

/**
 * A JSON-LD block. `<`, `>` and `&` are written as `\u003c`… so that no
 * text in the data can close the script element.
 */
export function JsonLd({ data }: { data: object }) {
  const json = JSON.stringify(data).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
