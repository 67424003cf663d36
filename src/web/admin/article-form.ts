/**
 * Reading the article form (URL-encoded, or JSON from autosave) into an
 * ArticleContent. Field names are the form's; repeated names arrive as
 * arrays.
 */
import { parseTagList, type ArticleContent } from '../../domain/editable-article.js';
import { field } from './form-errors.js';

function list(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  // An empty field (a byline slot left at «—») names nothing.
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The content a submitted form describes; `fallbackAuthor` when it names no byline. */
export function contentFromForm(body: unknown, fallbackAuthorIds: string[]): ArticleContent {
  const authorIds = list(body, 'authorIds');
  const tags = field(body, 'tags');
  return {
    headline: field(body, 'headline'),
    excerpt: field(body, 'excerpt'),
    bodyHtml: field(body, 'body_html'),
    slug: field(body, 'slug').trim() || null,
    seoTitle: field(body, 'seoTitle'),
    seoDescription: field(body, 'seoDescription'),
    sectionId: field(body, 'sectionId') || null,
    tags: parseTagList(
      Array.isArray((body as Record<string, unknown>)?.tags) ? list(body, 'tags').join(',') : tags,
    ),
    authorIds: authorIds.length > 0 ? authorIds : fallbackAuthorIds,
    featuredMediaId: field(body, 'featuredMediaId') || null,
    featuredCaption: field(body, 'featuredCaption'),
    featuredCredit: field(body, 'featuredCredit'),
    ...(hasField(body, 'byline') ? { byline: field(body, 'byline') } : {}),
  };
}

/** True when the form sent field `name` (a static page's form has no source credit). */
function hasField(body: unknown, name: string): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Record<string, unknown>)[name] === 'string'
  );
}

/**
 * The featured image's alt text field (`featuredAlt`), or undefined when the
 * form has none (a static page's form, an old form), so that the image's
 * alt text is then left as it is.
 */
export function featuredAltOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>).featuredAlt;
  return typeof value === 'string' ? value : undefined;
}

/** The `version` field of the form: when the writer's copy was loaded. */
export function versionOf(body: unknown): Date | null {
  const value = field(body, 'version');
  const date = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
