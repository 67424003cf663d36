/**
 * Finishing touches on a stored (sanitised) article body before it is
 * shown: the "read also" boxes written in the editor get their label,
 * embeds get the text of their link, and YouTube embeds a button (hidden
 * until the reader's script runs) that loads the player on request, and
 * every image without a `loading` attribute (bodies saved before images
 * were made responsive, or images from outside the media library) loads
 * lazily, as body images are below the fold. The inserted text is ours and
 * escaped; the body itself was sanitised when it was saved.
 */
import type { Translate } from '../../i18n/format.js';
import { escapeHtml } from '../../lib/escape-html.js';

const EMBED_LINK_TEXT = {
  youtube: 'embed.youtube',
  x: 'embed.x',
  telegram: 'embed.telegram',
} as const;

/**
 * A body image for a reader asking to save data (issue 22): its `src` the
 * first (narrowest) entry of its `srcset`, which the sanitiser wrote in
 * ascending width, and no `srcset` or `sizes` left to pick a wider one.
 */
function smallestImage(tag: string): string {
  const first = /\ssrcset="([^" ,]+)/.exec(tag)?.[1];
  if (first === undefined) return tag;
  return tag.replace(/\s(?:srcset|sizes)="[^"]*"/g, '').replace(/\ssrc="[^"]*"/, ` src="${first}"`);
}

/**
 * The body HTML with read-also labels and embed link texts in the reader's
 * language; with `saveData`, each image offers its narrowest width alone.
 */
export function presentBody(html: string, t: Translate, saveData = false): string {
  const label = `<span class="read-also__label">${escapeHtml(t('article.readAlso'))}</span>`;
  const play = `<button type="button" class="embed__play" data-play hidden>${escapeHtml(t('embed.play'))}</button>`;
  const presented = html
    .replace(
      /(<figure class="embed" data-embed="youtube" data-url="[^"]*"><a href="[^"]*">[^<]*<\/a>)/g,
      `$1${play}`,
    )
    .replace(/(<aside class="read-also" data-article-id="\d+">)/g, `$1${label}`)
    .replace(/<img\b(?![^>]*\sloading=)/g, '<img loading="lazy"')
    .replace(
      /(<figure class="embed" data-embed="(youtube|x|telegram)" data-url="[^"]*"><a href="[^"]*">)[^<]*(<\/a>)/g,
      (_whole, open: string, provider: keyof typeof EMBED_LINK_TEXT, close: string) =>
        `${open}${escapeHtml(t(EMBED_LINK_TEXT[provider]))}${close}`,
    );
  return saveData ? presented.replace(/<img\b[^>]*>/g, smallestImage) : presented;
}
