/**
 * The subscription form's mails (issue 20), in Arabic, right to left:
 * the double opt-in confirmation (its link works 48 hours) and, to an
 * address that subscribes already, its preferences link. HTML (a table
 * layout with inline styles, which mail programs keep) and plain text.
 */
import { translator } from '../i18n/format.js';
import { escapeHtml } from '../lib/escape-html.js';
import { randomToken } from '../lib/tokens.js';
import { addressOf, type MailTransport, type OutgoingMail } from './mail-transport.js';
import type { SubscriptionMail } from './newsletter-subscribers.js';
import type { SendOutcome } from '../domain/outbox.js';

/** What the mails need of the site. */
export interface ConfirmationMailSite {
  siteName: string;
  /** The public origin (config/public-origin.ts), without a trailing slash. */
  origin: string;
  /** The From header. */
  from: string;
}

const FONT = "'Noto Naskh Arabic', Tahoma, Arial, sans-serif";

/** The address of a subscriber's confirmation or preferences page. */
export function subscriberLink(
  origin: string,
  page: 'confirm' | 'preferences' | 'unsubscribe',
  token: string,
  editionId?: string,
): string {
  const e = editionId === undefined ? '' : `&e=${editionId}`;
  return `${origin}/newsletter/${page}?token=${encodeURIComponent(token)}${e}`;
}

/**
 * The mail for `mail` (subject, HTML and text parts), not yet addressed.
 * The confirmation names the lists asked for (the daily digest, breaking
 * news alerts); its text part says to open the link (it has no button).
 * @example renderSubscriptionMail(site, { kind: 'confirm', … }).subject === 'أكِّد اشتراكك في نشرة مداد'
 */
export function renderSubscriptionMail(
  site: ConfirmationMailSite,
  mail: SubscriptionMail,
): { subject: string; html: string; text: string; link: string } {
  const t = translator('ar');
  const confirm = mail.kind === 'confirm';
  const lists = [
    ...(mail.digest ? [t('newsletter.mail.list.digest')] : []),
    ...(mail.breaking ? [t('newsletter.mail.list.breaking')] : []),
  ].join(' و');
  const vars = { siteName: site.siteName, lists };
  const link = subscriberLink(site.origin, confirm ? 'confirm' : 'preferences', mail.token);
  const subject = t(
    confirm ? 'newsletter.mail.confirm.subject' : 'newsletter.mail.subscribed.subject',
    vars,
  );
  // The HTML part has a button; the text part only the link.
  const intro = confirm
    ? `${t('newsletter.mail.confirm.intro', vars)} ${t('newsletter.mail.confirm.action')}`
    : t('newsletter.mail.subscribed.intro', vars);
  const textIntro = confirm
    ? `${t('newsletter.mail.confirm.intro', vars)} ${t('newsletter.mail.confirm.actionText')}`
    : intro;
  const action = t(confirm ? 'newsletter.confirm.button' : 'newsletter.preferences.link');
  const notes = confirm
    ? [t('newsletter.mail.confirm.expiry'), t('newsletter.mail.confirm.ignore')]
    : [t('newsletter.mail.subscribed.ignore')];
  const p = (text: string, extra = '') =>
    `<p style="margin:0 0 16px;font-family:${FONT};font-size:16px;line-height:1.8;color:#222;${extra}">${escapeHtml(text)}</p>`;
  const html = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f1ec;" dir="rtl">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="rtl" style="background:#f4f1ec;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" dir="rtl" style="max-width:560px;width:100%;background:#ffffff;border-top:4px solid #7a0b14;">
<tr><td align="right" dir="rtl" style="padding:24px;text-align:right;">
<h1 style="margin:0 0 16px;font-family:${FONT};font-size:22px;color:#7a0b14;">${escapeHtml(site.siteName)}</h1>
${p(intro)}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" dir="rtl"><tr><td align="center" bgcolor="#7a0b14" style="border-radius:4px;">
<a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:17px;color:#ffffff;text-decoration:none;font-weight:bold;">${escapeHtml(action)}</a>
</td></tr></table>
<p style="margin:16px 0;font-family:Arial,sans-serif;font-size:13px;color:#555;direction:ltr;text-align:left;word-break:break-all;">${escapeHtml(link)}</p>
${notes.map((n) => p(n, 'font-size:14px;color:#555;')).join('\n')}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
  const text = [site.siteName, '', textIntro, '', link, '', ...notes, ''].join('\n');
  return { subject, html, text, link };
}

/**
 * Sends the form's mail `mail` through `transport`.
 * @returns the transport's outcome (never throws for a refusal).
 */
export function sendSubscriptionMail(
  transport: MailTransport,
  site: ConfirmationMailSite,
  mail: SubscriptionMail,
): Promise<SendOutcome> {
  const { subject, html, text } = renderSubscriptionMail(site, mail);
  const host = addressOf(site.from).split('@')[1] ?? 'localhost';
  const message: OutgoingMail = {
    from: site.from,
    to: mail.email,
    subject,
    html,
    text,
    messageId: `<subscribe.${randomToken(12)}@${host}>`,
  };
  return transport.send(message);
}
