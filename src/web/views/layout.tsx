/**
 * The page shell: `<html lang="ar" dir="rtl">`, head metadata, header
 * (components/site-header.tsx: logo, date, search, section menu),
 * main content and footer (with the footer menu's static pages, in the
 * order an administrator chose, and a link to the alternate addresses
 * when the site has any). Direction lives only on `<html>`; the CSS uses
 * logical properties.
 */
import type { ComponentChildren } from 'preact';
import { FooterEnd } from './components/footer-end.js';
import {
  FEED_FORMATS,
  FEED_MEDIA_TYPES,
  FEED_NAMES,
  feedPath,
  type FeedOwner,
} from './feed-links.js';
import { absoluteUrl, articlePath, pagePath, type PageContext } from './page-context.js';
import { SiteHeader } from './components/site-header.js';
import { JsonLd, logoImage, SocialTags, type SocialMeta } from './components/social-meta.js';
import { keepTokens } from './components/keep-tokens.js';
import { NewsletterForm } from './components/newsletter-form.js';
import { SaveData } from './components/save-data-context.js';
import { litePath } from '../../domain/article-path.js';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string | undefined;
  /** Absolute canonical URL, when the page has one. */
  canonical?: string | undefined;
  /** `noindex` for error pages and previews. */
  robots?: string | undefined;
  /** A banner above the page (previews). */
  banner?: string | undefined;
  /**
   * Open Graph and Twitter card of the page, over the defaults made from
   * the title, description, canonical URL and the logo (pages with a
   * canonical URL only).
   */
  social?: Partial<SocialMeta> | undefined;
  /** Scripts this page adds after the reader script (the live page's), deferred. */
  scripts?: readonly string[] | undefined;
  /** schema.org JSON-LD objects, one script each. */
  structuredData?: readonly object[] | undefined;
  /** The feeds of a section, tag or author page, announced before the site's. */
  feed?: { owner: FeedOwner; title: string } | undefined;
  /** The path of this page when the header's menu lists it (`/`, `/section/<slug>`): marked current. */
  current?: string | undefined;
  /** False on a page that shows the newsletter form itself: the footer then leaves it out (default true). */
  footerNewsletter?: boolean | undefined;
  /**
   * The path of this page's lite version (`/lite/a/<id>`: issue 22), announced
   * as an alternate and linked at the foot; absent, the foot links the lite home page.
   */
  lite?: string | undefined;
  children: ComponentChildren;
}

export function Layout({
  ctx,
  title,
  description,
  canonical,
  robots,
  banner,
  feed,
  current,
  social,
  structuredData = [],
  scripts = [],
  footerNewsletter = true,
  lite,
  children,
}: LayoutProps) {
  const { t } = ctx;
  const feeds = [
    ...(feed ? [feed] : []),
    { owner: { kind: 'site' } as const, title: t('home.title', { siteName: ctx.siteName }) },
  ];
  return (
    <html
      lang={ctx.locale.lang}
      dir={ctx.locale.dir}
      class={ctx.saveData ? 'no-js save-data' : 'no-js'}
      data-numerals={ctx.locale.numerals}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {robots ? <meta name="robots" content={robots} /> : null}
        {canonical ? (
          <SocialTags
            ctx={ctx}
            meta={{ title, description, url: canonical, image: logoImage(ctx), ...social }}
          />
        ) : null}
        {structuredData.map((data) => (
          <JsonLd data={data} />
        ))}
        {feeds.flatMap(({ owner, title: feedTitle }) =>
          FEED_FORMATS.map((format) => (
            <link
              rel="alternate"
              type={FEED_MEDIA_TYPES[format]}
              title={t('feed.linkTitle', { title: feedTitle, format: FEED_NAMES[format] })}
              href={absoluteUrl(ctx, feedPath(owner, format))}
            />
          )),
        )}
        {lite ? (
          <link rel="alternate" href={absoluteUrl(ctx, lite)} title={t('lite.link')} />
        ) : null}
        <meta name="theme-color" content="#7a0b14" />
        {/* Asked to save data, the page draws in system fonts (site.css: .save-data). */}
        {ctx.saveData
          ? null
          : ctx.assets.fontPreloads.map((href) => (
              <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
            ))}
        <link rel="stylesheet" href={ctx.assets.css} />
        <script dangerouslySetInnerHTML={{ __html: ctx.headScript }} />
        <script src={ctx.assets.readerScript} defer />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <SaveData.Provider value={ctx.saveData === true}>
          {banner ? (
            <p class="banner" role="status">
              {banner}
            </p>
          ) : null}
          <a class="skip-link" href="#main">
            {t('site.skipToContent')}
          </a>
          <SiteHeader ctx={ctx} current={current} />
          {ctx.breaking.length > 0 ? (
            <section class="breaking" aria-labelledby="breaking-label">
              <div class="breaking__inner">
                <h2 id="breaking-label" class="breaking__label">
                  {t('site.breaking')}
                </h2>
                <ul class="breaking__list">
                  {ctx.breaking.map((item) => (
                    <li key={item.id}>
                      <a href={articlePath(item.id)}>{keepTokens(item.headline)}</a>
                    </li>
                  ))}
                </ul>
              </div>
            </section>
          ) : null}
          <main id="main" class="site-main">
            {children}
          </main>
          <footer class="site-footer">
            {ctx.newsletter && footerNewsletter ? <NewsletterForm t={t} /> : null}
            {ctx.footer.length > 0 ? (
              <nav class="site-footer__menu" aria-label={t('site.footerMenu')}>
                <ul>
                  {ctx.footer.map((link) => (
                    <li key={link.id}>
                      <a href={pagePath(link.slug)}>{link.title}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <p>
              <a href="/corrections">{t('corrections.title')}</a>
            </p>
            <p>
              <a href="/alerts">{t('alerts.title')}</a>
            </p>
            <p>
              <a href={lite ?? litePath.home()}>{t('lite.link')}</a>
            </p>
            <FooterEnd ctx={ctx} />
          </footer>
        </SaveData.Provider>
      </body>
    </html>
  );
}
