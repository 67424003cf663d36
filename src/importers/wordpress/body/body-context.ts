/**
 * What the body conversion needs from the rest of the export, given by
 * the WXR reader: re-exported as `BodyContext` by convert-body.ts, where
 * its callers find it.
 */
import type { SiteImage } from '../../../domain/site-import.js';

/** What the conversion needs from the rest of the export. */
export interface BodyContext {
  /** The attachment with this post ID (for `[gallery ids]`, `[caption]` of `wp-image-N`), or null. */
  attachment(id: string): SiteImage | null;
  /** Counts an unknown shortcode removed, by name (`vc_row`, `tie_list`). */
  countShortcode(name: string): void;
  /** Notes an image the body names by its attachment ID that the export does not hold. */
  missingAttachment(id: string): void;
}
