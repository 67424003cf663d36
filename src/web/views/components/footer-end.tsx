/**
 * The last lines of every page's footer, full and lite: the link to the
 * site's other addresses (`/mirrors`, issue 22) when it has any, so a
 * reader finds a way back when the main domain is blocked, then the
 * site's line.
 */
import { hasAlternateAddresses, MIRRORS_PATH } from '../../../domain/alternate-addresses.js';
import type { PageContext } from '../page-context.js';

export function FooterEnd({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      {hasAlternateAddresses(ctx.alternates) ? (
        <p>
          <a href={MIRRORS_PATH}>{t('mirrors.title')}</a>
        </p>
      ) : null}
      <p>{t('site.footer', { siteName: ctx.siteName })}</p>
    </>
  );
}
