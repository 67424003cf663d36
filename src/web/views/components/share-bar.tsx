/**
 * Share links of an article page: WhatsApp, Telegram, X and Facebook as
 * plain links to each service's own share address (no third-party script,
 * nothing is loaded until the reader clicks), and a button for the
 * device's share sheet (Web Share API) that the reader script shows only
 * where `navigator.share` exists. Copying the link is the short-link box's
 * job, next to this bar.
 */
import type { PageContext } from '../page-context.js';

const enc = encodeURIComponent;

/** The share address of each service for `url` with `text`, query values percent-encoded. */
export function shareLinks(url: string, text: string) {
  return {
    whatsapp: `https://wa.me/?text=${enc(`${text} ${url}`)}`,
    telegram: `https://t.me/share/url?url=${enc(url)}&text=${enc(text)}`,
    x: `https://x.com/intent/post?url=${enc(url)}&text=${enc(text)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`,
  } as const;
}

export function ShareBar({ ctx, url, title }: { ctx: PageContext; url: string; title: string }) {
  const { t } = ctx;
  const links = shareLinks(url, title);
  const services = [
    ['whatsapp', t('share.whatsapp')],
    ['telegram', t('share.telegram')],
    ['x', t('share.x')],
    ['facebook', t('share.facebook')],
  ] as const;
  return (
    <div class="share" role="group" aria-labelledby="share-label">
      <span id="share-label">{t('share.label')}</span>
      <ul class="share__list">
        {services.map(([service, name]) => (
          <li key={service}>
            <a
              class={`share__link share__link--${service}`}
              href={links[service]}
              target="_blank"
              rel="noopener"
            >
              {name}
            </a>
          </li>
        ))}
        <li>
          <button
            type="button"
            class="share__link"
            data-share-url={url}
            data-share-title={title}
            hidden
          >
            {t('share.device')}
          </button>
        </li>
      </ul>
    </div>
  );
}
