/**
 * The wire desk's sources: agencies' feeds (a URL) and folders the site
 * reads, managed by administrators (`wire.manage`) or from the CLI (actor
 * null: whoever runs the server's command line is trusted). And what the
 * poller needs of them: leasing the due ones, recording each poll's outcome
 * with its backoff, remembering a folder's files already read.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { cleanLine, charLength } from '../domain/field-limits.js';
import { can, type Actor } from '../domain/roles.js';
import {
  WIRE_AGENCY_MAX,
  WIRE_EVERY_MINUTES,
  WIRE_NAME_MAX,
  WIRE_URL_MAX,
  wireBackoffMs,
  type WirePollOutcome,
  type WireSource,
  type WireSourceChanges,
  type WireSourceInput,
} from '../domain/wire.js';
import { AppError, InvalidInput, throwInvalidInputs } from '../lib/errors.js';
import { checkPublicUrl } from '../lib/public-url.js';
import type { Database } from '../storage/database.js';
import { findSection } from '../storage/repositories/sections.repository.js';
import {
  deleteWireSource,
  findWireSource,
  findWireSourceByName,
  hasFolderFile,
  insertWireSource,
  leaseDueWireSources,
  listWireSourceRows,
  rememberFolderFile,
  updateWireSourceRow,
  writeWirePoll,
  isWireId,
  folderFileNames,
  forgetFolderFiles,
} from '../storage/repositories/wire.repository.js';
import { rekeyWireItem, wireItemsOfSource } from '../storage/repositories/wire-items.repository.js';
import { wireAgencyKey, wireDeskAccess, wireStoryKey } from './wire-queue.js';

/** What the sources' services need: the database and the clock. */
export interface WireDeps {
  database: Database;
  now: () => Date;
}

/** FORBIDDEN unless `actor` is null (the CLI) or may manage the desk. */
function allowManage(actor: Actor | null): void {
  if (actor !== null && !can(actor, 'wire.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators manage the wire sources.');
}

/** The name's problem (empty, too long), or null. */
function nameProblem(name: string): InvalidInput | null {
  return name === '' || charLength(name) > WIRE_NAME_MAX
    ? new InvalidInput(
        'WIRE_NAME_INVALID',
        'name',
        `Give the source a name of at most ${WIRE_NAME_MAX} characters.`,
      )
    : null;
}

function agencyProblem(agency: string): InvalidInput | null {
  return agency === '' || charLength(agency) > WIRE_AGENCY_MAX
    ? new InvalidInput(
        'WIRE_AGENCY_INVALID',
        'agency',
        `Give the agency's name, at most ${WIRE_AGENCY_MAX} characters.`,
      )
    : null;
}

function everyProblem(every: number): InvalidInput | null {
  return Number.isInteger(every) &&
    every >= WIRE_EVERY_MINUTES.min &&
    every <= WIRE_EVERY_MINUTES.max
    ? null
    : new InvalidInput(
        'WIRE_EVERY_INVALID',
        'everyMinutes',
        `Give the minutes between polls, from ${WIRE_EVERY_MINUTES.min} to ${WIRE_EVERY_MINUTES.max}.`,
      );
}

/** The section's id for `slug` (null: none), or a problem. */
async function sectionFor(
  deps: WireDeps,
  slug: string | null | undefined,
): Promise<{ id: string | null; problem?: InvalidInput }> {
  const wanted = slug === null || slug === undefined ? '' : slug.trim();
  if (wanted === '') return { id: null };
  const found = await findSection(deps.database.db, { slug: wanted });
  return found
    ? { id: found.id }
    : {
        id: null,
        problem: new InvalidInput(
          'WIRE_SECTION_UNKNOWN',
          'sectionSlug',
          `There is no section "${wanted}".`,
        ),
      };
}

/** The URL checked (webhooks' guard, lib/public-url.ts), or its problem. */
async function checkedFeedUrl(
  raw: string,
  allowPrivate: boolean,
): Promise<{ url: string | null; problem?: InvalidInput }> {
  const checked = await checkPublicUrl(raw, { allowPrivate, maxLength: WIRE_URL_MAX });
  if (checked.url !== undefined) return { url: checked.url };
  const problem = checked.problem;
  switch (problem.kind) {
    case 'invalid':
      return {
        url: null,
        problem: new InvalidInput('WIRE_URL_INVALID', 'url', 'Give an http or https URL.'),
      };
    case 'host-unknown':
      return {
        url: null,
        problem: new InvalidInput(
          'WIRE_HOST_UNKNOWN',
          'url',
          `The host ${problem.host} cannot be found.`,
        ),
      };
    case 'private':
      return {
        url: null,
        problem: new InvalidInput(
          'WIRE_PRIVATE_ADDRESS',
          'url',
          `${problem.host} is a loopback or private address; allow private addresses to use it.`,
        ),
      };
  }
}

/** The folder as an absolute path when it exists and is a folder, or its problem. */
async function checkedFolder(
  raw: string,
): Promise<{ folder: string | null; problem?: InvalidInput }> {
  const folder = resolve(raw.trim());
  const refused = {
    folder: null,
    problem: new InvalidInput(
      'WIRE_FOLDER_INVALID',
      'folder',
      `${raw.trim()} does not exist on the server or is not a folder.`,
    ),
  };
  if (raw.trim() === '' || !isAbsolute(folder) || raw.includes('\0')) return refused;
  try {
    return (await stat(folder)).isDirectory() ? { folder } : refused;
  } catch {
    return refused;
  }
}

/**
 * Adds a source, due at once. Every field is checked before any refusal:
 * name (1–80 characters, unique), agency (1–120), exactly one of `url`
 * (http(s), no credentials, a host that resolves to public addresses
 * unless `allowPrivate`) and `folder` (an existing folder on the server;
 * relative paths are taken from the working directory), the section's
 * slug, `everyMinutes` (1–1440, default 5).
 * @throws FORBIDDEN; InvalidInputs with every problem: WIRE_NAME_INVALID,
 *   WIRE_NAME_TAKEN, WIRE_AGENCY_INVALID, WIRE_WHERE_MISSING,
 *   WIRE_URL_INVALID, WIRE_HOST_UNKNOWN, WIRE_PRIVATE_ADDRESS,
 *   WIRE_FOLDER_INVALID, WIRE_SECTION_UNKNOWN, WIRE_EVERY_INVALID.
 */
export async function addWireSource(
  deps: WireDeps,
  actor: Actor | null,
  input: WireSourceInput,
): Promise<WireSource> {
  allowManage(actor);
  const name = cleanLine(input.name ?? '');
  const agency = cleanLine(input.agency ?? '');
  const everyMinutes = input.everyMinutes ?? WIRE_EVERY_MINUTES.default;
  const allowPrivate = input.allowPrivate ?? false;
  const rawUrl = (input.url ?? '').trim();
  const rawFolder = (input.folder ?? '').trim();
  const problems: InvalidInput[] = [];
  const named = nameProblem(name);
  if (named) problems.push(named);
  else if (await findWireSourceByName(deps.database.db, name)) problems.push(takenProblem());
  const agencied = agencyProblem(agency);
  if (agencied) problems.push(agencied);
  let url: string | null = null;
  let folder: string | null = null;
  if ((rawUrl === '') === (rawFolder === '')) {
    problems.push(
      new InvalidInput(
        'WIRE_WHERE_MISSING',
        'url',
        'Give the source either a feed URL or a folder, not both.',
      ),
    );
  } else if (rawUrl !== '') {
    const checked = await checkedFeedUrl(rawUrl, allowPrivate);
    if (checked.problem) problems.push(checked.problem);
    url = checked.url;
  } else {
    const checked = await checkedFolder(rawFolder);
    if (checked.problem) problems.push(checked.problem);
    folder = checked.folder;
  }
  const sectionOf = await sectionFor(deps, input.sectionSlug);
  if (sectionOf.problem) problems.push(sectionOf.problem);
  const every = everyProblem(everyMinutes);
  if (every) problems.push(every);
  throwInvalidInputs(problems);
  const id = await insertWireSource(
    deps.database.db,
    {
      name,
      agency,
      kind: url !== null ? 'url' : 'folder',
      url,
      folder,
      sectionId: sectionOf.id,
      everyMinutes,
      enabled: input.enabled ?? true,
      allowPrivate,
    },
    deps.now(),
  );
  if (id === null) throw takenProblem();
  return (await findWireSource(deps.database.db, id))!;
}

function takenProblem(): InvalidInput {
  return new InvalidInput('WIRE_NAME_TAKEN', 'name', 'Another source has that name.');
}

/** The source by id, or by name when `idOrName` is not one's id. @throws WIRE_SOURCE_NOT_FOUND */
async function sourceOf(deps: WireDeps, idOrName: string): Promise<WireSource> {
  const byId = isWireId(idOrName) ? await findWireSource(deps.database.db, idOrName) : null;
  const found = byId ?? (await findWireSourceByName(deps.database.db, idOrName.trim()));
  if (!found) throw new AppError('WIRE_SOURCE_NOT_FOUND', `No wire source "${idOrName}".`);
  return found;
}

/**
 * Changes a source's name, agency, section, rhythm or switch (its address
 * does not change: remove it and add another). Checked as in addWireSource.
 * Enabling a source makes it due at once. A new agency name files the
 * source's queued items under it (unless that agency already has the same
 * guid from another source), so the next poll does not add them again.
 * @throws FORBIDDEN, WIRE_SOURCE_NOT_FOUND; InvalidInputs (WIRE_NAME_INVALID,
 *   WIRE_NAME_TAKEN, WIRE_AGENCY_INVALID, WIRE_SECTION_UNKNOWN, WIRE_EVERY_INVALID).
 */
export async function updateWireSource(
  deps: WireDeps,
  actor: Actor | null,
  idOrName: string,
  changes: WireSourceChanges,
): Promise<WireSource> {
  allowManage(actor);
  const source = await sourceOf(deps, idOrName);
  const problems: InvalidInput[] = [];
  const set: Parameters<typeof updateWireSourceRow>[2] = {};
  if (changes.name !== undefined) {
    const name = cleanLine(changes.name);
    const problem = nameProblem(name);
    const other = problem ? null : await findWireSourceByName(deps.database.db, name);
    if (problem) problems.push(problem);
    else if (other && other.id !== source.id) problems.push(takenProblem());
    else set.name = name;
  }
  if (changes.agency !== undefined) {
    const agency = cleanLine(changes.agency);
    const problem = agencyProblem(agency);
    if (problem) problems.push(problem);
    else set.agency = agency;
  }
  if (changes.sectionSlug !== undefined) {
    const sectionOf = await sectionFor(deps, changes.sectionSlug);
    if (sectionOf.problem) problems.push(sectionOf.problem);
    else set.sectionId = sectionOf.id;
  }
  if (changes.everyMinutes !== undefined) {
    const problem = everyProblem(changes.everyMinutes);
    if (problem) problems.push(problem);
    else set.everyMinutes = changes.everyMinutes;
  }
  if (changes.enabled !== undefined) set.enabled = changes.enabled;
  if (changes.enabled === true && !source.enabled) set.dueAt = deps.now();
  throwInvalidInputs(problems);
  const db = deps.database.db;
  if (!(await updateWireSourceRow(db, source.id, set))) throw takenProblem();
  if (set.agency !== undefined && wireAgencyKey(set.agency) !== wireAgencyKey(source.agency)) {
    // The queue keys items by agency: file this source's items under the new name.
    const key = wireAgencyKey(set.agency);
    for (const item of await wireItemsOfSource(db, source.id))
      await rekeyWireItem(db, item, key, wireStoryKey(key, item.headline));
  }
  return (await findWireSource(db, source.id))!;
}

/**
 * Removes a source by id or name; its items leave the queue with it, and
 * drafts made of them stay (unlinked).
 * @throws FORBIDDEN, WIRE_SOURCE_NOT_FOUND
 */
export async function removeWireSource(
  deps: WireDeps,
  actor: Actor | null,
  idOrName: string,
): Promise<void> {
  allowManage(actor);
  const source = await sourceOf(deps, idOrName);
  const removed = await deps.database.db
    .transaction()
    .execute((trx) => deleteWireSource(trx, source.id));
  if (!removed) throw new AppError('WIRE_SOURCE_NOT_FOUND', `No wire source "${idOrName}".`);
}

/**
 * Every source, by name, with its polling state: for the CLI (actor null),
 * and for whoever may see the desk (its filter lists them).
 * @throws FORBIDDEN
 */
export async function listWireSources(deps: WireDeps, actor: Actor | null): Promise<WireSource[]> {
  if (actor !== null && !(await wireDeskAccess(deps, actor)).see)
    throw new AppError('FORBIDDEN', 'Your role does not open the wire desk.');
  return listWireSourceRows(deps.database.db);
}

/**
 * Leases the sources due now, for one poll each: enabled, `next_poll_at`
 * passed (any time with `force`), not leased by another instance; each
 * leased until now + `leaseMs`, so that two instances never poll one
 * source at once (one conditional UPDATE per source; see the repository).
 * A lease that ran out (the instance died) frees the source.
 * @returns the leased sources, longest-waiting first, at most `limit`.
 */
export async function claimDueSources(
  deps: WireDeps,
  leaseMs: number,
  limit: number,
  options: { force?: boolean } = {},
): Promise<WireSource[]> {
  if (!Number.isSafeInteger(limit) || limit < 1 || !Number.isFinite(leaseMs) || leaseMs <= 0)
    return [];
  return leaseDueWireSources(deps.database.db, deps.now(), leaseMs, limit, options.force ?? false);
}

/**
 * Records a poll's outcome and frees the source's lease. Success: no
 * failures, due again in `every` minutes, the validators kept (a 304) or
 * replaced, last error cleared. Failure: one more failure in a row, due
 * again after `every * 2^failures` minutes, at most 6 hours
 * (domain/wire.ts `wireBackoffMs`), the error kept (its first 1000
 * characters), validators kept. A source removed meanwhile is ignored.
 */
export async function recordPoll(
  deps: WireDeps,
  sourceId: string,
  outcome: WirePollOutcome,
): Promise<void> {
  const db = deps.database.db;
  const source = await findWireSource(db, sourceId);
  if (!source) return;
  const now = deps.now();
  if (outcome.ok) {
    await writeWirePoll(db, sourceId, {
      polledAt: now,
      nextPollAt: new Date(now.getTime() + source.everyMinutes * 60_000),
      failures: 0,
      ok: true,
      error: outcome.refused ? [...cleanLine(outcome.refused)].slice(0, 1000).join('') : null,
      ...(outcome.notModified
        ? {}
        : {
            validators: {
              etag: outcome.etag ?? null,
              lastModified: outcome.lastModified ?? null,
            },
          }),
      itemCount: outcome.itemCount,
    });
    return;
  }
  const failures = source.failures + 1;
  await writeWirePoll(db, sourceId, {
    polledAt: now,
    nextPollAt: new Date(now.getTime() + wireBackoffMs(source.everyMinutes, failures)),
    failures,
    ok: false,
    error: [...cleanLine(outcome.error)].slice(0, 1000).join('') || 'failed',
  });
}

/** True when the folder source already read file `name` with this size and modification time (ms). */
export async function folderFileSeen(
  deps: WireDeps,
  sourceId: string,
  name: string,
  size: number,
  mtimeMs: number,
): Promise<boolean> {
  return hasFolderFile(deps.database.db, sourceId, { name, size, mtimeMs });
}

/** Remembers that the folder source read file `name` as it is (read or refused: not retried until it changes). */
export async function markFolderFile(
  deps: WireDeps,
  sourceId: string,
  name: string,
  size: number,
  mtimeMs: number,
): Promise<void> {
  await rememberFolderFile(deps.database.db, sourceId, { name, size, mtimeMs });
}

/**
 * Forgets the remembered files of a folder source that are no longer in
 * the folder (`present`: the names the scan found), so that the memory
 * does not grow with every file an agency ever dropped. A file dropped
 * again under a forgotten name is read again.
 * @returns how many were forgotten.
 */
export async function forgetMissingFolderFiles(
  deps: WireDeps,
  sourceId: string,
  present: Iterable<string>,
): Promise<number> {
  const here = new Set(present);
  const gone = (await folderFileNames(deps.database.db, sourceId)).filter((n) => !here.has(n));
  await forgetFolderFiles(deps.database.db, sourceId, gone);
  return gone.length;
}
