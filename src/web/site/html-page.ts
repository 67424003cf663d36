/**
 * A rendered HTML page of the reader site, as the page cache keeps it.
 */
import { surrogateKey } from '../../domain/public-change.js';
import { nextLocalMidnight } from '../../lib/time-zone.js';
import type { RenderedPage } from '../cache/cached-pages.js';
import type { PageContext } from '../views/page-context.js';

/**
 * A rendered HTML page for the cache: it carries the breaking-news ticker
 * and the footer menu, so it is labelled `breaking` and `footer` and kept
 * no longer than the first flag in the ticker lasts, nor past the site's
 * midnight (its header prints today's date). Its answers carry
 * `Onion-Location` when the site has an onion address.
 */
export function htmlPage(
  html: string,
  ctx: PageContext,
  options: Pick<
    RenderedPage,
    'maxAgeMs' | 'sharedMaxAgeS' | 'keepOnSecondAsk' | 'contentSecurityPolicy'
  > & {
    keys: string[];
  },
): RenderedPage {
  const ends = [
    ...ctx.breaking.map((item) => item.until.getTime()),
    nextLocalMidnight(ctx.now, ctx.locale.timeZone).getTime(),
  ];
  return {
    body: html,
    contentType: 'text/html; charset=utf-8',
    keys: [...options.keys, surrogateKey.breaking, surrogateKey.footer],
    expires: new Date(Math.min(...ends)),
    maxAgeMs: options.maxAgeMs,
    sharedMaxAgeS: options.sharedMaxAgeS,
    keepOnSecondAsk: options.keepOnSecondAsk,
    onion: ctx.alternates.onion,
    ...(options.contentSecurityPolicy === undefined
      ? {}
      : { contentSecurityPolicy: options.contentSecurityPolicy }),
  };
}
