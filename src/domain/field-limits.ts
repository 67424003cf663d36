/**
 * The text rules of every field a person or an importer fills in, in one
 * place so that each path (the editor and its autosave, the importers, the
 * archive restore, the CLI) holds the same ones:
 *
 * - the longest value of each field, in characters (code points, as a
 *   reader counts them: `[...value].length`);
 * - how a one-line field is cleaned (`cleanLine`) and how a text of
 *   several lines is (`cleanText`).
 *
 * Cleaning removes what XML 1.0 forbids (it would break every feed and
 * sitemap the text reaches) and, on one line, the bidi controls that can
 * disguise a name; it never changes a letter.
 */
import { removeBidiControls, removeXmlForbidden } from '../arabic/clean.js';

/** Longest value of each field, in characters (`tags`: how many tags). */
export const FIELD_LIMITS = {
  headline: 300,
  excerpt: 600,
  slug: 80,
  seoTitle: 120,
  seoDescription: 300,
  /** The featured image's caption and credit as an article shows them. */
  featuredCaption: 500,
  featuredCredit: 200,
  tags: 20,
  tag: 60,
  sectionName: 60,
  /** A user's display name (the byline of the author pages). */
  userName: 120,
  /** A user's bio on their author page (plain text). */
  userBio: 1000,
  /** One link of an author's profile (domain/author-links.ts). */
  authorLinkUrl: 500,
  /** A section's or tag's description under its name (plain text). */
  taxonomyDescription: 500,
  /** An imported article's printed byline. */
  byline: 200,
  /** An image's own alt text, caption and credit (media library). */
  mediaAlt: 400,
  mediaCaption: 1000,
  mediaCredit: 200,
  /** The name an uploaded file had on the uploader's device. */
  fileName: 255,
  /** What an API key is for ("تطبيق الجوال"). */
  apiKeyName: 80,
} as const;

/** A field that has a longest value. */
export type LimitedField = keyof typeof FIELD_LIMITS;

/**
 * One line of text as stored: the characters XML 1.0 forbids and the bidi
 * embedding, override and isolate controls removed (LRM, RLM and ALM
 * kept), runs of white space (line breaks too) made one space, trimmed.
 *
 * @example cleanLine(' \u202Egnp.exe\u0001\n\tخبر ') === 'gnp.exe خبر'
 */
export function cleanLine(text: string): string {
  return removeBidiControls(removeXmlForbidden(text)).replace(/\s+/g, ' ').trim();
}

/**
 * A text of several lines (a standfirst, a paragraph, an HTML body before
 * its sanitiser) as stored: only the characters XML 1.0 forbids removed.
 * Line breaks and bidi controls stay (the body's HTML sanitiser decides
 * about the latter).
 *
 * @example cleanText('سطر\u0008\nسطر') === 'سطر\nسطر'
 */
export function cleanText(text: string): string {
  return removeXmlForbidden(text);
}

/** A value longer than its field allows. */
export interface FieldTooLong {
  field: LimitedField;
  /** The field's limit, in characters. */
  max: number;
  /** The value's length, in characters. */
  length: number;
}

/** The length of `value` in characters (code points). */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * What is wrong with `value` as `field`'s value: null when it fits.
 *
 * @example tooLong('headline', 'x'.repeat(301)) // { field: 'headline', max: 300, length: 301 }
 */
export function tooLong(field: LimitedField, value: string): FieldTooLong | null {
  const max = FIELD_LIMITS[field];
  // A string has at least as many UTF-16 units as characters: most need no count.
  if (value.length <= max) return null;
  const length = charLength(value);
  return length > max ? { field, max, length } : null;
}

/**
 * The problem in plain English, for an import report or the command line.
 *
 * @example describeTooLong({ field: 'headline', max: 300, length: 301 })
 *   // 'headline: 301 characters, at most 300'
 */
export function describeTooLong(problem: FieldTooLong): string {
  return `${problem.field}: ${problem.length} characters, at most ${problem.max}`;
}
