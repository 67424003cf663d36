/**
 * Live coverage (issue 19): an editor makes an article live, writers post
 * timestamped updates on it, and the editor ends the coverage (and may
 * reopen it). Rules on who may do what come from domain/roles.ts
 * (`article.live`, `live.post`, `live.edit.own`, `live.edit.any`).
 *
 * Each change is one transaction. On a published article it also:
 * - moves `articles.modified_at` (dateModified) to now when an update is
 *   posted or edited (not when one is deleted, nor when the coverage
 *   starts or ends);
 * - queues the webhook `article.updated`, with `liveUpdate: { action,
 *   number, headline, bodyHtml, key, pinned, createdAt, path }` for an
 *   update (`bodyHtml` null when deleted; `path` `/a/<id>#update-<n>`) or
 *   `live: { action, state, startedAt, endedAt }` when the coverage starts
 *   or ends;
 * - after the commit, tells `onPublicChange({ kind: 'live', … })`, which
 *   purges the article's pages and reaches readers over Server-Sent Events.
 * An article not yet published may be made live and get updates (a desk
 * preparing a story); nothing is told or sent until it is published.
 *
 * Updates may be edited and deleted after the coverage ended (an editor
 * correcting the record); new ones are refused until it is reopened.
 * Static pages are never live (LIVE_NOT_FOR_PAGES).
 */
import type { ArticleId } from '../domain/article-id.js';
import { charLength, cleanLine, cleanText } from '../domain/field-limits.js';
import { htmlToText } from '../domain/html-text.js';
import { bodyImagesWithoutAlt } from '../domain/image-alt.js';
import {
  LIVE_UPDATE_HEADLINE_MAX,
  liveUpdateAnchor,
  type LiveAction,
  type LiveCoverage,
  type LiveUpdate,
} from '../domain/live-coverage.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput, InvalidInputs } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import type { Db } from '../storage/db.js';
import {
  countLiveUpdateRows,
  deleteLiveUpdateRow,
  findArticleLive,
  findLiveUpdate,
  insertLiveUpdate,
  listLiveUpdateRows,
  setLiveState,
  setModifiedAt,
  updateLiveUpdate,
  type ArticleLiveRow,
  type LiveUpdateFields,
} from '../storage/repositories/live-updates.repository.js';
import { findEditableArticle } from '../storage/repositories/newsroom-articles.repository.js';
import { bodyHtmlOf, type EditDeps } from './edit-article.js';
import { imageName } from './publishable.js';
import { tellPublicChange } from './public-changes.js';
import { enqueueWebhookEvent } from './webhooks.js';

/** What a writer sends for an update. */
export interface LiveUpdateInput {
  /** Optional: '' for none; one line, at most LIVE_UPDATE_HEADLINE_MAX characters. */
  headline: string;
  /** HTML from the editor (or plain text, made paragraphs), sanitised like article bodies. */
  bodyHtml: string;
  key: boolean;
  pinned: boolean;
}

/** Updates a listing returns when no limit is given. */
export const LIVE_UPDATES_DEFAULT_LIMIT = 50;

/** The article's live columns, or ARTICLE_NOT_FOUND (404). */
async function loadLive(db: Db, id: ArticleId): Promise<ArticleLiveRow> {
  const row = await findArticleLive(db, id);
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', 'No such article.');
  return row;
}

/** The article's row while its coverage is running. @throws ARTICLE_NOT_FOUND, LIVE_NOT_STARTED (409) */
async function loadRunning(
  db: Db,
  id: ArticleId,
): Promise<ArticleLiveRow & { live: LiveCoverage }> {
  const row = await loadLive(db, id);
  if (row.live?.state !== 'live')
    throw new AppError('LIVE_NOT_STARTED', 'This article is not being covered live.');
  return row as ArticleLiveRow & { live: LiveCoverage };
}

/** FORBIDDEN unless `actor` may start and end coverage. */
function assertMayRun(actor: Actor): void {
  if (!can(actor, 'article.live'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators start and end live coverage.');
}

/** LIVE_POST_FORBIDDEN (403) unless `actor` may post updates. */
function assertMayPost(actor: Actor): void {
  if (!can(actor, 'live.post')) {
    throw new AppError(
      'LIVE_POST_FORBIDDEN',
      'Live updates are published at once, with no review: contributors may not post them.',
    );
  }
}

/** FORBIDDEN unless `actor` may edit or delete `update`. */
function assertMayEditUpdate(actor: Actor, update: LiveUpdate): void {
  const own = update.author !== null && update.author.id === actor.id;
  if (can(actor, 'live.edit.any') || (own && can(actor, 'live.edit.own'))) return;
  throw new AppError('FORBIDDEN', 'Your role does not allow changing this live update.');
}

/**
 * Makes article `id` live, now; idempotent while it is live (the coverage
 * is returned as it is); an ended coverage is reopened (state `live`,
 * `endedAt` null, its start kept).
 * @throws FORBIDDEN (not an editor or administrator), ARTICLE_NOT_FOUND,
 *   LIVE_NOT_FOR_PAGES (409).
 */
export async function startLiveCoverage(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
): Promise<LiveCoverage> {
  assertMayRun(actor);
  const before = await loadLive(deps.database.db, id);
  if (before.kind === 'page')
    throw new AppError('LIVE_NOT_FOR_PAGES', 'Static pages are not covered live.');
  if (before.live?.state === 'live') return before.live;
  const now = deps.now();
  const coverage: LiveCoverage = {
    state: 'live',
    startedAt: before.live?.startedAt ?? now,
    endedAt: null,
  };
  return changeCoverage(deps, id, coverage, 'started', now);
}

/**
 * Ends the live coverage of article `id`, now.
 * @throws FORBIDDEN, ARTICLE_NOT_FOUND, LIVE_NOT_STARTED (409) when it is
 *   not live (never was, or already ended).
 */
export async function endLiveCoverage(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
): Promise<LiveCoverage> {
  assertMayRun(actor);
  const before = await loadRunning(deps.database.db, id);
  const now = deps.now();
  const coverage: LiveCoverage = { state: 'ended', startedAt: before.live.startedAt, endedAt: now };
  return changeCoverage(deps, id, coverage, 'ended', now);
}

/** Stores `coverage`, sends the webhook and tells the change (see the module's comment). */
async function changeCoverage(
  deps: EditDeps,
  id: ArticleId,
  coverage: LiveCoverage,
  action: 'started' | 'ended',
  now: Date,
): Promise<LiveCoverage> {
  const published = await deps.database.db.transaction().execute(async (trx) => {
    await setLiveState(trx, id, coverage.state, coverage.startedAt, coverage.endedAt);
    return notify(trx, id, now, {
      live: {
        action,
        state: coverage.state,
        startedAt: coverage.startedAt.toISOString(),
        endedAt: coverage.endedAt?.toISOString() ?? null,
      },
    });
  });
  if (published)
    tellPublicChange(deps, { kind: 'live', articleId: id, action, updateNumber: null });
  return coverage;
}

/**
 * Queues `article.updated` with `extra` when article `id` is a published
 * news article, in `trx`. @returns whether it is published (so the change
 * is told).
 */
async function notify(
  trx: Db,
  id: ArticleId,
  now: Date,
  extra: Record<string, unknown>,
): Promise<boolean> {
  const article = await findEditableArticle(trx, id);
  if (!article || article.status !== 'published') return false;
  await enqueueWebhookEvent(
    trx,
    'article.updated',
    { id, headline: article.headline, slug: article.slug, publishedAt: article.publishedAt },
    now,
    extra,
  );
  return true;
}

/** The webhook's `liveUpdate` for `update` (`bodyHtml` null when deleted). */
function webhookUpdate(action: LiveAction, update: LiveUpdate): Record<string, unknown> {
  return {
    liveUpdate: {
      action,
      number: update.number,
      headline: update.headline,
      bodyHtml: action === 'deleted' ? null : update.bodyHtml,
      key: update.key,
      pinned: update.pinned,
      createdAt: update.createdAt.toISOString(),
      path: `/a/${update.articleId}#${liveUpdateAnchor(update.number)}`,
    },
  };
}

/**
 * The update's fields as stored: the headline as one clean line, the body
 * without the characters XML forbids (cleanText, as an article's body in
 * cleanArticleText) and then sanitised (deps.sanitizeBody). Checks every field before refusing.
 * @throws BODY_HTML_TOO_LARGE / BODY_HTML_TOO_DEEP (422) first; then
 *   InvalidInputs: `headline` LIVE_UPDATE_HEADLINE_TOO_LONG, `bodyHtml`
 *   LIVE_UPDATE_EMPTY (no text and no image or embed),
 *   LIVE_UPDATE_MISSING_ALT (the first image without alt text: `position`
 *   among the update's images, 1 = first, and `name`). An update is
 *   published when posted, so every image needs alt text, as an article's
 *   before publishing (publishable.ts assertPublishable).
 */
async function cleanUpdate(deps: EditDeps, input: LiveUpdateInput): Promise<LiveUpdateFields> {
  const headline = cleanLine(input.headline);
  const bodyHtml = await bodyHtmlOf(cleanText(input.bodyHtml), deps.sanitizeBody);
  const problems: InvalidInput[] = [];
  if (charLength(headline) > LIVE_UPDATE_HEADLINE_MAX) {
    problems.push(
      new InvalidInput(
        'LIVE_UPDATE_HEADLINE_TOO_LONG',
        'headline',
        `The update's headline is too long: at most ${LIVE_UPDATE_HEADLINE_MAX} characters.`,
        { max: LIVE_UPDATE_HEADLINE_MAX },
      ),
    );
  }
  if (htmlToText(bodyHtml, 'keep').trim() === '' && !/<(img|figure)\b/.test(bodyHtml)) {
    problems.push(new InvalidInput('LIVE_UPDATE_EMPTY', 'bodyHtml', 'The update is empty.'));
  }
  const [withoutAlt] = bodyImagesWithoutAlt(bodyHtml);
  if (withoutAlt) {
    problems.push(
      new InvalidInput(
        'LIVE_UPDATE_MISSING_ALT',
        'bodyHtml',
        `Image ${withoutAlt.position} of the update (${withoutAlt.src}) has no alt text.`,
        {
          position: withoutAlt.position,
          name: await imageName(deps.database, withoutAlt.src),
        },
      ),
    );
  }
  const [first, ...rest] = problems;
  if (first) throw rest.length === 0 ? first : new InvalidInputs([first, ...rest]);
  return { headline, bodyHtml, key: input.key === true, pinned: input.pinned === true };
}

/**
 * Posts an update on live article `id` by `actor`, numbered with the next
 * number of the article (never reused).
 * @returns the update as stored.
 * @throws LIVE_POST_FORBIDDEN (403: contributors), ARTICLE_NOT_FOUND,
 *   LIVE_NOT_STARTED (409: not live, or ended); what cleanUpdate throws
 *   (nothing stored).
 */
export async function postLiveUpdate(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  input: LiveUpdateInput,
): Promise<LiveUpdate> {
  assertMayPost(actor);
  await loadRunning(deps.database.db, id);
  const fields = await cleanUpdate(deps, input);
  const now = deps.now();
  const { update, published } = await deps.database.db.transaction().execute(async (trx) => {
    // Checked again inside: the coverage may have ended while the body was cleaned.
    const live = await loadRunning(trx, id);
    const update = await insertLiveUpdate(trx, id, actor.id, fields, now);
    if (live.status === 'published') await setModifiedAt(trx, id, now);
    const published = await notify(trx, id, now, webhookUpdate('posted', update));
    return { update, published };
  });
  if (published) {
    tellPublicChange(deps, {
      kind: 'live',
      articleId: id,
      action: 'posted',
      updateNumber: update.number,
    });
  }
  return update;
}

/** Update `number` of article `id`, or LIVE_UPDATE_NOT_FOUND (404). */
async function loadUpdate(db: Db, id: ArticleId, number: number): Promise<LiveUpdate> {
  const update =
    Number.isSafeInteger(number) && number > 0 ? await findLiveUpdate(db, id, number) : null;
  if (!update) throw new AppError('LIVE_UPDATE_NOT_FOUND', `No live update ${number}.`);
  return update;
}

/**
 * Rewrites update `number` of article `id` (its author, number and posting
 * time stay). Allowed while live and after the coverage ended.
 * @returns the update as stored.
 * `options.baseVersion` is the update's `updatedAt` when the writer
 * opened it (the edit form's `base_version`): when the stored one is
 * newer, someone else saved it since, and the edit is refused rather than
 * overwriting theirs silently. Without it, the edit is taken as it is.
 * @throws ARTICLE_NOT_FOUND, LIVE_UPDATE_NOT_FOUND (404), FORBIDDEN (not
 *   its author with `live.edit.own`, nor `live.edit.any`),
 *   LIVE_UPDATE_CHANGED (409, `details.updatedAt` the stored version's ISO
 *   time, UTC); what cleanUpdate throws (nothing stored).
 */
export async function editLiveUpdate(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  number: number,
  input: LiveUpdateInput,
  options: { baseVersion?: Date } = {},
): Promise<LiveUpdate> {
  await loadLive(deps.database.db, id);
  const stored = await loadUpdate(deps.database.db, id, number);
  assertMayEditUpdate(actor, stored);
  assertUnchanged(stored, options.baseVersion);
  const fields = await cleanUpdate(deps, input);
  const now = deps.now();
  const { update, published } = await deps.database.db.transaction().execute(async (trx) => {
    const article = await loadLive(trx, id);
    // Checked again inside: another edit may have been saved while the body was cleaned.
    assertUnchanged(await loadUpdate(trx, id, number), options.baseVersion);
    const update = await updateLiveUpdate(trx, id, number, fields, now);
    if (!update) throw new AppError('LIVE_UPDATE_NOT_FOUND', `No live update ${number}.`);
    if (article.status === 'published') await setModifiedAt(trx, id, now);
    const published = await notify(trx, id, now, webhookUpdate('edited', update));
    return { update, published };
  });
  if (published) {
    tellPublicChange(deps, { kind: 'live', articleId: id, action: 'edited', updateNumber: number });
  }
  return update;
}

/** LIVE_UPDATE_CHANGED (409) when `update` was saved after `baseVersion` (none: no check). */
function assertUnchanged(update: LiveUpdate, baseVersion: Date | undefined): void {
  if (baseVersion === undefined || update.updatedAt.getTime() <= baseVersion.getTime()) return;
  throw new AppError(
    'LIVE_UPDATE_CHANGED',
    `Live update ${update.number} was changed at ${update.updatedAt.toISOString()}, after it was opened.`,
    { details: { updatedAt: update.updatedAt.toISOString() } },
  );
}

/**
 * Deletes update `number` of article `id`; its number is not given again.
 * Does not move dateModified.
 * @throws ARTICLE_NOT_FOUND, LIVE_UPDATE_NOT_FOUND (404), FORBIDDEN (as editLiveUpdate).
 */
export async function deleteLiveUpdate(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  number: number,
): Promise<void> {
  await loadLive(deps.database.db, id);
  const update = await loadUpdate(deps.database.db, id, number);
  assertMayEditUpdate(actor, update);
  const now = deps.now();
  const published = await deps.database.db.transaction().execute(async (trx) => {
    if (!(await deleteLiveUpdateRow(trx, id, number)))
      throw new AppError('LIVE_UPDATE_NOT_FOUND', `No live update ${number}.`);
    return notify(trx, id, now, webhookUpdate('deleted', update));
  });
  if (published) {
    tellPublicChange(deps, {
      kind: 'live',
      articleId: id,
      action: 'deleted',
      updateNumber: number,
    });
  }
}

/**
 * The updates of article `id`, newest first (posting time, then number,
 * descending): at most `limit` (default LIVE_UPDATES_DEFAULT_LIMIT, at
 * most 500), numbered below `beforeNumber` (older pages) and above
 * `afterNumber` (missed since) when given. No status check: callers
 * serving readers check that the article is published.
 */
export async function listLiveUpdates(
  deps: { database: Database },
  id: ArticleId,
  options: { limit?: number; beforeNumber?: number; afterNumber?: number } = {},
): Promise<LiveUpdate[]> {
  return listLiveUpdateRows(deps.database.db, id, {
    limit: options.limit ?? LIVE_UPDATES_DEFAULT_LIMIT,
    beforeNumber: options.beforeNumber,
    afterNumber: options.afterNumber,
  });
}

/** Update `number` of article `id`, or null (no status check, as listLiveUpdates). */
export async function getLiveUpdate(
  deps: { database: Database },
  id: ArticleId,
  number: number,
): Promise<LiveUpdate | null> {
  if (!Number.isSafeInteger(number) || number <= 0) return null;
  return findLiveUpdate(deps.database.db, id, number);
}

/** How many updates article `id` has. */
export async function countLiveUpdates(
  deps: { database: Database },
  id: ArticleId,
): Promise<number> {
  return countLiveUpdateRows(deps.database.db, id);
}
