/**
 * Error pages (404, 500) in the site's language, with a way back home.
 */
import { formatDigits } from '../../arabic/digits.js';
import type { MessageKey } from '../../i18n/format.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The statuses that have a page of their own. */
export type ErrorStatus = 400 | 403 | 404 | 405 | 500;

/** The title and text of each status's page (the lite error page says the same). */
export const ERROR_TEXTS = {
  400: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: { title: 'error.notFound.title', body: 'error.notFound.body' },
  405: { title: 'error.methodNotAllowed.title', body: 'error.methodNotAllowed.body' },
  500: { title: 'error.server.title', body: 'error.server.body' },
} as const satisfies Record<ErrorStatus, { title: MessageKey; body: MessageKey }>;

export function ErrorPage({ ctx, status }: { ctx: PageContext; status: ErrorStatus }) {
  const { t } = ctx;
  const text = ERROR_TEXTS[status];
  return (
    <Layout ctx={ctx} title={`${t(text.title)} | ${ctx.siteName}`} robots="noindex">
      <section class="error-page">
        <p class="error-page__status" aria-hidden="true">
          {formatDigits(String(status), ctx.locale.numerals)}
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
