/**
 * An old site's author name as plain text. WordPress and Ghost keep a
 * display name as typed, and some sites typed markup into it (`<b>علي</b>`):
 * shown literally, the tags would appear in every byline. The name is read
 * with the one HTML reader of the project (domain/html-text.ts), so that
 * entities are decoded and a `<` inside an attribute is not taken for a tag.
 */
import { htmlToText } from '../domain/html-text.js';

/**
 * The text of the name `raw`, its lines joined by a space; `fallback`
 * (a slug or login) when nothing readable is left.
 * @example plainDisplayName('<b>علي</b> حسن', 'ali') === 'علي حسن'
 */
export function plainDisplayName(raw: string, fallback: string): string {
  return htmlToText(raw).split('\n').join(' ').trim() || fallback;
}
