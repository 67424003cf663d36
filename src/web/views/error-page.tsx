/**
 * Error pages (404, 500) in the site's language, with a way back home.
 */
import type { MessageKey } from '../../i18n/format.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

const TEXTS = {
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  500: { title: 'error.server.title', body: 'error.server.body' },
} as const satisfies Record<number, { title: MessageKey; body: MessageKey }>;

export function ErrorPage({ ctx, status }: { ctx: PageContext; status: 404 | 500 }) {
  const { t } = ctx;
  const text = TEXTS[status];
  return (
    <Layout ctx={ctx} title={`${t(text.title)} | ${ctx.siteName}`} robots="noindex">
      <section class="error-page">
        <p class="error-page__status" aria-hidden="true">
          {status}
        </p>
        <h1>{t(text.title)}</h1>
        <p>{t(text.body)}</p>
        <p>
          <a href="/">{t('error.backHome')}</a>
        </p>
      </section>
    </Layout>
  );
}
