/**
 * One line of a JSON Lines article file, checked and mapped to the article
 * the import service stores. The format is that of the corpus in
 * shared/corpus: `{"id": "1000000001", "title": "…", "body": "…",
 * "section": "economy", "date": "2017-01-25"}`, and an optional `slug`
 * (as written or percent-encoded; without one the headline gives it); other
 * fields are ignored.
 */
import { z } from 'zod';
import { cleanSourceText } from '../../arabic/clean.js';
import { truncateWords } from '../../arabic/truncate.js';
import { parseArticleId } from '../../domain/article-id.js';
import { cleanLine, cleanText, FIELD_LIMITS } from '../../domain/field-limits.js';
import { wallClockToUtc } from '../../lib/time-zone.js';
import type { ImportedArticle } from '../../services/save-imported-article.js';
import { decodeSlug } from '../decode-slug.js';
import { sectionName } from './section-names.js';

const lineSchema = z.object({
  id: z.union([z.string().regex(/^\d{1,19}$/), z.number().int().positive()]).optional(),
  title: z.string().nullable().optional(),
  body: z.string().refine((b) => b.trim() !== '', { message: 'the body is empty' }),
  section: z.string().nullable().optional(),
  slug: z.string().nullable().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'the date is not YYYY-MM-DD' })
    .nullable()
    .optional(),
});

/** Longest headline made from the body when a line has no title, in graphemes. */
const DERIVED_HEADLINE_LENGTH = 100;

export type LineResult =
  { ok: true; article: ImportedArticle; warnings: string[] } | { ok: false; reason: string };

/** Reads one line; `timeZone` dates the day-only `date`. Never throws. */
export function readJsonlLine(line: string, timeZone: string): LineResult {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    if (field === 'body') return { ok: false, reason: 'no body' };
    return { ok: false, reason: `${field || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const entry = parsed.data;
  const warnings: string[] = [];
  const paragraphs = cleanText(cleanSourceText(entry.body))
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let headline = cleanLine(cleanSourceText(entry.title ?? ''));
  if (headline === '') {
    headline = truncateWords(paragraphs[0] ?? '', DERIVED_HEADLINE_LENGTH, {
      maxCodePoints: FIELD_LIMITS.headline,
    });
    warnings.push('The line has no title, so the headline is the start of the body.');
  }
  let publishedAt: Date | null = null;
  if (entry.date) {
    const [year, month, day] = entry.date.split('-').map(Number) as [number, number, number];
    try {
      publishedAt = wallClockToUtc({ year, month, day, hour: 0, minute: 0 }, timeZone);
    } catch {
      warnings.push(`The date ${entry.date} does not exist, so the date is left empty.`);
    }
  }
  const id = entry.id === undefined ? null : parseArticleId(String(entry.id));
  if (entry.id !== undefined && id === null)
    warnings.push(`The id ${String(entry.id)} cannot be used, so the article gets a new id.`);
  return {
    ok: true,
    warnings,
    article: {
      id,
      headline,
      paragraphs,
      readAlso: [],
      moreHeadlines: [],
      byline: null,
      sectionName: entry.section ? sectionName(entry.section) : null,
      publishedAt,
      publishedPrecision: 'day',
      publishedLocalTime: null,
      views: 0,
      sourceUrl: null,
      slug: entry.slug ? decodeSlug(entry.slug) : null,
    },
  };
}
