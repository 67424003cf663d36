/**
 * The alt-text rule of publishing: every image of an article describes
 * itself to readers who cannot see it. Checked with a real HTML parser so
 * that `<img>` in comments, scripts or attribute values is not mistaken
 * for an image, and entities (`&nbsp;`) are decoded before judging.
 */
import { Parser } from 'htmlparser2';
import { isBlankAlt } from './media.js';

/**
 * The `src` of every `<img>` in `bodyHtml` whose alt is missing or blank,
 * in document order ('' for an image without `src`). Empty when every
 * image has alt text.
 *
 * @example imagesWithoutAlt('<img src="/a.webp" alt=""><img src="/b.webp" alt="خريطة">') // ['/a.webp']
 */
export function imagesWithoutAlt(bodyHtml: string): string[] {
  const missing: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'img' && isBlankAlt(attributes.alt)) missing.push(attributes.src ?? '');
    },
  });
  parser.write(bodyHtml);
  parser.end();
  return missing;
}
