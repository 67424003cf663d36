/**
 * The body's embed figure for a YouTube video, a post on X or a Telegram
 * channel post, the block the newsroom's editor writes
 * (web/admin/client/embed-node.ts): `<figure class="embed"
 * data-embed="youtube" data-url="https://…"><a
 * href="https://…">https://…</a></figure>` (services/body-html.ts keeps
 * it; web/views/present-body.ts finishes it). Shared by the WordPress body
 * and Ghost card importers; which addresses are embeddable, and their
 * canonical form, is the rule of domain/embed-url.ts.
 */
import { httpEmbedTarget, type EmbedTarget } from '../domain/embed-url.js';
import { escapeHtml } from '../lib/escape-html.js';

/**
 * The embed figure for an http(s) address written in full, or null when it
 * is not an embeddable post. `address` is plain text (not HTML-escaped).
 * @example embedFigure('https://t.me/midad_news/42') ===
 *   '<figure class="embed" data-embed="telegram" data-url="https://t.me/midad_news/42"><a href="https://t.me/midad_news/42">https://t.me/midad_news/42</a></figure>'
 */
export function embedFigure(address: string): string | null {
  const target = httpEmbedTarget(address);
  return target === null ? null : embedFigureOf(target);
}

/** The embed figure HTML for a recognised post, its address escaped. */
export function embedFigureOf(target: EmbedTarget): string {
  const url = escapeHtml(target.url);
  return `<figure class="embed" data-embed="${target.provider}" data-url="${url}"><a href="${url}">${url}</a></figure>`;
}
