/**
 * Writing in the newsroom: new drafts, saves and autosaves. Every save
 * keeps a whole revision; an autosave keeps one revision per writer that it
 * replaces, and never touches the live text of a published or scheduled
 * article. Rules on who may edit what come from domain/roles.ts.
 *
 * A static page (kind `page`, issue 15) is written the same way, by
 * editors and administrators only; its section, tags and featured image
 * are not used (a save clears them) and its bylines stay as created; its
 * saves send no webhook.
 *
 * A save of a published article may add a public note of correction or
 * update (issue 19, `options.note`): stored in the save's transaction, it
 * moves the article's `modified_at` (dateModified) to the save's time and
 * goes in the `article.updated` webhook; a correction also tells the
 * `corrections` change (the corrections page). A save without a note (a silent
 * typo fix) never moves `modified_at`. Publishing leaves `modified_at`
 * null (dateModified is then the publish time); unpublishing and
 * republishing leave it as it is (a republished article keeps its first
 * publish time, move-article.ts, so dateModified never falls before it):
 * a text changed meanwhile is told to readers with a note.
 */
import { headlineMatchKey } from '../arabic/normalize.js';
import { slugify } from '../arabic/slug.js';
import type { ArticleId } from '../domain/article-id.js';
import type { ArticleKind } from '../domain/article.js';
import {
  cleanArticleText,
  contentProblems,
  type ArticleContent,
  type ContentProblem,
  type EditableArticle,
} from '../domain/editable-article.js';
import { BODY_HTML_LIMITS } from '../domain/body-html-limits.js';
import { derivedExcerpt } from '../domain/derived-excerpt.js';
import type { ArticleNoteKind } from '../domain/article-note.js';
import { can, type Actor } from '../domain/roles.js';
import { escapeHtml } from '../lib/escape-html.js';
import { AppError, InvalidInput, isErrorCode } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import {
  deleteUnsavedDraft,
  findEditableArticle,
  insertDraft,
  replaceAuthors,
  replaceTags,
  updateContent,
} from '../storage/repositories/newsroom-articles.repository.js';
import {
  findNewerSaveByOthers,
  insertRevision,
  replaceAutosave,
} from '../storage/repositories/revisions.repository.js';
import { insertArticleNote } from '../storage/repositories/article-notes.repository.js';
import { setModifiedAt } from '../storage/repositories/live-updates.repository.js';
import { findSection } from '../storage/repositories/sections.repository.js';
import { findOrCreateTags } from '../storage/repositories/tags.repository.js';
import { findUserById } from '../storage/repositories/users.repository.js';
import { searchIndexFor } from '../search/index-for.js';
import { checkedNote } from './article-notes.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { baseSlug, freeArticleSlug } from './article-slug.js';
import { BodyHtmlRefused } from './body-html.js';
import { sanitizeHere, type BodySanitizer } from './sanitizer-pool.js';
import { describeFeaturedImage } from './featured-alt.js';
import { assertPublishable } from './publishable.js';
import { changingArticle, tellPublicChange, type PublicChangeDeps } from './public-changes.js';

export interface EditDeps extends PublicChangeDeps {
  database: Database;
  now: () => Date;
  /**
   * Cleans a saved body: the web app's worker threads (sanitizer-pool.ts);
   * on the calling thread when absent. Either refuses a body over the
   * limits (BODY_HTML_TOO_LARGE, BODY_HTML_TOO_DEEP) before any other work.
   */
  sanitizeBody?: BodySanitizer;
}

const EMPTY_CONTENT: Omit<ArticleContent, 'authorIds'> = {
  headline: '',
  excerpt: '',
  bodyHtml: '',
  slug: null,
  seoTitle: '',
  seoDescription: '',
  sectionId: null,
  tags: [],
  featuredMediaId: null,
  featuredCaption: '',
  featuredCredit: '',
};

/** The article, or AppError ARTICLE_NOT_FOUND (404). */
export async function loadArticle(deps: EditDeps, id: ArticleId): Promise<EditableArticle> {
  const article = await findEditableArticle(deps.database.db, id);
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', 'No such article.');
  return article;
}

/**
 * True when `actor` may change `article` now: a byline or an editor, not
 * while it is archived (restore it first), and a contributor only while it
 * is a draft (once submitted it is in the editors' hands). A static page:
 * an editor or administrator only.
 */
export function mayEdit(actor: Actor, article: EditableArticle): boolean {
  return (
    can(actor, 'article.edit', article.authorIds, article.kind) &&
    article.status !== 'archived' &&
    (actor.role !== 'contributor' || article.status === 'draft')
  );
}

/**
 * True when `actor` may see `article` in the newsroom (its bylines and
 * editors, in any status; a static page: editors and administrators).
 */
export function mayView(actor: Actor, article: EditableArticle): boolean {
  return can(actor, 'article.edit', article.authorIds, article.kind);
}

/** AppError FORBIDDEN (403) unless `actor` may edit `article` now. */
export function assertCanEdit(actor: Actor, article: EditableArticle): void {
  if (!mayEdit(actor, article)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow editing this article now.');
  }
}

/** AppError FORBIDDEN (403) unless `actor` may see `article` in the newsroom. */
export function assertCanView(actor: Actor, article: EditableArticle): void {
  if (!mayView(actor, article)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow opening this article.');
  }
}

/**
 * Starts an empty draft of `kind` (a news article by default, or a static
 * page) with `actor` as its byline.
 * @throws FORBIDDEN (403) when the role may not write one (a page: editors
 *   and administrators only).
 */
export async function createDraft(
  deps: EditDeps,
  actor: Actor,
  kind: ArticleKind = 'article',
): Promise<ArticleId> {
  if (!can(actor, 'article.create', [], kind)) {
    throw new AppError(
      'FORBIDDEN',
      kind === 'page'
        ? 'Only editors and administrators write static pages.'
        : 'Your role does not allow writing articles.',
    );
  }
  const now = deps.now();
  const content: ArticleContent = { ...EMPTY_CONTENT, authorIds: [actor.id] };
  return deps.database.db.transaction().execute(async (trx) => {
    const id = await insertDraft(
      trx,
      { content, headlineKey: '', excerpt: '', createdBy: actor.id, kind },
      now,
    );
    await replaceAuthors(trx, id, [actor.id]);
    return id;
  });
}

/**
 * A new article from its first save (the new-article form, or the first
 * autosave of a new article): its draft is kept only when that save
 * succeeds, so a refused first save leaves no empty draft behind (a flood
 * of refused saves had filled the newsroom list with untitled drafts).
 * @returns the new article's id.
 * @throws what createDraft and saveArticle throw; the draft is gone then.
 */
export async function createArticle(
  deps: EditDeps,
  actor: Actor,
  input: ArticleContent,
  options: { autosave?: boolean; kind?: ArticleKind; featuredAlt?: string | undefined } = {},
): Promise<ArticleId> {
  const id = await createDraft(deps, actor, options.kind);
  try {
    await saveArticle(deps, actor, id, input, {
      autosave: options.autosave,
      featuredAlt: options.featuredAlt,
    });
  } catch (error) {
    await deleteUnsavedDraft(deps.database.db, id).catch(() => undefined);
    throw error;
  }
  return id;
}

/**
 * Saves what the writer sent. The body is sanitised; the slug is made from
 * the headline when left empty and made unique; tags are created on the
 * fly; bylines must be users, and only a user with `article.edit.any`
 * (an editor) may change them.
 * @throws ARTICLE_NOT_FOUND, FORBIDDEN; BODY_HTML_TOO_LARGE or
 *   BODY_HTML_TOO_DEEP (422, nothing stored); ARTICLE_CHANGED (409, `details`
 *   `{ by, at }`: who made the other save, and when) when `baseVersion` is older than
 *   someone else's save; PUBLISH_* while live; InvalidInput for a bad field
 *   (`featuredAlt`: MEDIA_ALT_TOO_LONG, FEATURED_ALT_NOT_YOURS; `note_text`:
 *   ARTICLE_NOTE_NOT_PUBLISHED when the article is not published,
 *   ARTICLE_NOTE_EMPTY, ARTICLE_NOTE_TOO_LONG; `note_kind`:
 *   ARTICLE_NOTE_KIND_INVALID), nothing stored.
 */
export async function saveArticle(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  input: ArticleContent,
  options: {
    autosave?: boolean;
    revisionKind?: 'save' | 'restore';
    /** When the writer's copy was loaded: a save by someone else since then is a conflict. */
    baseVersion?: Date | null;
    /**
     * The featured image's alt text as the editor shows it (featured-alt.ts):
     * written to the image, before the publishing check, when it changed.
     * Absent (autosaves, restores): the image is left alone.
     */
    featuredAlt?: string | undefined;
    /**
     * A public note to add (issue 19): only on a published article, and
     * never with an autosave (an autosave ignores it: it is not a save
     * readers see). Its text is trimmed, cleaned of the characters XML
     * forbids, 1 to ARTICLE_NOTE_MAX characters.
     */
    note?: { kind: ArticleNoteKind; text: string } | undefined;
  } = {},
): Promise<EditableArticle> {
  const article = await loadArticle(deps, id);
  assertCanEdit(actor, article);
  const note = options.note && !options.autosave ? checkedNote(options.note) : null;
  if (note && article.status !== 'published') {
    throw new InvalidInput(
      'ARTICLE_NOTE_NOT_PUBLISHED',
      'note_text',
      'A public note goes on a published article only.',
    );
  }
  if (options.baseVersion) {
    const newer = await findNewerSaveByOthers(deps.database.db, id, options.baseVersion, actor.id);
    if (newer) {
      throw new AppError(
        'ARTICLE_CHANGED',
        'Someone else saved this article since you opened it.',
        { details: { by: newer.userName ?? '', at: newer.createdAt } },
      );
    }
  }
  const content = await cleanContent(deps, actor, article, input);
  if (options.featuredAlt !== undefined && content.featuredMediaId !== null && !options.autosave) {
    await describeFeaturedImage(deps.database, actor, content.featuredMediaId, options.featuredAlt);
  }
  const now = deps.now();
  const live = article.status === 'published' || article.status === 'scheduled';
  // What readers see (or will at the scheduled time) must stay publishable;
  // a published article's images that readers already see need no new alt.
  if (live && !options.autosave) {
    const published = article.status === 'published' ? article : null;
    await assertPublishable(deps.database, content, published);
  }
  const commit = () =>
    deps.database.db.transaction().execute(async (trx) => {
      if (options.autosave) {
        await replaceAutosave(trx, { articleId: id, userId: actor.id, content }, now);
        if (live) return;
      } else {
        const kind = options.revisionKind ?? 'save';
        await insertRevision(trx, { articleId: id, kind, userId: actor.id, content }, now);
      }
      const slug = content.slug === null ? null : await freeArticleSlug(trx, content.slug, id);
      const stored = { ...content, slug };
      await updateContent(
        trx,
        id,
        {
          content: stored,
          headlineKey: headlineMatchKey(content.headline),
          excerpt: excerptOf(content),
        },
        now,
      );
      await searchIndexFor(deps.database).indexArticle(trx, id, content);
      await replaceAuthors(trx, id, content.authorIds);
      const tags = await findOrCreateTags(trx, content.tags, slugify);
      await replaceTags(
        trx,
        id,
        tags.map((t) => t.id),
      );
      const added = note
        ? await insertArticleNote(trx, id, { ...note, authorId: actor.id }, now)
        : null;
      if (added) await setModifiedAt(trx, id, now);
      // Webhooks report news articles, not static pages (see move-article.ts).
      if (article.status === 'published' && article.kind === 'article') {
        await enqueueWebhookEvent(
          trx,
          'article.updated',
          { id, headline: content.headline, slug, publishedAt: article.publishedAt },
          now,
          added
            ? {
                note: {
                  kind: added.kind,
                  text: added.text,
                  createdAt: added.createdAt.toISOString(),
                },
              }
            : {},
        );
      }
    });
  // Only a published article's save changes what readers see.
  if (article.status === 'published' && !options.autosave) await changingArticle(deps, id, commit);
  else await commit();
  // A new correction is news to the corrections page, even where it does not list the article.
  if (note?.kind === 'correction') tellPublicChange(deps, { kind: 'corrections' });
  return loadArticle(deps, id);
}

/** The stored excerpt: the writer's, or the start of the body's first paragraph. */
function excerptOf(content: ArticleContent): string {
  if (content.excerpt.trim() !== '') return content.excerpt.trim();
  return derivedExcerpt(content.bodyHtml);
}

/**
 * The code of a draft's content problem, e.g. `ARTICLE_HEADLINE_TOO_LONG`.
 * @throws Error when the catalogue lacks it (a new rule needs its code there).
 */
function problemCode(problem: ContentProblem) {
  const code = `ARTICLE_${problem.field.toUpperCase()}_${problem.code}` as const;
  if (!isErrorCode(code)) throw new Error(`${code} is not in the error catalogue.`);
  return code;
}

async function cleanContent(
  deps: EditDeps,
  actor: Actor,
  article: EditableArticle,
  input: ArticleContent,
): Promise<ArticleContent> {
  const text = cleanArticleText(input);
  const content: ArticleContent = {
    ...text,
    bodyHtml: await bodyHtmlOf(text.bodyHtml, deps.sanitizeBody),
    slug: baseSlug(text.slug, text.headline) || null,
    authorIds: [...new Set(input.authorIds)],
  };
  // Bylines are the editors' call: a writer's save keeps the ones stored.
  if (!can(actor, 'article.edit.any')) content.authorIds = article.authorIds;
  // A static page has no section, tags, featured image or byline to show.
  if (article.kind === 'page') {
    Object.assign(content, {
      sectionId: null,
      tags: [],
      featuredMediaId: null,
      featuredCaption: '',
      featuredCredit: '',
      authorIds: article.authorIds,
    });
  }
  const problem = contentProblems(content)[0];
  if (problem) {
    throw new InvalidInput(
      problemCode(problem),
      problem.field,
      problem.max === undefined
        ? `${problem.field}: ${problem.code}`
        : `${problem.field}: ${problem.code} (at most ${problem.max})`,
      problem.max === undefined ? {} : { max: problem.max },
    );
  }
  for (const authorId of content.authorIds) {
    const user = /^[1-9][0-9]{0,18}$/.test(authorId)
      ? await findUserById(deps.database.db, authorId)
      : null;
    if (!user)
      throw new InvalidInput('ARTICLE_AUTHOR_UNKNOWN', 'authorIds', `No user ${authorId}.`);
  }
  if (
    content.sectionId !== null &&
    !(await findSection(deps.database.db, { id: content.sectionId }))
  ) {
    throw new InvalidInput('ARTICLE_SECTION_UNKNOWN', 'sectionId', 'No such section.');
  }
  return content;
}

/**
 * The body as sanitised HTML, cleaned by `sanitize` (default: on this
 * thread). Text without any tag (typed in the plain textarea, without
 * JavaScript) becomes paragraphs: one per blank-line separated block,
 * single line breaks kept as breaks.
 * @throws BodyHtmlRefused over the limits (domain/body-html-limits.ts).
 */
export async function bodyHtmlOf(
  body: string,
  sanitize: BodySanitizer = sanitizeHere,
): Promise<string> {
  const html = /<[a-z!/]/i.test(body) ? await sanitize(body) : await sanitize(paragraphsOf(body));
  // What is stored stays within the limits too, so that it can always be saved again:
  // sanitising may lengthen it (`<br>` becomes `<br />`, open paragraphs are closed).
  if (html.length > BODY_HTML_LIMITS.maxChars) throw new BodyHtmlRefused('TOO_LARGE');
  return html;
}

/** Plain text as paragraphs: one per blank-line separated block, line breaks kept. */
function paragraphsOf(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  return blocks.map((b) => `<p>${escapeHtml(b).replace(/\n/g, '<br />')}</p>`).join('\n');
}
