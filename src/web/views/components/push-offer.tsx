/**
 * The push offer of an article page: an inert `<template id="push-offer">`
 * that public/assets/push.js clones into a small bottom card («تنبيهات
 * الأخبار العاجلة») on the reader's second article, never earlier. Nothing
 * shows without JavaScript or where the browser has no Push API. The
 * section checkbox (optional) offers the article's own section; the other
 * choices are on /alerts. The status messages ride along as data attributes,
 * so the script carries no text of its own.
 */
import type { Section } from '../../../domain/article.js';
import type { PageContext } from '../page-context.js';

/** Status messages of push.js, as `data-msg-*` attributes (shared with the /alerts page). */
export function pushMessages(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    'data-msg-working': t('push.working'),
    'data-msg-done': t('push.done'),
    'data-msg-denied': t('push.denied'),
    'data-msg-failed': t('push.failed'),
    'data-msg-close': t('push.close'),
  };
}

export function PushOffer({
  ctx,
  articleId,
  section,
}: {
  ctx: PageContext;
  articleId: string;
  section: Section | null;
}) {
  const { t } = ctx;
  return (
    <template id="push-offer" data-article={articleId} {...pushMessages(ctx)}>
      <aside class="push-offer" aria-labelledby="push-offer-title">
        <h2 id="push-offer-title" class="push-offer__title">
          {t('push.offer.title')}
        </h2>
        <p class="push-offer__text">{t('push.offer.text')}</p>
        {section ? (
          <label class="push-offer__choice">
            <input type="checkbox" name="section" value={section.id} />{' '}
            <span>{t('push.offer.section', { section: section.name })}</span>
          </label>
        ) : null}
        <div class="push-offer__actions">
          <button type="button" class="push-offer__yes" data-push-yes>
            {t('push.offer.yes')}
          </button>
          <button type="button" class="push-offer__later" data-push-later>
            {t('push.offer.later')}
          </button>
          <a class="push-offer__more" href="/alerts">
            {t('push.offer.settings')}
          </a>
        </div>
        <p class="push-offer__status" role="status"></p>
      </aside>
    </template>
  );
}
