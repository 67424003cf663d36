/**
 * A static page («من نحن», «اتصل بنا», «سياسة الخصوصية») at `/p/<slug>`:
 * laid out like the article page (title, optional standfirst, body), without
 * what belongs to news (section, byline, dates, reading time, views, share
 * bar, short link, tags, related links). A private preview of a page
 * shows the same, with the preview banner and no canonical link.
 */
import { isolateText } from '../../arabic/bidi.js';
import { truncateWords } from '../../arabic/truncate.js';
import type { Article } from '../../domain/article.js';
import { htmlToText } from '../../domain/html-text.js';
import { Layout } from './layout.js';
import { absoluteUrl, pagePath, type PageContext } from './page-context.js';
import { presentBody } from './present-body.js';

/** Longest meta description, in characters (as on the article page). */
const DESCRIPTION_LENGTH = 160;

/** True when the excerpt was written apart, not taken from the body's start (see article-page.tsx). */
function hasStandfirst(page: Article): boolean {
  const excerpt = page.excerpt.replace(/…$/, '').replace(/\s+/g, ' ').trim();
  if (excerpt === '') return false;
  return !htmlToText(page.bodyHtml).replace(/\s+/g, ' ').startsWith(excerpt);
}

export function StaticPage({
  ctx,
  page,
  preview = false,
}: {
  ctx: PageContext;
  page: Article;
  /** A private preview: not indexed, no canonical link, a banner says so. */
  preview?: boolean;
}) {
  const canonical = page.slug ? absoluteUrl(ctx, pagePath(page.slug)) : undefined;
  const description = truncateWords(page.seoDescription || page.excerpt, DESCRIPTION_LENGTH);
  return (
    <Layout
      ctx={ctx}
      title={`${isolateText(page.seoTitle || page.headline)} | ${ctx.siteName}`}
      description={description}
      canonical={preview ? undefined : canonical}
      robots={preview ? 'noindex' : undefined}
      banner={preview ? ctx.t('article.preview') : undefined}
      social={{ title: page.seoTitle || page.headline }}
    >
      <article class="article article--page">
        <header class="article__header">
          <h1 class="article__headline">{page.headline}</h1>
          {hasStandfirst(page) ? <p class="article__standfirst">{page.excerpt}</p> : null}
        </header>
        <div class="article__body">
          <div
            class="article__text"
            dangerouslySetInnerHTML={{ __html: presentBody(page.bodyHtml, ctx.t, ctx.saveData) }}
          />
        </div>
      </article>
    </Layout>
  );
}
