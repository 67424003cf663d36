/**
 * `[embed]`, `[video]` and `[audio]`, WordPress's media shortcodes
 * (developer.wordpress.org/reference/functions/wp_video_shortcode/,
 * wp_audio_shortcode/, and WP_Embed::shortcode): `[embed]URL[/embed]`
 * embeds the post at URL; `[video]` and `[audio]` play a file named by
 * `src` or by an attribute named after its format (`mp4="…"`, `mp3="…"`).
 *
 * An embeddable post (YouTube, X, Telegram) becomes the body's embed
 * figure; any other address becomes a paragraph with a link to it, since
 * the body has no player: nothing the old page offered is lost.
 */
import { embedOrLink } from './embed-markup.js';
import { textOf } from './html-text.js';
import type { ShortcodeCall } from './shortcode-call.js';

const VIDEO_SOURCES = ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mov'];
const AUDIO_SOURCES = ['src', 'mp3', 'ogg', 'oga', 'wav', 'm4a', 'wma', 'flac'];

/** `[embed]URL[/embed]`: the embed figure, or a link. */
export function embedShortcodeHtml({ content }: ShortcodeCall): string {
  return embedOrLink(textOf(content ?? ''));
}

/** `[video src="…"]`: the embed figure for a YouTube source, else a link to the file. */
export function videoShortcodeHtml(call: ShortcodeCall): string {
  return embedOrLink(firstSource(call, VIDEO_SOURCES));
}

/** `[audio src="…"]`: a link to the file. */
export function audioShortcodeHtml(call: ShortcodeCall): string {
  return embedOrLink(firstSource(call, AUDIO_SOURCES));
}

function firstSource({ attributes }: ShortcodeCall, names: string[]): string {
  for (const name of names) {
    const value = attributes.named.get(name)?.trim();
    if (value) return value;
  }
  return '';
}
