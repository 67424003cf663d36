/**
 * A post's shortcodes replaced by HTML: the ones WordPress itself
 * registers for posts (`[caption]`, `[gallery]`, `[embed]`, `[video]`,
 * `[audio]`) by their figures and links; any other (a theme's
 * `[tie_list]`, a page builder's `[vc_row]`, `[contact-form-7]`) removed
 * with its content kept, and counted by name so the import report names
 * what the old site's plugins drew.
 *
 * Pairing follows the Shortcode API's documented rules
 * (developer.wordpress.org/apis/shortcode/): an opening tag takes as its
 * content everything up to the first closing tag of the same name, or has
 * no content when none follows; the same name cannot nest inside itself
 * (`[a]x[a]y[/a]`: the inner `[a]` has no content). A closing tag that
 * ends nothing is dropped. An escaped tag (`[[name]]`, `[[name]…[/name]]`)
 * stays as text without its outer brackets.
 *
 * Iterative (a stack, no recursion) and near-linear: a body of 100,000
 * nested shortcodes or of `[[[[` never throws nor stalls.
 */
import type { BodyContext } from './body-context.js';
import { captionHtml } from './caption-shortcode.js';
import { forwardLookup } from './forward-lookup.js';
import { galleryHtml } from './gallery-shortcode.js';
import { audioShortcodeHtml, embedShortcodeHtml, videoShortcodeHtml } from './media-shortcodes.js';
import { parseShortcodeAttributes } from './shortcode-attributes.js';
import type { ShortcodeCall, ShortcodeHandler } from './shortcode-call.js';
import { scanShortcodes, type ShortcodeToken } from './shortcode-syntax.js';

const HANDLERS = new Map<string, ShortcodeHandler>([
  ['caption', captionHtml],
  ['wp_caption', captionHtml],
  ['gallery', galleryHtml],
  ['embed', embedShortcodeHtml],
  ['video', videoShortcodeHtml],
  ['audio', audioShortcodeHtml],
]);

/** An open shortcode whose content is being converted. */
interface Frame {
  call: Omit<ShortcodeCall, 'content'> | null;
  /** The index of the token that closes it (the number of tokens for the whole text). */
  end: number;
  /** The converted content so far (string concatenation, which does not copy). */
  out: string;
}

/**
 * `text` with its shortcodes converted or removed (see the module's doc).
 * @example renderShortcodes('[box]نص[/box]', context) === 'نص' // counts 'box'
 */
export function renderShortcodes(text: string, context: BodyContext): string {
  const tokens = scanShortcodes(text);
  const closers = forwardLookup(tokens.map((t) => (t.kind === 'close' ? t.name : null)));
  /** The index of the first `[/name]` after token `after` and before token `before`, or -1. */
  const closerOf = (name: string, after: number, before: number): number => {
    const found = closers.next(name, after);
    return found !== -1 && found < before ? found : -1;
  };
  const render = (call: Omit<ShortcodeCall, 'content'>, content: string | null): string => {
    const handler = HANDLERS.get(call.name);
    if (handler) return handler({ ...call, content }, context);
    context.countShortcode(call.name);
    return content ?? '';
  };

  const stack: Frame[] = [{ call: null, end: tokens.length, out: '' }];
  // Offsets below `floor` were printed already (the last `]` of an escaped tag).
  let floor = 0;
  let index = 0;
  for (;;) {
    const frame = stack[stack.length - 1] as Frame;
    if (index >= frame.end) {
      if (frame.call === null) return frame.out;
      stack.pop();
      (stack[stack.length - 1] as Frame).out += render(frame.call, frame.out);
      index = frame.end + 1;
      continue;
    }
    const token = tokens[index] as ShortcodeToken;
    index += 1;
    if (token.kind === 'text') {
      frame.out += text.slice(Math.max(token.start, floor), token.end);
      continue;
    }
    if (token.kind === 'close') continue;
    if (token.escaped) {
      if (text[token.end] === ']') {
        frame.out += text.slice(token.start + 1, token.end);
        floor = token.end + 1;
        continue;
      }
      const closer = token.selfClosing ? -1 : closerOf(token.name, index - 1, frame.end);
      const closerEnd = tokens[closer]?.end ?? -1;
      if (closer !== -1 && text[closerEnd] === ']') {
        frame.out += text.slice(token.start + 1, closerEnd);
        floor = closerEnd + 1;
        index = closer + 1;
        continue;
      }
      frame.out += '[';
    }
    const call = { name: token.name, attributes: parseShortcodeAttributes(token.attributes) };
    const closer = token.selfClosing ? -1 : closerOf(token.name, index - 1, frame.end);
    if (closer === -1) {
      frame.out += render(call, null);
    } else {
      stack.push({ call, end: closer, out: '' });
    }
  }
}
