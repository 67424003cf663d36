/**
 * Author profiles: the photo, bio and links that an author's public page
 * and their bylines show. A user edits their own; an administrator
 * (`user.manage`) edits anyone's. Every field is checked before anything
 * is saved, and every problem is reported at once (InvalidInputs).
 */
import {
  AUTHOR_LINK_KINDS,
  linkField,
  linkUrlProblem,
  type AuthorLink,
} from '../domain/author-links.js';
import type { AuthorProfile, ProfileInput } from '../domain/author-profile.js';
import { FIELD_LIMITS, cleanText, tooLong } from '../domain/field-limits.js';
import { parseMediaId } from '../domain/media.js';
import type { PublicChangeListener } from '../domain/public-change.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput, InvalidInputs } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import { findMediaById } from '../storage/repositories/media.repository.js';
import {
  findAuthorProfile,
  updateAuthorPhoto,
  updateAuthorProfile,
} from '../storage/repositories/users.repository.js';
import { uploadImage, type MediaDeps, type Upload } from './media.js';
import { tellPublicChange } from './public-changes.js';

export interface ProfileDeps {
  database: Database;
  now: () => Date;
  /** Told after a save: bylines and author pages show the profile. */
  onPublicChange?: PublicChangeListener;
}

/**
 * The profile of `userId`, for `actor` to edit.
 * @throws AppError FORBIDDEN (403) when it is someone else's and `actor` may not
 *   manage users; USER_NOT_FOUND (404).
 */
export async function getProfileForEdit(
  deps: Pick<ProfileDeps, 'database'>,
  actor: Actor,
  userId: string,
): Promise<AuthorProfile> {
  mayEdit(actor, userId);
  const profile = await findAuthorProfile(deps.database.db, { id: userId });
  if (!profile) throw new AppError('USER_NOT_FOUND', 'No such user.');
  return profile;
}

/**
 * Checks and saves the profile of `userId`. The bio keeps its line breaks
 * (XML-forbidden characters removed, trimmed); empty link fields are left
 * out; links are stored in AUTHOR_LINK_KINDS order.
 * @throws AppError FORBIDDEN (403), USER_NOT_FOUND (404); InvalidInputs
 *   (FORM_INVALID, 422) holding every problem: PROFILE_PHOTO_NOT_FOUND
 *   (`photoMediaId`), PROFILE_BIO_TOO_LONG (`bio`, `max`),
 *   PROFILE_LINK_INVALID / PROFILE_LINK_TOO_LONG (`link-<kind>`, `max`).
 */
export async function saveProfile(
  deps: ProfileDeps,
  actor: Actor,
  userId: string,
  input: ProfileInput,
): Promise<void> {
  const db = deps.database.db;
  await getProfileForEdit(deps, actor, userId);
  const problems: InvalidInput[] = [];
  const rawPhoto = input.photoMediaId.trim();
  let photoMediaId: string | null = null;
  if (rawPhoto !== '') {
    photoMediaId = parseMediaId(rawPhoto);
    if (photoMediaId === null || (await findMediaById(db, photoMediaId)) === null) {
      problems.push(new InvalidInput('PROFILE_PHOTO_NOT_FOUND', 'photoMediaId', 'No such image.'));
    }
  }
  const bio = cleanText(input.bio).replace(/\r\n?/g, '\n').trim();
  if (tooLong('userBio', bio)) {
    problems.push(
      new InvalidInput('PROFILE_BIO_TOO_LONG', 'bio', 'The bio is too long.', {
        max: FIELD_LIMITS.userBio,
      }),
    );
  }
  const links: AuthorLink[] = [];
  for (const kind of AUTHOR_LINK_KINDS) {
    const url = (input.links[kind] ?? '').trim();
    if (url === '') continue;
    const problem = linkUrlProblem(url);
    if (problem === 'too_long') {
      problems.push(
        new InvalidInput('PROFILE_LINK_TOO_LONG', linkField(kind), 'The link is too long.', {
          max: FIELD_LIMITS.authorLinkUrl,
        }),
      );
    } else if (problem === 'not_http') {
      problems.push(
        new InvalidInput('PROFILE_LINK_INVALID', linkField(kind), 'Not an http(s) address.'),
      );
    } else links.push({ kind, url });
  }
  if (problems.length > 0) throw new InvalidInputs(problems);
  await updateAuthorProfile(db, userId, { photoMediaId, bio, links }, deps.now());
  tellPublicChange(deps, { kind: 'site' });
}

/**
 * Uploads `upload` into the media library (as `actor`'s image) and makes it
 * the photo of `userId`.
 * @throws AppError FORBIDDEN (403), USER_NOT_FOUND (404); what uploadImage throws.
 */
export async function uploadProfilePhoto(
  deps: ProfileDeps & MediaDeps,
  actor: Actor,
  userId: string,
  upload: Upload,
): Promise<void> {
  await getProfileForEdit(deps, actor, userId);
  const item = await uploadImage(deps, actor, upload);
  await updateAuthorPhoto(deps.database.db, userId, item.id, deps.now());
  tellPublicChange(deps, { kind: 'site' });
}

/** One's own profile, or anyone's with `user.manage`. */
function mayEdit(actor: Actor, userId: string): void {
  if (actor.id !== userId && !can(actor, 'user.manage')) {
    throw new AppError('FORBIDDEN', "You may not edit another user's profile.");
  }
}
