/**
 * Players written into a post as HTML, which the body's sanitiser would
 * drop with what they played: an `<iframe>` (the YouTube or Facebook
 * player a classic post pasted), a `<video>` or `<audio>` (the block
 * editor's video and audio blocks). Each becomes the body's embed figure
 * for a YouTube, X or Telegram address (`youtube.com/embed/ID` is read as
 * the video's address), else a paragraph linking to what it played: a
 * Facebook player's `href`, the file's address.
 */
import { embedOrLink } from './embed-markup.js';
import { forwardLookup } from './forward-lookup.js';
import { readAttributes } from './html-attributes.js';
import { scanHtml, type HtmlToken } from './html-scan.js';

const PLAYERS: ReadonlySet<string> = new Set(['iframe', 'video', 'audio']);

/** `html` with its players replaced (see the module's doc). */
export function replacePlayers(html: string): string {
  const tokens = scanHtml(html);
  const ends = forwardLookup(
    tokens.map((t) => (t.kind === 'tag' && t.closing && PLAYERS.has(t.name) ? t.name : null)),
  );
  let out = '';
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as HtmlToken;
    if (token.kind !== 'tag' || token.closing || !PLAYERS.has(token.name)) {
      out += html.slice(token.start, token.end);
      continue;
    }
    const end = token.selfClosing ? -1 : ends.next(token.name, index);
    const last = end === -1 ? token : (tokens[end] as HtmlToken);
    out += embedOrLink(addressOf(html.slice(token.start, last.end)));
    index = end === -1 ? index : end;
  }
  return out;
}

/** The address a player plays: its `src`, else its first `<source src>`; a Facebook player's `href`. */
function addressOf(element: string): string {
  const tags = scanHtml(element).filter((t) => t.kind === 'tag' && !t.closing);
  let address = '';
  for (const tag of tags) {
    const src = readAttributes(element.slice(tag.start, tag.end)).find((a) => a.name === 'src');
    if (src && src.value.trim() !== '') {
      address = src.value.trim();
      break;
    }
  }
  // Players were often pasted with protocol-relative addresses (`//www.youtube.com/embed/…`).
  if (address.startsWith('//')) address = `https:${address}`;
  return facebookHref(address) ?? address;
}

function facebookHref(address: string): string | null {
  try {
    const url = new URL(address.replace(/&(?:amp|#0*38);/gi, '&'));
    const href = url.searchParams.get('href');
    return /(^|\.)facebook\.com$/i.test(url.hostname) && url.pathname.startsWith('/plugins/')
      ? href
      : null;
  } catch {
    return null;
  }
}
