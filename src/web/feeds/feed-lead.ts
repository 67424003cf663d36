/**
 * The top of a feed item's content (issue 19): what a feed reader must see
 * before the body, because the article page shows it there too.
 *
 * - The article's public notes, oldest first, each a paragraph
 *   «<strong>تصحيح (29 تشرين الثاني 2026، 14:00):</strong> النص» (or
 *   «تحديث (…):»), the time being when the note was added, printed as the
 *   site prints dates (its time zone, calendar, month names and digits).
 * - A live article's newest updates (at most FEED_LIVE_UPDATES, newest
 *   first, as the service gives them) under «آخر التحديثات»: each one's
 *   time, linking to the update on the article page
 *   (`<canonical URL>#update-<n>`), its headline when it has one, and its
 *   body. An excerpt-only feed (MIDAD_FEED_CONTENT=excerpt) keeps the
 *   bodies of updates out, as it keeps the article's body out: the time,
 *   link and headline remain.
 *
 * Notes are plain text and are escaped; update bodies are sanitised HTML,
 * like the article's body. URLs are made absolute by feed-document.ts.
 */
import { formatDateTime } from '../../arabic/dates.js';
import type { ArticleNote } from '../../domain/article-note.js';
import { liveUpdateAnchor, type LiveUpdate } from '../../domain/live-coverage.js';
import { escapeHtml, escapeTextNode } from '../../lib/escape-html.js';
import type { PageContext } from '../views/page-context.js';

/** What a feed item's lead is made of. */
export interface FeedLeadParts {
  /** The article's notes, oldest first. */
  notes: readonly ArticleNote[];
  /** A live article's newest updates, newest first; empty for another article. */
  liveUpdates: readonly LiveUpdate[];
  /** The article's canonical URL, absolute: the updates link to `<url>#update-<n>`. */
  articleUrl: string;
  /** Whether the feed carries bodies (`full`) or only standfirsts (`excerpt`). */
  content: 'full' | 'excerpt';
}

/** The lead of a feed item as HTML, '' when the article has no note and no update. */
export function feedLeadHtml(ctx: PageContext, parts: FeedLeadParts): string {
  return notesHtml(ctx, parts.notes) + liveUpdatesHtml(ctx, parts);
}

function notesHtml(ctx: PageContext, notes: readonly ArticleNote[]): string {
  if (notes.length === 0) return '';
  const paragraphs = notes.map((note) => {
    const time = formatDateTime(note.createdAt, ctx.locale);
    const label = ctx.t(note.kind === 'correction' ? 'feed.noteCorrection' : 'feed.noteUpdate', {
      time,
    });
    return `<p><strong>${escapeTextNode(label)}</strong> ${escapeTextNode(note.text)}</p>`;
  });
  return `<div class="article-notes">${paragraphs.join('')}</div>`;
}

function liveUpdatesHtml(ctx: PageContext, parts: FeedLeadParts): string {
  if (parts.liveUpdates.length === 0) return '';
  const updates = parts.liveUpdates.map((update) => {
    const href = `${parts.articleUrl}#${liveUpdateAnchor(update.number)}`;
    const time =
      `<time datetime="${update.createdAt.toISOString()}">` +
      `${escapeTextNode(formatDateTime(update.createdAt, ctx.locale))}</time>`;
    return (
      `<div class="live-update">` +
      `<p><a href="${escapeHtml(href)}">${time}</a></p>` +
      (update.headline === '' ? '' : `<h3>${escapeTextNode(update.headline)}</h3>`) +
      (parts.content === 'full' ? update.bodyHtml : '') +
      `</div>`
    );
  });
  return (
    `<div class="live-updates"><h2>${escapeTextNode(ctx.t('feed.liveUpdates'))}</h2>` +
    `${updates.join('')}</div>`
  );
}
