/**
 * A WordPress post's `content:encoded` turned into the HTML the import
 * service takes (not yet sanitised: services/body-html.ts cleans it with
 * the editor's allowlist, and the service brings in the images, whose
 * `src` still names the old site).
 *
 * The steps, in the order WordPress itself applies them when it shows a
 * post (`the_content`: shortcodes, block rendering, auto-embeds,
 * paragraphs), each in its own file:
 *
 * 1. line endings made `\n` (exports written on Windows carry `\r\n`);
 * 2. shortcodes converted or removed and counted (shortcodes.ts);
 * 3. block-editor delimiters removed, embed and shortcode blocks rendered
 *    (blocks.ts), for a post that holds any; then every other comment,
 *    `<!--more-->` included (comments.ts);
 * 4. players written as HTML (`<iframe>`, `<video>`) and embeddable
 *    addresses alone on their line made embed figures or links
 *    (media-elements.ts, auto-embed.ts);
 * 5. paragraphs for a classic-editor post only (autop.ts): a block-editor
 *    post already has its `<p>`s, and WordPress does not paragraph it;
 * 6. paragraphs holding only figures unwrapped (figure-paragraphs.ts), and
 *    images reduced to `src`, `alt`, `width`, `height` (images.ts).
 *
 * Never throws on malformed HTML or shortcodes, and stays near-linear in
 * the length on hostile input.
 */
import { autoEmbed } from './auto-embed.js';
import type { BodyContext } from './body-context.js';
import { isBlockContent } from './block-delimiters.js';
import { convertBlocks } from './blocks.js';
import { unwrapFigureParagraphs } from './figure-paragraphs.js';
import { removeComments } from './comments.js';
import { tidyImages } from './images.js';
import { replacePlayers } from './media-elements.js';
import { autop } from './autop.js';
import { renderShortcodes } from './shortcodes.js';

export type { BodyContext } from './body-context.js';

/**
 * The body HTML of a post whose `content:encoded` is `content`; '' for an
 * empty post. Unknown shortcodes are reported through
 * `context.countShortcode`; attachments are asked of `context.attachment`.
 * @example convertWordPressBody('سطر أول\n\n[box]سطر ثانٍ[/box]', context)
 * // '<p>سطر أول</p>\n<p>سطر ثانٍ</p>', and 'box' counted once
 */
export function convertWordPressBody(content: string, context: BodyContext): string {
  const text = content.replace(/\r\n?/g, '\n');
  const blocks = isBlockContent(text);
  let html = renderShortcodes(text, context);
  if (blocks) html = convertBlocks(html);
  html = autoEmbed(replacePlayers(removeComments(html, { spacesAfter: blocks })));
  if (!blocks) html = autop(html);
  return tidyImages(unwrapFigureParagraphs(html), context).trim();
}
