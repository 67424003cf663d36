/**
 * The Content-Security-Policy of a lite page (issue 22), sent in place of
 * the site's (plugins/security-headers.ts) with the lite pages, their
 * error pages and the lite pages served in place to a browser sending
 * `Save-Data: on`. A lite page runs no script, embeds no frame and loads
 * no font, stylesheet or image (its images are links: views/lite/lite-body.ts),
 * so it allows only (CSP Level 3, W3C):
 * - its one stylesheet, inline (views/lite/lite-style.ts), by its hash;
 * - images from the site itself: only the icon a browser asks for by
 *   itself (`/favicon.ico`), which Firefox checks against the page's policy;
 * - nothing as the base URL, and no form (`base-uri` and `form-action` do
 *   not fall back to `default-src`; a lite page has no form);
 * - framing by the site's own pages only, as the site's policy.
 */
import { createHash } from 'node:crypto';
import { LITE_STYLE } from './views/lite/lite-style.js';

/** The CSP source allowing LITE_STYLE: `'sha256-…'` (base64 of its SHA-256). */
const LITE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(LITE_STYLE).digest('base64')}'`;

/** The header's value, directives in helmet's form (`name value;name value`). */
export const LITE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${LITE_STYLE_SOURCE}`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join(';');
