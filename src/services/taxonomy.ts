/**
 * Sections and tags, as editors manage them. Sections are created here;
 * tags are created on the fly by writers and renamed or removed here.
 * Slugs stay as made at creation, so links keep working after a rename.
 * A rename or removal shows on every page, so it empties the page cache.
 */
import { slugify } from '../arabic/slug.js';
import { FIELD_LIMITS, cleanLine, cleanText, tooLong } from '../domain/field-limits.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput } from '../lib/errors.js';
import {
  deleteSection,
  describeSection,
  ensureSection,
  findSection,
  renameSection,
} from '../storage/repositories/sections.repository.js';
import {
  deleteTag,
  describeTag,
  renameTag,
  tagNameTaken,
} from '../storage/repositories/tags.repository.js';
import type { EditDeps } from './edit-article.js';
import { tellPublicChange } from './public-changes.js';

function allow(actor: Actor, action: 'section.manage' | 'tag.manage'): void {
  if (!can(actor, action)) throw new AppError('FORBIDDEN', 'Only editors manage these.');
}

/** The name cleaned as one line (`cleanLine`). @throws InvalidInput `code` when empty, too long or unsluggable. */
function cleanName(
  name: string,
  code: 'SECTION_NAME_INVALID' | 'TAG_NAME_INVALID',
  field: 'sectionName' | 'tag',
): string {
  const clean = cleanLine(name);
  if (clean === '' || tooLong(field, clean) || slugify(clean) === '') {
    throw new InvalidInput(code, 'name', 'Write a name of 1 to 60 characters.');
  }
  return clean;
}

/** Creates a section. @throws FORBIDDEN; InvalidInput SECTION_NAME_INVALID, SECTION_TAKEN. */
export async function createSection(deps: EditDeps, actor: Actor, name: string): Promise<void> {
  allow(actor, 'section.manage');
  const clean = cleanName(name, 'SECTION_NAME_INVALID', 'sectionName');
  if (await findSection(deps.database.db, { slug: slugify(clean) })) {
    throw new InvalidInput('SECTION_TAKEN', 'name', 'A section with that name exists.');
  }
  await ensureSection(deps.database.db, { slug: slugify(clean), name: clean }, deps.now());
}

/** Renames a section (its slug stays). @throws FORBIDDEN; SECTION_NOT_FOUND; InvalidInput. */
export async function renameSectionTo(
  deps: EditDeps,
  actor: Actor,
  id: string,
  name: string,
): Promise<void> {
  allow(actor, 'section.manage');
  const clean = cleanName(name, 'SECTION_NAME_INVALID', 'sectionName');
  if (!(await findSection(deps.database.db, { id }))) {
    throw new AppError('SECTION_NOT_FOUND', 'No such section.');
  }
  await renameSection(deps.database.db, id, clean);
  tellPublicChange(deps, { kind: 'site' });
}

function assertConfirmed(confirmed: boolean): void {
  if (!confirmed) {
    throw new AppError('DELETE_NOT_CONFIRMED', 'Tick the box to confirm the deletion.');
  }
}

/** Removes a section once confirmed; its articles stay, without a section. */
export async function removeSection(
  deps: EditDeps,
  actor: Actor,
  id: string,
  confirmed: boolean,
): Promise<void> {
  allow(actor, 'section.manage');
  assertConfirmed(confirmed);
  if (!(await findSection(deps.database.db, { id }))) {
    throw new AppError('SECTION_NOT_FOUND', 'No such section.');
  }
  await deps.database.db.transaction().execute((trx) => deleteSection(trx, id));
  tellPublicChange(deps, { kind: 'site' });
}

/** Renames a tag. @throws FORBIDDEN; InvalidInput TAG_NAME_INVALID, TAG_TAKEN. */
export async function renameTagTo(
  deps: EditDeps,
  actor: Actor,
  id: string,
  name: string,
): Promise<void> {
  allow(actor, 'tag.manage');
  const clean = cleanName(name, 'TAG_NAME_INVALID', 'tag');
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new AppError('TAG_NOT_FOUND', 'No such tag.');
  if (await tagNameTaken(deps.database.db, clean, id)) {
    throw new InvalidInput('TAG_TAKEN', 'name', 'A tag with that name exists.');
  }
  await renameTag(deps.database.db, id, clean);
  tellPublicChange(deps, { kind: 'site' });
}

/** Removes a tag from every article, once confirmed. */
export async function removeTag(
  deps: EditDeps,
  actor: Actor,
  id: string,
  confirmed: boolean,
): Promise<void> {
  allow(actor, 'tag.manage');
  assertConfirmed(confirmed);
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new AppError('TAG_NOT_FOUND', 'No such tag.');
  await deps.database.db.transaction().execute((trx) => deleteTag(trx, id));
  tellPublicChange(deps, { kind: 'site' });
}

/**
 * A description as stored: plain text on one paragraph's worth of lines
 * (XML-forbidden characters removed, line breaks kept, trimmed).
 * @throws InvalidInput DESCRIPTION_TOO_LONG (`description`, `max`).
 */
function cleanDescription(description: string): string {
  const clean = cleanText(description).replace(/\r\n?/g, '\n').trim();
  if (tooLong('taxonomyDescription', clean)) {
    throw new InvalidInput('DESCRIPTION_TOO_LONG', 'description', 'The description is too long.', {
      max: FIELD_LIMITS.taxonomyDescription,
    });
  }
  return clean;
}

/**
 * Sets the description shown under a section's name on its page ('' for none).
 * @throws FORBIDDEN; SECTION_NOT_FOUND; InvalidInput DESCRIPTION_TOO_LONG.
 */
export async function describeSectionAs(
  deps: EditDeps,
  actor: Actor,
  id: string,
  description: string,
): Promise<void> {
  allow(actor, 'section.manage');
  const clean = cleanDescription(description);
  if (!(await findSection(deps.database.db, { id }))) {
    throw new AppError('SECTION_NOT_FOUND', 'No such section.');
  }
  await describeSection(deps.database.db, id, clean);
  tellPublicChange(deps, { kind: 'site' });
}

/**
 * Sets the description shown under a tag's name on its page ('' for none).
 * @throws FORBIDDEN; TAG_NOT_FOUND; InvalidInput DESCRIPTION_TOO_LONG.
 */
export async function describeTagAs(
  deps: EditDeps,
  actor: Actor,
  id: string,
  description: string,
): Promise<void> {
  allow(actor, 'tag.manage');
  const clean = cleanDescription(description);
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new AppError('TAG_NOT_FOUND', 'No such tag.');
  await describeTag(deps.database.db, id, clean);
  tellPublicChange(deps, { kind: 'site' });
}
