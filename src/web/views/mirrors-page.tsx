/**
 * The reader page of the site's alternate addresses, `/mirrors` (issue
 * 22): what a mirror and the onion address are, how to reach each, and
 * the addresses themselves, as links. Addresses read left to right inside
 * the right-to-left page (`dir="ltr"` on each, `<bdi>` around a label).
 */
import { MIRRORS_PATH } from '../../domain/alternate-addresses.js';
import { Layout } from './layout.js';
import { absoluteUrl, type PageContext } from './page-context.js';

export function MirrorsPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const { onion, mirrors } = ctx.alternates;
  const title = t('mirrors.title');
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      description={t('mirrors.intro', { siteName: ctx.siteName })}
      canonical={absoluteUrl(ctx, MIRRORS_PATH)}
    >
      <div class="mirrors-page">
        <h1 class="page-title">{title}</h1>
        {onion === null && mirrors.length === 0 ? (
          <p class="empty">{t('mirrors.none')}</p>
        ) : (
          <p>{t('mirrors.intro', { siteName: ctx.siteName })}</p>
        )}
        {onion === null ? null : (
          <section aria-labelledby="mirrors-onion">
            <h2 id="mirrors-onion">{t('mirrors.onionTitle')}</h2>
            <p>{t('mirrors.onionAbout')}</p>
            <p class="mirrors-page__address">
              <a href={`${onion.url}/`} dir="ltr">
                {`${onion.url}/`}
              </a>
            </p>
          </section>
        )}
        {mirrors.length === 0 ? null : (
          <section aria-labelledby="mirrors-list">
            <h2 id="mirrors-list">{t('mirrors.mirrorsTitle')}</h2>
            <p>{t('mirrors.mirrorsAbout')}</p>
            <ul class="mirrors-page__list">
              {mirrors.map((mirror) => (
                <li key={mirror.url}>
                  {mirror.label === '' ? null : (
                    <>
                      <bdi>{mirror.label}</bdi>:{' '}
                    </>
                  )}
                  <a href={mirror.url} dir="ltr">
                    {mirror.url}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
