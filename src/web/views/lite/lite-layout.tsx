/**
 * The shell of a lite page (issue 22): what a reader on a slow, costly or
 * metered connection needs and nothing more. No web font, no script, no
 * image (images are links: lite-body.ts), one inline stylesheet
 * (lite-style.ts); the site's name leads back to the lite home page, the
 * header's sections (the menu's, or with none the sections that have news:
 * SiteHeader.browseSections) to their lite pages, and breaking news stays
 * on top.
 * The canonical link names the full page, so search engines index that one.
 */
import type { ComponentChildren } from 'preact';
import { FooterEnd } from '../components/footer-end.js';
import { litePath } from '../../../domain/article-path.js';
import { LITE_STYLE } from './lite-style.js';
import type { PageContext } from '../page-context.js';

export interface LiteLayoutProps {
  ctx: PageContext;
  title: string;
  /** Path of the full version of this page, linked at the foot (an article's short link, `/a/<id>`). */
  full: string;
  /** Path of the full page's canonical address (`/a/<id>/<slug>`); default `full`; null for none (an error page, not indexed). */
  canonical?: string | null | undefined;
  children: ComponentChildren;
}

export function LiteLayout({ ctx, title, full, canonical = full, children }: LiteLayoutProps) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale.lang} dir={ctx.locale.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {canonical === null ? (
          <meta name="robots" content="noindex" />
        ) : (
          <link rel="canonical" href={`${ctx.origin}${canonical}`} />
        )}
        <style dangerouslySetInnerHTML={{ __html: LITE_STYLE }} />
      </head>
      <body>
        <header>
          <a class="s" href={litePath.home()}>
            {ctx.siteName}
          </a>{' '}
          <span class="m">{t('lite.name')}</span>
          {ctx.header.browseSections.length > 0 ? (
            <nav>
              {ctx.header.browseSections.map((section, i) => (
                <>
                  {i > 0 ? ' · ' : null}
                  <a href={litePath.section(section.slug)}>{section.name}</a>
                </>
              ))}
            </nav>
          ) : null}
        </header>
        {ctx.breaking.length > 0 ? (
          <ul class="l">
            {ctx.breaking.map((item) => (
              <li key={item.id}>
                <b>{t('site.breaking')}:</b> <a href={litePath.article(item.id)}>{item.headline}</a>
              </li>
            ))}
          </ul>
        ) : null}
        <main>{children}</main>
        <footer>
          <p>
            {ctx.saveData ? t('lite.saveDataNote') : <a href={full}>{t('lite.fullVersion')}</a>}
          </p>
          <FooterEnd ctx={ctx} />
        </footer>
      </body>
    </html>
  );
}
