/**
 * A BodyContext for the body conversion's tests: attachments from a
 * table, shortcodes counted into a map.
 */
import type { SiteImage } from '../../../domain/site-import.js';
import type { BodyContext } from './body-context.js';

/** The context and what it counted. */
export function testContext(attachments: Record<string, SiteImage> = {}): {
  context: BodyContext;
  counted: Map<string, number>;
} {
  const counted = new Map<string, number>();
  return {
    counted,
    context: {
      attachment: (id) => attachments[id] ?? null,
      countShortcode: (name) => counted.set(name, (counted.get(name) ?? 0) + 1),
    },
  };
}
