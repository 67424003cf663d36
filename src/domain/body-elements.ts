/**
 * The elements an article body may hold, as the sanitiser keeps them
 * (services/body-html.ts, every path that saves a body) and as the lite
 * page narrows them (web/views/lite/lite-body.ts): one list, so that both
 * agree on what a body is.
 */

/** Every element a saved body may contain. */
export const BODY_ELEMENTS = [
  'p',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
  'figcaption',
  'img',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'br',
  'hr',
  'cite',
  'q',
  'bdi',
  'span',
  'sub',
  'sup',
  'aside',
] as const;

/** The elements that keep a `dir` attribute (mixed-direction text), each with that one attribute. */
export const DIR_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['p', 'h2', 'h3', 'h4', 'blockquote', 'li', 'span', 'bdi', 'q'].map((tag) => [tag, ['dir']]),
);
