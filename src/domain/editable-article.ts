/**
 * An article as the newsroom edits it, and the rules on its fields.
 */
import type { ArticleId } from './article-id.js';
import type { ArticleKind } from './article.js';
import { htmlToText } from './html-text.js';
import type { Role } from './roles.js';
import { FIELD_LIMITS, cleanLine, cleanText, tooLong, type LimitedField } from './field-limits.js';
import type { ArticleStatus } from './workflow.js';

/** The fields a writer edits; everything a revision keeps. */
export interface ArticleContent {
  headline: string;
  excerpt: string;
  /** Sanitised HTML. */
  bodyHtml: string;
  /** The URL slug, Arabic kept; null until the article has a headline. */
  slug: string | null;
  seoTitle: string;
  seoDescription: string;
  sectionId: string | null;
  /** Tag names, in order. */
  tags: string[];
  /** User ids of the bylines, in order; at least one. */
  authorIds: string[];
  featuredMediaId: string | null;
  featuredCaption: string;
  featuredCredit: string;
  /**
   * The source credit, shown after the writers' names («المصدر: سانا»: the
   * agency of a wire draft, an imported article's printed byline); '' for
   * none. Undefined (a form without the field): the stored one stays.
   */
  byline?: string;
}

export interface EditableArticle extends ArticleContent {
  id: ArticleId;
  /** A news article, or a static page: only editors and administrators handle pages (roles.ts). */
  kind: ArticleKind;
  status: ArticleStatus;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  breakingUntil: Date | null;
  createdBy: string | null;
  updatedAt: Date;
  /**
   * While the article is unpublished, the role (now) of whoever unpublished
   * it; null in every other status, or when that was the system.
   */
  unpublishedByRole: Role | null;
}

/** Longest values, in characters: what headlines, excerpts and SEO fields may hold (field-limits.ts). */
export const LIMITS = {
  headline: FIELD_LIMITS.headline,
  excerpt: FIELD_LIMITS.excerpt,
  slug: FIELD_LIMITS.slug,
  seoTitle: FIELD_LIMITS.seoTitle,
  seoDescription: FIELD_LIMITS.seoDescription,
  caption: FIELD_LIMITS.featuredCaption,
  credit: FIELD_LIMITS.featuredCredit,
  tags: FIELD_LIMITS.tags,
  tag: FIELD_LIMITS.tag,
} as const;

/** A field that fails its rule, and which rule. */
export interface ContentProblem {
  field: keyof ArticleContent;
  code: 'REQUIRED' | 'TOO_LONG' | 'TOO_MANY';
  /** The field's limit (characters, or tags for `tags` TOO_MANY), for TOO_LONG and TOO_MANY. */
  max?: number;
}

/**
 * What is wrong with `content` as a saved draft (a draft may be empty but
 * for its byline); `forPublishing` also asks for a headline and a body.
 */
export function contentProblems(content: ArticleContent, forPublishing = false): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const limited: Array<[keyof ArticleContent & LimitedField, string]> = [
    ['headline', content.headline],
    ['excerpt', content.excerpt],
    ['seoTitle', content.seoTitle],
    ['seoDescription', content.seoDescription],
    ['featuredCaption', content.featuredCaption],
    ['featuredCredit', content.featuredCredit],
    ['byline', content.byline ?? ''],
  ];
  for (const [field, value] of limited) {
    if (tooLong(field, value)) problems.push({ field, code: 'TOO_LONG', max: FIELD_LIMITS[field] });
  }
  if (content.tags.length > LIMITS.tags)
    problems.push({ field: 'tags', code: 'TOO_MANY', max: LIMITS.tags });
  if (content.tags.some((t) => tooLong('tag', t)))
    problems.push({ field: 'tags', code: 'TOO_LONG', max: LIMITS.tag });
  if (content.authorIds.length === 0) problems.push({ field: 'authorIds', code: 'REQUIRED' });
  if (forPublishing) {
    if (content.headline.trim() === '') problems.push({ field: 'headline', code: 'REQUIRED' });
    if (htmlToText(content.bodyHtml, 'keep') === '' && !/<img\b/.test(content.bodyHtml)) {
      problems.push({ field: 'bodyHtml', code: 'REQUIRED' });
    }
  }
  return problems;
}

/**
 * Tag names from a comma-separated field (Arabic comma ، too), each cleaned
 * as one line (`cleanLine`), without blanks and duplicates.
 */
export function parseTagList(value: string): string[] {
  return cleanTags(value.split(/[,،]/));
}

/** Tag names cleaned as one line each (`cleanLine`), without blanks and duplicates, in order. */
export function cleanTags(names: readonly string[]): string[] {
  return [...new Set(names.map(cleanLine).filter((tag) => tag !== ''))];
}

/**
 * The writer's content with every text field cleaned as stored: one-line
 * fields by `cleanLine` (forbidden XML characters and bidi controls
 * removed, white space made single), the standfirst and the body by
 * `cleanText` (forbidden XML characters removed). The body is still to be
 * sanitised; the slug is still to be made.
 */
export function cleanArticleText(input: ArticleContent): ArticleContent {
  return {
    ...input,
    headline: cleanLine(input.headline),
    excerpt: cleanText(input.excerpt),
    bodyHtml: cleanText(input.bodyHtml),
    slug: input.slug === null ? null : cleanLine(input.slug),
    seoTitle: cleanLine(input.seoTitle),
    seoDescription: cleanLine(input.seoDescription),
    featuredCaption: cleanLine(input.featuredCaption),
    featuredCredit: cleanLine(input.featuredCredit),
    ...(input.byline === undefined ? {} : { byline: cleanLine(input.byline) }),
    tags: cleanTags(input.tags),
  };
}
