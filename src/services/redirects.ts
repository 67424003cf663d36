/**
 * Redirects of old addresses (issue 15: every old URL keeps working): the
 * reader site asks `findRedirect` for a request that would otherwise be
 * answered 404; the newsroom lists, adds, changes and deletes them
 * (editors and administrators, `redirect.manage`); the site import saves
 * the old addresses of what it brought in (`saveImportRedirects`).
 * CSV files are in services/redirects-csv.ts.
 */
import { parseArticleId } from '../domain/article-id.js';
import { canonicalArticlePath, pagePath } from '../domain/article-path.js';
import { can, type Actor } from '../domain/roles.js';
import {
  isRedirectStatus,
  type Redirect,
  type RedirectInput,
  type RedirectStatus,
} from '../domain/redirect.js';
import {
  hasControlCharacter,
  hasLoneSurrogate,
  locationOf,
  MAX_REDIRECT_PATH_LENGTH,
  redirectKey,
} from '../domain/redirect-path.js';
import { AppError, InvalidInput } from '../lib/errors.js';
import type { Db } from '../storage/db.js';
import { findPublishedAddress } from '../storage/repositories/articles.repository.js';
import {
  deleteRedirect,
  findRedirectByKey,
  findRedirectById,
  insertRedirect,
  listRedirects,
  updateRedirect,
  upsertRedirects,
  type RedirectPage,
} from '../storage/repositories/redirects.repository.js';
import type { Database } from './database.js';
import type { RedirectHits } from './redirect-hits.js';

export interface RedirectDeps {
  database: Database;
  /** The clock (UTC). */
  now: () => Date;
}

/** Redirects a newsroom page lists. */
export const REDIRECTS_PER_PAGE = 50;

/** What the newsroom's form sends: the old address, the target, the status code as typed. */
export interface RedirectForm {
  from: string;
  to: string;
  status: string;
}

/**
 * A target that is an article's canonical path, `/a/<id>/<slug>`, as the
 * article's path today: an editor may have changed the slug since the
 * redirect was made (an import's target is the slug it came with), and
 * the old path then answers one 301 instead of two. Any other target, or
 * one whose article is not published, is kept as stored.
 */
async function currentTarget(db: Db, toPath: string): Promise<string> {
  const match = /^\/a\/([0-9]{1,19})\/[^/?#]+$/.exec(toPath);
  const id = match?.[1] === undefined ? null : parseArticleId(match[1]);
  if (id === null) return toPath;
  const found = await findPublishedAddress(db, id);
  if (found === null) return toPath;
  return found.kind === 'page' && found.slug !== null
    ? pagePath(found.slug)
    : canonicalArticlePath(id, found.slug);
}

/**
 * The redirect of an old address (a request's path and query, as sent),
 * its use counted in `hits` (in memory, written in batches:
 * redirect-hits.ts); null when there is none or the address is not one.
 * A target that is an article's path leads to its path today (currentTarget).
 * @returns `to`, ready for a `Location` header (non-ASCII percent-encoded), and the status code.
 */
export async function findRedirect(
  deps: Pick<RedirectDeps, 'database'> & { hits: Pick<RedirectHits, 'record'> },
  pathAndQuery: string,
): Promise<{ to: string; status: RedirectStatus } | null> {
  const key = redirectKey(pathAndQuery);
  if (key === null) return null;
  const found = await findRedirectByKey(deps.database.db, key);
  if (found === null) return null;
  deps.hits.record(found.id);
  return {
    to: locationOf(await currentTarget(deps.database.db, found.toPath)),
    status: found.status,
  };
}

function allow(actor: Actor): void {
  if (!can(actor, 'redirect.manage'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators manage redirects.');
}

/**
 * A page of redirects (1-based `page`, REDIRECTS_PER_PAGE each), newest
 * first; with `search`, those whose old address or target contains it
 * (matched decoded too, so `%D8%B1` finds `ر`).
 * @throws AppError FORBIDDEN
 */
export async function redirectsPage(
  deps: RedirectDeps,
  actor: Actor,
  options: { search: string; page: number },
): Promise<RedirectPage> {
  allow(actor);
  let search = options.search.trim();
  if (search.startsWith('/')) search = redirectKey(search) ?? search;
  return listRedirects(deps.database.db, {
    search,
    offset: (Math.max(1, options.page) - 1) * REDIRECTS_PER_PAGE,
    limit: REDIRECTS_PER_PAGE,
  });
}

/**
 * Adds a redirect made in the newsroom.
 * @throws InvalidInput REDIRECT_INVALID, REDIRECT_HOME (field `from`),
 *   REDIRECT_TARGET_INVALID, REDIRECT_TO_ITSELF, REDIRECT_LOOP (`to`),
 *   REDIRECT_STATUS_INVALID (`status`); AppError REDIRECT_EXISTS, FORBIDDEN.
 */
export async function createRedirect(
  deps: RedirectDeps,
  actor: Actor,
  form: RedirectForm,
): Promise<Redirect> {
  allow(actor);
  const input = checkRedirect(form);
  await refuseLoop(deps.database.db, input, null);
  const made = await insertRedirect(deps.database.db, input, 'newsroom', deps.now());
  if (made === null)
    throw new AppError('REDIRECT_EXISTS', `A redirect of ${input.fromKey} exists already.`);
  return made;
}

/**
 * Changes a redirect's old address, target and code (its hits are kept).
 * @throws as createRedirect; AppError REDIRECT_NOT_FOUND.
 */
export async function changeRedirect(
  deps: RedirectDeps,
  actor: Actor,
  id: string,
  form: RedirectForm,
): Promise<void> {
  allow(actor);
  const current = /^[0-9]{1,18}$/.test(id) ? await findRedirectById(deps.database.db, id) : null;
  if (current === null) throw new AppError('REDIRECT_NOT_FOUND', `No redirect ${id}.`);
  const input = checkRedirect(form);
  await refuseLoop(deps.database.db, input, id);
  const other = await findRedirectByKey(deps.database.db, input.fromKey);
  if (other !== null && other.id !== id)
    throw new AppError('REDIRECT_EXISTS', `A redirect of ${input.fromKey} exists already.`);
  await updateRedirect(deps.database.db, id, input);
}

/** Deletes a redirect. @throws AppError REDIRECT_NOT_FOUND, FORBIDDEN */
export async function removeRedirect(deps: RedirectDeps, actor: Actor, id: string): Promise<void> {
  allow(actor);
  const deleted = /^[0-9]{1,18}$/.test(id) && (await deleteRedirect(deps.database.db, id));
  if (!deleted) throw new AppError('REDIRECT_NOT_FOUND', `No redirect ${id}.`);
}

/** The refusal of an address holding half a character (hasLoneSurrogate). */
const BROKEN_CHARACTER =
  'has a broken character (half of an emoji or another character outside the basic plane, a lone UTF-16 surrogate): type it again.';

/**
 * A redirect's fields, checked: the old address has a key and is not the
 * home page; neither address has a lone surrogate; the target is a site path or an https URL (a redirect to
 * plain http would take readers off TLS), not the old address itself; the
 * code is one of REDIRECT_STATUSES ('' is 301).
 * @throws InvalidInput as createRedirect says, with the field's name.
 */
export function checkRedirect(form: RedirectForm): RedirectInput {
  const fromPath = form.from.trim();
  if (hasLoneSurrogate(fromPath))
    throw new InvalidInput('REDIRECT_INVALID', 'from', `The old address ${BROKEN_CHARACTER}`);
  const fromKey = redirectKey(fromPath);
  if (fromKey === null)
    throw new InvalidInput(
      'REDIRECT_INVALID',
      'from',
      'The old address must be a path starting with / or an http(s) URL, of at most 2,000 characters.',
    );
  if (fromKey === '/')
    throw new InvalidInput('REDIRECT_HOME', 'from', 'The home page cannot be redirected.');
  const toPath = checkTarget(form.to);
  if (toPath.startsWith('/') && redirectKey(toPath) === fromKey)
    throw new InvalidInput('REDIRECT_TO_ITSELF', 'to', 'A redirect cannot lead to itself.');
  const status = form.status.trim() === '' ? 301 : Number(form.status);
  if (!isRedirectStatus(status))
    throw new InvalidInput('REDIRECT_STATUS_INVALID', 'status', 'Use 301, 302, 307 or 308.');
  return { fromKey, fromPath, toPath, status };
}

/**
 * A target, trimmed: a site path (one leading `/`) or an https URL, with
 * no control character or lone surrogate, of at most 2,000 characters.
 * @throws InvalidInput REDIRECT_TARGET_INVALID (field `to`)
 */
function checkTarget(raw: string): string {
  const to = raw.trim();
  if (hasLoneSurrogate(to))
    throw new InvalidInput('REDIRECT_TARGET_INVALID', 'to', `The target ${BROKEN_CHARACTER}`);
  const refused = () =>
    new InvalidInput(
      'REDIRECT_TARGET_INVALID',
      'to',
      'The target must be a path on this site starting with / or an https URL.',
    );
  if (to.length > MAX_REDIRECT_PATH_LENGTH || hasControlCharacter(to) || /\s/.test(to))
    throw refused();
  if (to.startsWith('/')) {
    if (to.startsWith('//')) throw refused();
    return to;
  }
  try {
    const url = new URL(to);
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') throw refused();
  } catch {
    throw refused();
  }
  return to;
}

/**
 * Refuses a loop of two: the target is the old address of another
 * redirect that leads back here. (A longer chain is the newsroom's to see:
 * each hop is a redirect of its own.)
 * @throws InvalidInput REDIRECT_LOOP (field `to`)
 */
async function refuseLoop(db: Db, input: RedirectInput, ownId: string | null): Promise<void> {
  if (!input.toPath.startsWith('/')) return;
  const toKey = redirectKey(input.toPath);
  if (toKey === null) return;
  const next = await findRedirectByKey(db, toKey);
  if (next !== null && next.id !== ownId && redirectKey(next.toPath) === input.fromKey)
    throw new InvalidInput(
      'REDIRECT_LOOP',
      'to',
      `${toKey} already redirects to ${input.fromKey}: the two would loop.`,
    );
}

/** An old address of something the site import brought in, and the new address it now has. */
export interface ImportRedirect {
  /** The old path and query (`/2021/01/03/خبر/`, `/?p=123`) or absolute URL. */
  oldPath: string;
  /** The new site path (`/a/123/خبر`, `/section/أخبار`, `/feed.xml`). */
  target: string;
}

/** An old address the import could not make a redirect of, and why (English, for the report). */
export interface RefusedOldAddress {
  oldPath: string;
  reason: string;
}

/** What saveImportRedirects did. */
export interface ImportRedirectsSaved {
  /** Redirects added, or import redirects whose target was set again. */
  saved: number;
  /** The keys of those `saved`: each once, however many rows named it. */
  stored: string[];
  /** Old addresses left as they were: a redirect made in the newsroom or uploaded exists. */
  kept: number;
  /**
   * Old addresses that are not addresses (a lone surrogate, over the
   * length limit) or the home page. One that is its new address (the same
   * key: `/author/x/` of `/author/x`) needs no redirect and is not listed.
   */
  refused: RefusedOldAddress[];
}

/**
 * The key of an import's old address redirected to `target`, or why it
 * cannot be one; `same` when the old address is the new one (it needs none).
 */
function importKeyOf(
  oldPath: string,
  target: string,
): { key: string } | { reason: string } | { same: true } {
  if (hasLoneSurrogate(oldPath))
    return { reason: 'it has a broken character (a lone UTF-16 surrogate, half of a character)' };
  const key = redirectKey(oldPath);
  if (key === null)
    return { reason: 'not a path or an http(s) address of at most 2,000 characters' };
  if (key === '/') return { reason: 'the home page is never redirected' };
  if (target === '') return { reason: 'no new address' };
  if (redirectKey(target) === key) return { same: true };
  return { key };
}

/**
 * Saves the old addresses of an import as redirects (origin `import`), in
 * the import's transaction: a new key is added; a key whose redirect an
 * earlier import made gets the new target; a key with a redirect made in
 * the newsroom or uploaded keeps it. Of two rows with the same key, the
 * last wins. `now` (UTC) is when the added ones were made.
 */
export async function saveImportRedirects(
  trx: Db,
  rows: readonly ImportRedirect[],
  now: Date = new Date(),
): Promise<ImportRedirectsSaved> {
  const byKey = new Map<string, RedirectInput>();
  const refused: RefusedOldAddress[] = [];
  for (const row of rows) {
    const target = row.target.trim();
    const checked = importKeyOf(row.oldPath, target);
    if ('same' in checked) continue;
    if ('reason' in checked) {
      refused.push({ oldPath: row.oldPath, reason: checked.reason });
      continue;
    }
    const { key } = checked;
    byKey.set(key, { fromKey: key, fromPath: row.oldPath, toPath: target, status: 301 });
  }
  const stored = await upsertRedirects(trx, [...byKey.values()], 'import', now, {
    keepOthers: true,
  });
  return { saved: stored.length, stored, kept: byKey.size - stored.length, refused };
}
