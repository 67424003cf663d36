/**
 * The email of a newsletter edition (issue 20): an HTML part that mail
 * readers show as the site would (right to left, the site's font, in
 * tables so that Outlook's Word engine lays it out, every style inline),
 * and a plain-text part that reads well on its own.
 *
 * Made once per edition and cheap per recipient: `renderEditionMail`
 * builds both parts the first time it is given an `EditionMail` object,
 * keeps them on it, and later only puts in the recipient's unsubscribe
 * link (RFC 8058's link is the same the footer shows). The email sender
 * (services/mail-*.ts) loads an edition with `loadEditionMail` or
 * `createEditionMailLoader` and renders it per subscriber.
 *
 * Sources: Campaign Monitor's CSS support guide and caniemail.com (what
 * Gmail, Outlook and Apple Mail honour: inline styles, `bgcolor`,
 * `align`, `width` attributes; no WebP in Outlook for Windows, so images
 * are the JPEG/PNG originals); HTML `lang`/`dir` (WHATWG HTML §3.2.6).
 */
import { formatDate, formatDateTime } from '../arabic/dates.js';
import { formatNumber } from '../arabic/digits.js';
import type { SiteLocale } from '../arabic/locale.js';
import type { Config } from '../config/schema.js';
import { publicOrigin } from '../config/public-origin.js';
import { hasAlternateAddresses, type AlternateAddresses } from '../domain/alternate-addresses.js';
import { articlePath } from '../domain/article-path.js';
import { mediaFileUrl } from '../domain/media.js';
import type { EditionKind, RenderedMail } from '../domain/newsletter-edition.js';
import { translator } from '../i18n/format.js';
import { escapeHtml } from '../lib/escape-html.js';
import type { Db } from '../storage/db.js';
import { listSummariesByIds } from '../storage/repositories/front-page.repository.js';
import { findEdition } from '../storage/repositories/newsletter-editions.repository.js';
import { readAlternateAddresses } from './alternate-addresses.js';

/** The site as a mail shows it. */
export interface EditionMailSite {
  /** Absolute origin for links and images, no trailing slash (config/public-origin.ts). */
  origin: string;
  siteName: string;
  locale: SiteLocale;
}

/** One article of an edition's email. */
export interface EditionMailArticle {
  id: string;
  headline: string;
  standfirst: string;
  /** Absolute URL of the article (its short link `/a/<id>`). */
  url: string;
  /** The featured image: absolute URL of its JPEG/PNG original, alt text, size in pixels. */
  image: { url: string; alt: string; width: number; height: number } | null;
  section: string | null;
  publishedAt: Date | null;
}

/** What one edition's email shows. */
export interface EditionMail {
  /** The edition's id (decimal string). */
  id: string;
  kind: EditionKind;
  subject: string;
  intro: string;
  /** The articles in order; unpublished ones are left out. */
  articles: EditionMailArticle[];
  /** The site: name, origin (no trailing slash), address as shown (the host), locale (dates, digits). */
  site: { name: string; origin: string; address: string; locale: SiteLocale };
  /** The edition's date as readers see it (site time zone, month names, digits). */
  date: string;
  /** The site's mirrors and onion address, in the footer: a way back when the domain is blocked (issue 22). */
  alternates: AlternateAddresses;
}

export type { RenderedMail } from '../domain/newsletter-edition.js';

/** The site of the mails, from the settings: name, locale, public origin. */
export function editionMailSite(config: Config): EditionMailSite {
  return {
    origin: publicOrigin(config).replace(/\/+$/, ''),
    siteName: config.siteName,
    locale: {
      lang: 'ar',
      dir: 'rtl',
      timeZone: config.timeZone,
      numerals: config.numerals,
      monthNames: config.monthNames,
      calendar: 'gregory',
    },
  };
}

/** The middle of the site's day `YYYY-MM-DD`, for printing that date. */
function noonOf(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * The email of edition `editionId` with its published articles, in order.
 * `now`: the instant the edition's date is taken from when it is not an
 * automatic digest (default: the current time). @returns null when there is no such edition.
 */
export async function loadEditionMail(
  db: Db,
  editionId: string,
  site: EditionMailSite,
  now: Date = new Date(),
): Promise<EditionMail | null> {
  const edition = await findEdition(db, editionId);
  if (!edition) return null;
  const [summaries, alternates] = await Promise.all([
    listSummariesByIds(db, edition.articleIds),
    readAlternateAddresses(db),
  ]);
  const articles = summaries.map((s): EditionMailArticle => ({
    id: s.id,
    headline: s.headline,
    standfirst: s.excerpt,
    url: `${site.origin}${articlePath(s.id)}`,
    image: s.image
      ? {
          url: `${site.origin}${mediaFileUrl(s.image.id, s.image.originalFile)}`,
          alt: s.image.alt,
          width: s.image.width,
          height: s.image.height,
        }
      : null,
    section: s.section?.name ?? null,
    publishedAt: s.publishedAt,
  }));
  const dateOf = edition.digestDate ? noonOf(edition.digestDate) : (edition.sentAt ?? now);
  return {
    id: edition.id,
    kind: edition.kind,
    subject: edition.subject,
    intro: edition.intro,
    articles,
    site: {
      name: site.siteName,
      origin: site.origin,
      address: site.origin.replace(/^https?:\/\//, ''),
      locale: site.locale,
    },
    date: formatDate(dateOf, site.locale, { weekday: true }),
    alternates,
  };
}

/**
 * `loadEditionMail` remembered per edition id for `ttlMs` (default 5
 * minutes), so a sender renders an edition once for all its recipients.
 */
export function createEditionMailLoader(
  db: Db,
  site: EditionMailSite,
  ttlMs = 5 * 60_000,
): (editionId: string) => Promise<EditionMail | null> {
  const kept = new Map<string, { at: number; mail: Promise<EditionMail | null> }>();
  return (editionId) => {
    const at = Date.now();
    const hit = kept.get(editionId);
    if (hit && at - hit.at < ttlMs) return hit.mail;
    for (const [id, entry] of kept) if (at - entry.at >= ttlMs) kept.delete(id);
    const mail = loadEditionMail(db, editionId, site);
    kept.set(editionId, { at, mail });
    mail.catch(() => kept.delete(editionId));
    return mail;
  };
}

/** Where the recipient's unsubscribe URL goes in the prepared parts. */
const SLOT = '\u0000unsubscribe\u0000';
/** Where the recipient's preferences URL goes, likewise. */
const PREFS_SLOT = '\u0000preferences\u0000';
/** Splits a built part at its slots: text, slot, text, slot, … (odd indexes are slots). */
function splitSlots(built: string): string[] {
  const out: string[] = [];
  for (const [i, piece] of built.split(SLOT).entries()) {
    if (i > 0) out.push(SLOT);
    for (const [j, bit] of piece.split(PREFS_SLOT).entries()) {
      if (j > 0) out.push(PREFS_SLOT);
      out.push(bit);
    }
  }
  return out;
}

/** The recipient's links, in place of the slots of `parts` (HTML-escaped when `html`). */
function fill(
  parts: readonly string[],
  urls: { unsubscribe: string; preferences: string },
  html: boolean,
): string {
  let out = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    if (i % 2 === 0) out += part;
    else {
      const url = part === SLOT ? urls.unsubscribe : urls.preferences;
      out += html ? escapeHtml(url) : url;
    }
  }
  return out;
}

interface Prepared {
  subject: string;
  html: string[];
  text: string[];
}

const prepared = new WeakMap<EditionMail, Prepared>();

/**
 * The email of `edition` for one recipient: the subject, the HTML and the
 * text part, with `recipient.unsubscribeUrl` and, beside it,
 * `recipient.preferencesUrl` (both absolute) in the footer.
 * The parts are built once per `edition` object; each call after the first
 * only joins strings (a few microseconds).
 */
export function renderEditionMail(
  edition: EditionMail,
  recipient: { unsubscribeUrl: string; preferencesUrl: string },
): RenderedMail {
  let parts = prepared.get(edition);
  if (!parts) {
    parts = {
      subject: edition.subject,
      html: splitSlots(buildHtml(edition)),
      text: splitSlots(buildText(edition)),
    };
    prepared.set(edition, parts);
  }
  const urls = {
    unsubscribe: recipient.unsubscribeUrl,
    preferences: recipient.preferencesUrl,
  };
  return {
    subject: parts.subject,
    html: fill(parts.html, urls, true),
    text: fill(parts.text, urls, false),
  };
}

const t = translator('ar');

/** The font stack: the site's font, then fonts every mail reader has with Arabic letters. */
export const MAIL_FONT = "'Noto Naskh Arabic', Tahoma, Arial, sans-serif";
const FONT = MAIL_FONT.replace(/'/g, '&#39;');

/** Width of the mail's column, and of its lead image and thumbnails, CSS pixels. */
const COLUMN = 600;
const LEAD_IMAGE = 552;
const THUMBNAIL = 120;

const INK = '#1d1d1b';
const MUTED = '#5f5b53';
const ACCENT = '#9b1c1c';
const RULE = '#e4dfd5';
const PAGE = '#f3f1ec';

/** The height of an image shown `width` pixels wide, keeping its proportions. */
function heightAt(image: { width: number; height: number }, width: number): number {
  return image.width > 0 ? Math.max(1, Math.round((image.height * width) / image.width)) : width;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** The article's small line: section and publication time. */
function metaLine(article: EditionMailArticle, locale: SiteLocale): string {
  const parts: string[] = [];
  if (article.section) parts.push(article.section);
  if (article.publishedAt) parts.push(formatDateTime(article.publishedAt, locale));
  return parts.join(' · ');
}

function imageTag(
  image: NonNullable<EditionMailArticle['image']>,
  width: number,
  extraStyle: string,
): string {
  const height = heightAt(image, width);
  return (
    `<img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" width="${width}" height="${height}"` +
    ` style="display:block;width:100%;max-width:${width}px;height:auto;border:0;outline:none;text-decoration:none;${extraStyle}">`
  );
}

function leadArticle(article: EditionMailArticle, locale: SiteLocale): string {
  const meta = metaLine(article, locale);
  return (
    `<tr><td dir="rtl" align="right" style="padding:0 24px 24px 24px;border-bottom:1px solid ${RULE};">` +
    (article.image
      ? `<a href="${escapeHtml(article.url)}" style="text-decoration:none;">${imageTag(article.image, LEAD_IMAGE, 'margin:0 0 12px 0;')}</a>`
      : '') +
    (meta
      ? `<p dir="rtl" style="margin:0 0 6px 0;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};text-align:right;">${escapeHtml(meta)}</p>`
      : '') +
    `<h2 dir="rtl" style="margin:0 0 8px 0;font-family:${FONT};font-size:24px;line-height:36px;font-weight:bold;text-align:right;">` +
    `<a href="${escapeHtml(article.url)}" style="color:${INK};text-decoration:none;">${escapeHtml(article.headline)}</a></h2>` +
    (article.standfirst
      ? `<p dir="rtl" style="margin:0;font-family:${FONT};font-size:17px;line-height:28px;color:${INK};text-align:right;">${escapeHtml(article.standfirst)}</p>`
      : '') +
    `</td></tr>`
  );
}

function listedArticle(article: EditionMailArticle, locale: SiteLocale): string {
  const meta = metaLine(article, locale);
  const text =
    (meta
      ? `<p dir="rtl" style="margin:0 0 4px 0;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED};text-align:right;">${escapeHtml(meta)}</p>`
      : '') +
    `<h3 dir="rtl" style="margin:0 0 4px 0;font-family:${FONT};font-size:18px;line-height:28px;font-weight:bold;text-align:right;">` +
    `<a href="${escapeHtml(article.url)}" style="color:${INK};text-decoration:none;">${escapeHtml(article.headline)}</a></h3>` +
    (article.standfirst
      ? `<p dir="rtl" style="margin:0;font-family:${FONT};font-size:15px;line-height:24px;color:${MUTED};text-align:right;">${escapeHtml(article.standfirst)}</p>`
      : '');
  // In a right-to-left table the first cell is on the right: the picture, then the words.
  const cells = article.image
    ? `<td dir="rtl" align="right" valign="top" width="${THUMBNAIL}" style="width:${THUMBNAIL}px;padding:0 0 0 16px;">` +
      `<a href="${escapeHtml(article.url)}" style="text-decoration:none;">${imageTag(article.image, THUMBNAIL, '')}</a></td>` +
      `<td dir="rtl" align="right" valign="top" style="text-align:right;">${text}</td>`
    : `<td dir="rtl" align="right" valign="top" style="text-align:right;">${text}</td>`;
  return (
    `<tr><td dir="rtl" align="right" style="padding:20px 24px;border-bottom:1px solid ${RULE};">` +
    `<table role="presentation" dir="rtl" align="right" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;">` +
    `<tr>${cells}</tr></table></td></tr>`
  );
}

function buildHtml(edition: EditionMail): string {
  const locale = edition.site.locale;
  const { site } = edition;
  const home = `${site.origin}/`;
  const intro = paragraphs(edition.intro);
  const preheader = intro[0] ?? edition.articles[0]?.headline ?? edition.subject;
  const label =
    edition.kind === 'breaking' ? t('newsletter.mail.breaking') : t('newsletter.mail.digest');
  const articles = edition.articles
    .map((a, i) =>
      i === 0 || edition.kind === 'breaking' ? leadArticle(a, locale) : listedArticle(a, locale),
    )
    .join('');
  return (
    `<!DOCTYPE html>` +
    `<html lang="ar" dir="rtl" xmlns="http://www.w3.org/1999/xhtml">` +
    `<head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="x-apple-disable-message-reformatting">` +
    `<meta name="color-scheme" content="light">` +
    `<title>${escapeHtml(edition.subject)}</title>` +
    // Only what inline styles cannot say: the column fills a phone.
    `<style>@media only screen and (max-width:620px){.column{width:100% !important;}}</style>` +
    `</head>` +
    `<body dir="rtl" style="margin:0;padding:0;background-color:${PAGE};font-family:${FONT};">` +
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>` +
    `<table role="presentation" dir="rtl" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${PAGE}" style="width:100%;background-color:${PAGE};border-collapse:collapse;">` +
    `<tr><td dir="rtl" align="center" style="padding:16px 8px;">` +
    `<table role="presentation" class="column" dir="rtl" align="center" width="${COLUMN}" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:${COLUMN}px;max-width:${COLUMN}px;background-color:#ffffff;border-collapse:collapse;">` +
    // Masthead: the site's name and the edition's date.
    `<tr><td dir="rtl" align="right" style="padding:20px 24px 12px 24px;border-top:4px solid ${ACCENT};text-align:right;">` +
    `<a href="${escapeHtml(home)}" style="font-family:${FONT};font-size:28px;line-height:40px;font-weight:bold;color:${INK};text-decoration:none;">${escapeHtml(site.name)}</a>` +
    `<p dir="rtl" style="margin:4px 0 0 0;font-family:${FONT};font-size:14px;line-height:22px;color:${MUTED};text-align:right;">` +
    `<span style="color:${ACCENT};font-weight:bold;">${escapeHtml(label)}</span> · ${escapeHtml(edition.date)}</p>` +
    `</td></tr>` +
    (intro.length > 0
      ? `<tr><td dir="rtl" align="right" style="padding:8px 24px 16px 24px;text-align:right;">` +
        intro
          .map(
            (p) =>
              `<p dir="rtl" style="margin:0 0 12px 0;font-family:${FONT};font-size:17px;line-height:28px;color:${INK};text-align:right;">${escapeHtml(p)}</p>`,
          )
          .join('') +
        `</td></tr>`
      : `<tr><td style="padding:0 0 8px 0;font-size:0;line-height:0;">&nbsp;</td></tr>`) +
    articles +
    // «More on the site»: a button made of a table cell, which Outlook draws too.
    `<tr><td dir="rtl" align="center" style="padding:24px;">` +
    `<table role="presentation" dir="rtl" align="center" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>` +
    `<td align="center" bgcolor="${ACCENT}" style="background-color:${ACCENT};border-radius:4px;padding:10px 24px;">` +
    `<a href="${escapeHtml(home)}" style="font-family:${FONT};font-size:16px;line-height:24px;color:#ffffff;text-decoration:none;font-weight:bold;">${escapeHtml(t('newsletter.mail.more', { site: site.name }))}</a>` +
    `</td></tr></table></td></tr>` +
    `</table>` +
    // Footer, outside the white column: why this came, how to stop it, where the site is.
    `<table role="presentation" class="column" dir="rtl" align="center" width="${COLUMN}" cellpadding="0" cellspacing="0" border="0" style="width:${COLUMN}px;max-width:${COLUMN}px;border-collapse:collapse;">` +
    `<tr><td dir="rtl" align="center" style="padding:16px 24px 24px 24px;text-align:center;font-family:${FONT};font-size:13px;line-height:22px;color:${MUTED};">` +
    `<p dir="rtl" style="margin:0 0 8px 0;">${escapeHtml(t(edition.kind === 'breaking' ? 'newsletter.mail.whyBreaking' : 'newsletter.mail.whyDigest', { site: site.name }))}</p>` +
    `<p dir="rtl" style="margin:0 0 8px 0;"><a href="${SLOT}" style="color:${MUTED};text-decoration:underline;">${escapeHtml(t('newsletter.mail.unsubscribe'))}</a>` +
    ` · <a href="${PREFS_SLOT}" style="color:${MUTED};text-decoration:underline;">${escapeHtml(t('newsletter.mail.preferences'))}</a></p>` +
    `<p dir="rtl" style="margin:0;"><a href="${escapeHtml(home)}" style="color:${MUTED};text-decoration:none;">${escapeHtml(site.name)} · <span dir="ltr">${escapeHtml(site.address)}</span></a></p>` +
    alternatesHtml(edition.alternates) +
    `</td></tr></table>` +
    `</td></tr></table>` +
    `</body></html>`
  );
}

/**
 * The footer's alternate addresses, '' for none: a sentence, then each
 * mirror (its label, or its URL) and the onion address as links, the
 * addresses left to right.
 */
function alternatesHtml(alternates: AlternateAddresses): string {
  if (!hasAlternateAddresses(alternates)) return '';
  const link = (url: string, text: string, ltr: boolean) =>
    `<a href="${escapeHtml(url)}"${ltr ? ' dir="ltr"' : ''} style="color:${MUTED};text-decoration:underline;">${escapeHtml(text)}</a>`;
  const mirrors = alternates.mirrors.map((m) =>
    m.label === '' ? link(m.url, m.url, true) : link(m.url, m.label, false),
  );
  const onion = alternates.onion
    ? [
        `${escapeHtml(t('newsletter.mail.onion'))} ${link(`${alternates.onion.url}/`, `${alternates.onion.url}/`, true)}`,
      ]
    : [];
  return (
    `<p dir="rtl" style="margin:8px 0 0 0;">${escapeHtml(t('newsletter.mail.alternates'))} ` +
    [...mirrors, ...onion].join(' · ') +
    `</p>`
  );
}

/** The text part's lines of the alternate addresses: none, or a sentence then one address a line. */
function alternatesText(alternates: AlternateAddresses): string[] {
  if (!hasAlternateAddresses(alternates)) return [];
  return [
    t('newsletter.mail.alternates'),
    ...alternates.mirrors.map((m) => (m.label === '' ? m.url : `${m.label}: ${m.url}`)),
    ...(alternates.onion ? [`${t('newsletter.mail.onion')} ${alternates.onion.url}/`] : []),
  ];
}

function buildText(edition: EditionMail): string {
  const { site } = edition;
  const label =
    edition.kind === 'breaking' ? t('newsletter.mail.breaking') : t('newsletter.mail.digest');
  const lines: string[] = [`${site.name} — ${label}`, edition.date, '', edition.subject, ''];
  const intro = paragraphs(edition.intro);
  for (const p of intro) lines.push(p, '');
  const rule = '────────────';
  lines.push(rule, '');
  edition.articles.forEach((a, i) => {
    const number =
      edition.articles.length > 1 ? `${formatNumber(i + 1, site.locale.numerals)}. ` : '';
    lines.push(`${number}${a.headline}`);
    if (a.standfirst) lines.push(a.standfirst);
    lines.push(a.url, '');
  });
  lines.push(rule);
  lines.push(
    t(edition.kind === 'breaking' ? 'newsletter.mail.whyBreaking' : 'newsletter.mail.whyDigest', {
      site: site.name,
    }),
  );
  lines.push(`${t('newsletter.mail.unsubscribe')}: ${SLOT}`);
  lines.push(`${t('newsletter.mail.preferences')}: ${PREFS_SLOT}`);
  lines.push(`${site.name} · ${site.origin}/`);
  lines.push(...alternatesText(edition.alternates));
  return lines.join('\n') + '\n';
}
