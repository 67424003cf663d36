/**
 * The share menu of an article page: one small icon in the toolbar, a
 * `<details>` disclosure (it opens without JavaScript) holding the share
 * links (WhatsApp, Telegram, X and Facebook as plain links to each
 * service's own share address: no third-party script, nothing is loaded
 * until the reader clicks), a button for the device's share sheet (Web
 * Share API) that the reader script shows only where `navigator.share`
 * exists, and the article's short link with its copy button (shown only
 * with JavaScript).
 */
import type { PageContext } from '../page-context.js';
import { Icon } from './icons.js';

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

/**
 * @param url the article's short link, shared and shown in the menu
 * @param title the headline, the text shared with the link
 * @param withServices false for a private preview: only the short link, no share links
 */
export function ShareMenu({
  ctx,
  url,
  title,
  withServices = true,
}: {
  ctx: PageContext;
  url: string;
  title: string;
  withServices?: boolean;
}) {
  const { t } = ctx;
  const links = shareLinks(url, title);
  const services = [
    ['whatsapp', t('share.whatsapp')],
    ['telegram', t('share.telegram')],
    ['x', t('share.x')],
    ['facebook', t('share.facebook')],
  ] as const;
  return (
    <details class="share-menu">
      <summary class="tool">
        <Icon name="share" />
        <span class="visually-hidden">{t('share.menu')}</span>
      </summary>
      <div class="share-menu__panel">
        {withServices ? (
          <div class="share" role="group" aria-labelledby="share-label">
            <span id="share-label" class="share-menu__label">
              {t('share.label')}
            </span>
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
        ) : null}
        <div class="short-link">
          <label for="short-link" class="share-menu__label">
            {t('article.shortLink')}
          </label>
          <div class="short-link__row">
            <input id="short-link" type="text" readonly value={url} dir="ltr" />
            <button
              type="button"
              class="short-link__copy"
              data-copy-target="short-link"
              data-copied={t('article.linkCopied')}
            >
              <Icon name="link" />
              <span>{t('article.copyLink')}</span>
            </button>
          </div>
        </div>
      </div>
    </details>
  );
}
