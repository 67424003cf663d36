/**
 * Whether an article page shows its excerpt as a standfirst (the full
 * page and the lite page alike).
 */
import type { Article } from '../../domain/article.js';

/**
 * True when the excerpt was written as a standfirst, not taken from the
 * start of the body (imports and empty excerpts take it from there, and it
 * would then be read twice). `bodyText` is the body's text (htmlToText).
 */
export function hasStandfirst(article: Article, bodyText: string): boolean {
  const excerpt = article.excerpt.replace(/…$/, '').replace(/\s+/g, ' ').trim();
  if (excerpt === '') return false;
  // Only the body's start can hold it (collapsing the whole body's spaces
  // cost some 35 µs a page): enough of it to collapse to the excerpt's length.
  const start = bodyText.slice(0, excerpt.length * 2 + 64);
  let opening = start.replace(/\s+/g, ' ');
  if (opening.length < excerpt.length && start.length < bodyText.length) {
    opening = bodyText.replace(/\s+/g, ' ');
  }
  return !opening.startsWith(excerpt);
}
