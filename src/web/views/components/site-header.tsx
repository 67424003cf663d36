/**
 * The reader site's header (issue 17): the masthead (the logo an
 * administrator chose, or the site's name; today's date in the site's
 * calendar, time zone and digits, with the Hijri date when enabled; search)
 * and the section menu in the chosen order, one row that scrolls sideways
 * on a phone, the current page marked with `aria-current="page"`.
 *
 * Today's date makes a cached page stale at the site's midnight: pages are
 * kept no longer than that (site/routes.tsx `htmlPage`).
 */
import { listingPath } from '../../../domain/article-path.js';
import type { PageContext } from '../page-context.js';
import { mastheadDate } from './masthead-date.js';
import { ResponsiveImage } from './responsive-image.js';

/** `sizes` of the logo: drawn at most 16rem wide (10rem on a phone). */
const LOGO_SIZES = '(min-width: 40rem) 16rem, 10rem';

export interface SiteHeaderProps {
  ctx: PageContext;
  /** The path of the page shown when it is in the menu (`/`, `/section/<slug>`), marked current. */
  current?: string | undefined;
}

export function SiteHeader({ ctx, current }: SiteHeaderProps) {
  const { t, header, locale } = ctx;
  const { key, today, hijri } = mastheadDate(ctx.now, locale, ctx.showHijri);
  const currentOf = (path: string) => (path === current ? ('page' as const) : undefined);
  return (
    <header class="site-header">
      <div class="masthead">
        <a class="masthead__brand" href="/">
          {header.logo ? (
            <>
              <ResponsiveImage
                media={header.logo}
                alt=""
                sizes={LOGO_SIZES}
                priority="eager"
                class="masthead__logo"
              />
              <span class="visually-hidden">{ctx.siteName}</span>
            </>
          ) : (
            <span class="site-name">{ctx.siteName}</span>
          )}
        </a>
        <p class="masthead__date">
          <span class="visually-hidden">{t('site.today')}: </span>
          <time datetime={key}>{today}</time>
          {hijri ? <span class="masthead__hijri">{hijri}</span> : null}
        </p>
        <form class="site-search" method="get" action="/search" role="search">
          <label for="site-search-q" class="visually-hidden">
            {t('search.label')}
          </label>
          <input
            id="site-search-q"
            type="search"
            name="q"
            dir="auto"
            maxLength={200}
            placeholder={t('search.placeholder')}
          />
          <button type="submit">{t('search.submit')}</button>
        </form>
      </div>
      <nav class="section-nav" aria-label={t('site.sections')}>
        <ul class="section-nav__list">
          <li>
            <a href="/" aria-current={currentOf('/')}>
              {t('site.home')}
            </a>
          </li>
          {header.menu.map((section) => {
            const path = listingPath('section', section.slug);
            return (
              <li key={section.id}>
                <a href={path} aria-current={currentOf(path)}>
                  {section.name}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
