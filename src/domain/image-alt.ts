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

/**
 * The images of `bodyHtml` lacking alt text that its published version
 * `publishedBodyHtml` did not already hold without alt text (`src`, in
 * document order, as imagesWithoutAlt gives them). Each image of the
 * published version excuses one image of the same `src`, so a correction
 * to a live article (often imported from an older site whose images had no
 * alt) is not blocked by images it already showed readers, while an image
 * added, or stripped of its alt, in this edit still needs alt text.
 *
 * @example imagesNewlyWithoutAlt('<img src="/a.webp"><img src="/b.webp">', '<img src="/a.webp">') // ['/b.webp']
 */
export function imagesNewlyWithoutAlt(bodyHtml: string, publishedBodyHtml: string): string[] {
  return bodyImagesNewlyWithoutAlt(bodyHtml, publishedBodyHtml).map((image) => image.src);
}

/** A body image lacking alt text: its `src` and its place among the body's images (1 = first). */
export interface BodyImageWithoutAlt {
  readonly src: string;
  readonly position: number;
}

/**
 * The images of `bodyHtml` lacking alt text, with their place among all
 * the body's images (counting those that have alt text), in document order.
 *
 * @example bodyImagesWithoutAlt('<img src="/a.webp" alt="خريطة"><img src="/b.webp">') // [{ src: '/b.webp', position: 2 }]
 */
export function bodyImagesWithoutAlt(bodyHtml: string): BodyImageWithoutAlt[] {
  const missing: BodyImageWithoutAlt[] = [];
  let position = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name !== 'img') return;
      position += 1;
      if (isBlankAlt(attributes.alt)) missing.push({ src: attributes.src ?? '', position });
    },
  });
  parser.write(bodyHtml);
  parser.end();
  return missing;
}

/** imagesNewlyWithoutAlt, with each image's place in `bodyHtml` (see bodyImagesWithoutAlt). */
export function bodyImagesNewlyWithoutAlt(
  bodyHtml: string,
  publishedBodyHtml: string,
): BodyImageWithoutAlt[] {
  const excused = new Map<string, number>();
  for (const src of imagesWithoutAlt(publishedBodyHtml)) {
    excused.set(src, (excused.get(src) ?? 0) + 1);
  }
  return bodyImagesWithoutAlt(bodyHtml).filter(({ src }) => {
    const left = excused.get(src) ?? 0;
    if (left === 0) return true;
    excused.set(src, left - 1);
    return false;
  });
}
