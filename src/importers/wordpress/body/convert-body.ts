/**
 * A WordPress post's `content:encoded` turned into the HTML the import
 * service takes (not yet sanitised). Placeholder: returns the content
 * unchanged until the conversion lands.
 */
import type { SiteImage } from '../../../domain/site-import.js';

/** What the conversion needs from the rest of the export. */
export interface BodyContext {
  /** The attachment with this post ID (for `[gallery ids]`, `[caption]` of `wp-image-N`), or null. */
  attachment(id: string): SiteImage | null;
  /** Counts an unknown shortcode removed, by name (`vc_row`, `tie_list`). */
  countShortcode(name: string): void;
}

/** The body HTML of a post whose `content:encoded` is `content`. */
export function convertWordPressBody(content: string, _context: BodyContext): string {
  return content;
}
