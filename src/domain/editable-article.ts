/**
 * An article as the newsroom edits it, and the rules on its fields.
 */
import type { ArticleId } from './article-id.js';
import type { Role } from './roles.js';
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
}

export interface EditableArticle extends ArticleContent {
  id: ArticleId;
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

/** Longest values, in characters: what headlines, excerpts and SEO fields may hold. */
export const LIMITS = {
  headline: 300,
  excerpt: 600,
  slug: 80,
  seoTitle: 120,
  seoDescription: 300,
  caption: 500,
  credit: 200,
  tags: 20,
  tag: 60,
} as const;

/** A field that fails its rule, and which rule. */
export interface ContentProblem {
  field: keyof ArticleContent;
  code: 'REQUIRED' | 'TOO_LONG' | 'TOO_MANY';
}

/**
 * What is wrong with `content` as a saved draft (a draft may be empty but
 * for its byline); `forPublishing` also asks for a headline and a body.
 */
export function contentProblems(content: ArticleContent, forPublishing = false): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const tooLong: Array<[keyof ArticleContent, string, number]> = [
    ['headline', content.headline, LIMITS.headline],
    ['excerpt', content.excerpt, LIMITS.excerpt],
    ['seoTitle', content.seoTitle, LIMITS.seoTitle],
    ['seoDescription', content.seoDescription, LIMITS.seoDescription],
    ['featuredCaption', content.featuredCaption, LIMITS.caption],
    ['featuredCredit', content.featuredCredit, LIMITS.credit],
  ];
  for (const [field, value, max] of tooLong) {
    if ([...value].length > max) problems.push({ field, code: 'TOO_LONG' });
  }
  if (content.tags.length > LIMITS.tags) problems.push({ field: 'tags', code: 'TOO_MANY' });
  if (content.tags.some((t) => [...t].length > LIMITS.tag))
    problems.push({ field: 'tags', code: 'TOO_LONG' });
  if (content.authorIds.length === 0) problems.push({ field: 'authorIds', code: 'REQUIRED' });
  if (forPublishing) {
    if (content.headline.trim() === '') problems.push({ field: 'headline', code: 'REQUIRED' });
    if (
      content.bodyHtml.replace(/<[^>]*>/g, '').trim() === '' &&
      !/<img\b/.test(content.bodyHtml)
    ) {
      problems.push({ field: 'bodyHtml', code: 'REQUIRED' });
    }
  }
  return problems;
}

/**
 * Tag names from a comma-separated field (Arabic comma ، too), trimmed,
 * without blanks and duplicates.
 */
export function parseTagList(value: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of value.split(/[,،]/)) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag !== '' && !seen.has(tag)) {
      seen.add(tag);
      tags.push(tag);
    }
  }
  return tags;
}
