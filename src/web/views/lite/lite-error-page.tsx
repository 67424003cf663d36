/**
 * An error page under `/lite/` (a lite page that is not there): the same
 * words as the full error page (error-page.tsx), in the lite shell, so a
 * reader saving data never downloads the full site's fonts and script for
 * a 404.
 */
import { formatDigits } from '../../../arabic/digits.js';
import { litePath } from '../../../domain/article-path.js';
import { ERROR_TEXTS, type ErrorStatus } from '../error-page.js';
import type { PageContext } from '../page-context.js';
import { LiteLayout } from './lite-layout.js';

export function LiteErrorPage({ ctx, status }: { ctx: PageContext; status: ErrorStatus }) {
  const { t } = ctx;
  const text = ERROR_TEXTS[status];
  return (
    <LiteLayout ctx={ctx} title={`${t(text.title)} | ${ctx.siteName}`} full="/" canonical={null}>
      <h1>
        {formatDigits(String(status), ctx.locale.numerals)} · {t(text.title)}
      </h1>
      <p>{t(text.body)}</p>
      <p>
        <a href={litePath.home()}>{t('error.backHome')}</a>
      </p>
    </LiteLayout>
  );
}
