/**
 * The newsletter subscription form (issue 20), in every page's footer
 * when mail is set up, and on the reader's alerts page: an email field,
 * «النشرة اليومية» and «الأخبار العاجلة» (both ticked), and a trap field
 * that people never see (hidden from sight and from screen readers) but
 * form-filling robots fill in. It posts to `/newsletter/subscribe`
 * without a CSRF token: the page is the same for everyone (cached), and
 * a forged post can only cause a confirmation mail, limited per address.
 */
import type { Translate } from '../../../i18n/format.js';

/** The trap field's name: a robot fills in a field called like this. */
export const HONEYPOT_FIELD = 'website';

export function NewsletterForm({
  t,
  email = '',
  digest = true,
  breaking = true,
  error,
  id = 'newsletter',
}: {
  t: Translate;
  email?: string;
  digest?: boolean;
  breaking?: boolean;
  /** A message said above the field (the address is not valid…). */
  error?: string | undefined;
  /** The prefix of the form's ids (two forms on one page need two). */
  id?: string;
}) {
  return (
    <form
      class="newsletter-form"
      method="post"
      action="/newsletter/subscribe"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} class="newsletter-form__title">
        {t('newsletter.form.title')}
      </h2>
      <p class="newsletter-form__lead">{t('newsletter.form.lead')}</p>
      {error ? (
        <p class="newsletter-form__error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div class="newsletter-form__row">
        <label for={`${id}-email`} class="newsletter-form__label">
          {t('newsletter.form.email')}
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          required
          maxLength={254}
          autocomplete="email"
          inputMode="email"
          dir="ltr"
          value={email}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit">{t('newsletter.form.submit')}</button>
      </div>
      <fieldset class="newsletter-form__choices">
        <legend class="visually-hidden">{t('newsletter.form.title')}</legend>
        <label>
          <input type="checkbox" name="digest" value="1" checked={digest} />{' '}
          {t('newsletter.form.digest')}
        </label>
        <label>
          <input type="checkbox" name="breaking" value="1" checked={breaking} />{' '}
          {t('newsletter.form.breaking')}
        </label>
      </fieldset>
      <div class="newsletter-form__trap" aria-hidden="true">
        <label for={`${id}-${HONEYPOT_FIELD}`}>{t('newsletter.form.honeypot')}</label>
        <input
          id={`${id}-${HONEYPOT_FIELD}`}
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autocomplete="off"
        />
      </div>
      <p class="newsletter-form__privacy">{t('newsletter.form.privacy')}</p>
    </form>
  );
}
