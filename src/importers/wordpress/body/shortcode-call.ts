/**
 * One shortcode as its handler sees it (the body conversion's handlers:
 * caption, gallery, embed, video, audio).
 */
import type { BodyContext } from './body-context.js';
import type { ShortcodeAttributes } from './shortcode-attributes.js';

/** A shortcode found in a post, with its content already converted. */
export interface ShortcodeCall {
  /** As written (`caption`, `vc_row`): WordPress's names are case-sensitive. */
  name: string;
  attributes: ShortcodeAttributes;
  /**
   * The HTML between `[name]` and `[/name]`, its own shortcodes already
   * converted; null for a shortcode without a closing tag (`[gallery]`).
   */
  content: string | null;
}

/** Turns one shortcode into the HTML that replaces it. */
export type ShortcodeHandler = (call: ShortcodeCall, context: BodyContext) => string;
