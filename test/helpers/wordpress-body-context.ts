/**
 * A BodyContext for the WordPress body conversion's tests
 * (src/importers/wordpress/body): attachments from a table, shortcodes
 * counted into a map, the IDs of missing attachments listed. Kept under test/ so the build leaves it out.
 */
import type { SiteImage } from '../../src/domain/site-import.js';
import type { BodyContext } from '../../src/importers/wordpress/body/body-context.js';

/** The context and what it counted. */
export function testContext(attachments: Record<string, SiteImage> = {}): {
  context: BodyContext;
  counted: Map<string, number>;
  missing: string[];
} {
  const counted = new Map<string, number>();
  const missing: string[] = [];
  return {
    counted,
    missing,
    context: {
      attachment: (id) => attachments[id] ?? null,
      countShortcode: (name) => counted.set(name, (counted.get(name) ?? 0) + 1),
      missingAttachment: (id) => missing.push(id),
    },
  };
}
