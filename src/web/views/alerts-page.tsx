/**
 * The reader's alerts page, `/alerts` («التنبيهات»): browser notifications
 * on this device (on or off, breaking news, sections to follow) and the
 * email newsletter's form when mail is set up (then not repeated in the
 * footer). The page is the same for
 * everyone (a device's state lives in the browser); public/assets/push.js
 * fills in the status and does the subscribing. Without JavaScript it says
 * that notifications need it.
 */
import type { Section } from '../../domain/article.js';
import { NewsletterForm } from './components/newsletter-form.js';
import { pushMessages } from './components/push-offer.js';
import { Layout } from './layout.js';
import { absoluteUrl, type PageContext } from './page-context.js';

/** The path of the alerts page (the footer links to it). */
export const ALERTS_PATH = '/alerts';

export function AlertsPage({ ctx, sections }: { ctx: PageContext; sections: readonly Section[] }) {
  const { t } = ctx;
  const title = t('alerts.title');
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      canonical={absoluteUrl(ctx, ALERTS_PATH)}
      scripts={[ctx.assets.pushScript]}
      footerNewsletter={false}
    >
      <div class="alerts-page">
        <h1 class="page-title">{title}</h1>
        <p class="alerts-page__intro">{t('alerts.intro')}</p>
        <section
          class="alerts-push"
          aria-labelledby="alerts-push-heading"
          data-push-settings
          {...pushMessages(ctx)}
          data-msg-unsupported={t('alerts.push.unsupported')}
          data-msg-blocked={t('alerts.push.blocked')}
          data-msg-on={t('alerts.push.on')}
          data-msg-off={t('alerts.push.off')}
          data-msg-save={t('alerts.push.save')}
          data-msg-turn-on={t('alerts.push.turnOn')}
          data-msg-saved={t('alerts.push.saved')}
          data-msg-stopped={t('alerts.push.stopped')}
          data-msg-choose-one={t('alerts.push.chooseOne')}
        >
          <h2 id="alerts-push-heading">{t('alerts.push.heading')}</h2>
          <p class="alerts-push__status" role="status"></p>
          <p class="alerts-push__no-js">{t('alerts.push.noScript')}</p>
          <form class="alerts-push__form">
            <label class="alerts-push__choice">
              <input type="checkbox" name="breaking" value="1" checked />{' '}
              <span>{t('alerts.push.breaking')}</span>
            </label>
            {sections.length > 0 ? (
              <fieldset class="alerts-push__sections" aria-describedby="alerts-sections-hint">
                <legend>{t('alerts.push.sections')}</legend>
                <p id="alerts-sections-hint" class="alerts-push__hint">
                  {t('alerts.push.sectionsHint')}
                </p>
                <ul>
                  {sections.map((section) => (
                    <li key={section.id}>
                      <label class="alerts-push__choice">
                        <input type="checkbox" name="section" value={section.id} />{' '}
                        <bdi>{section.name}</bdi>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            <div class="alerts-push__actions">
              <button type="submit" class="alerts-push__save" data-push-save>
                {t('alerts.push.turnOn')}
              </button>
              <button type="button" class="alerts-push__off" data-push-off hidden>
                {t('alerts.push.turnOff')}
              </button>
            </div>
          </form>
        </section>
        {ctx.newsletter ? <NewsletterForm t={t} id="alerts-newsletter" /> : null}
      </div>
    </Layout>
  );
}
