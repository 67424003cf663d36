/**
 * Author profiles in the newsroom: one's own on the account page
 * (`/admin/account/profile`, `/admin/account/photo`), anyone's for an
 * administrator (`/admin/users/:id/profile`, `/admin/users/:id/photo`).
 * A refusal shows the form again with every problem marked (422), never a
 * success notice; a save goes back to the page with one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/roles.js';
import { AUTHOR_LINK_KINDS, linkField } from '../../../domain/author-links.js';
import { translator } from '../../../i18n/format.js';
import { AppError } from '../../../lib/errors.js';
import type { ProfileInput } from '../../../domain/author-profile.js';
import {
  getProfileForEdit,
  saveProfile,
  uploadProfilePhoto,
} from '../../../services/author-profile.js';
import { listMedia } from '../../../services/media.js';
import { NOTICES, type AdminKit } from '../admin-kit.js';
import { success } from '../admin-context.js';
import { field, formErrorsOf } from '../form-errors.js';
import { formatBytes, mediaErrorMessage } from '../media-messages.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { mediaDeps } from './media.routes.js';
import { readUpload } from '../uploads.js';
import { AccountPage } from '../views/account-page.js';
import type { FormErrors } from '../views/auth-pages.js';
import { ProfilePage, type ProfileSectionProps } from '../views/profile-form.js';

/** How many of the library's newest images the photo choice offers. */
const PHOTO_CHOICES = 24;

/** Notices of this file, named in `?notice=` (see NOTICES). */
export const PROFILE_NOTICES = {
  'profile-saved': 'admin.profile.saved',
  'photo-saved': 'admin.profile.photoSaved',
} as const;

function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
  return request.user;
}

/** The profile form's fields from a parsed body. */
function profileInput(body: unknown): ProfileInput {
  return {
    photoMediaId: field(body, 'photoMediaId'),
    bio: field(body, 'bio'),
    links: Object.fromEntries(AUTHOR_LINK_KINDS.map((k) => [k, field(body, linkField(k))])),
  };
}

/** Where a user's profile lives: their own account page, or the administrator's page. */
interface Place {
  userId: string;
  own: boolean;
  base: string;
}

function ownPlace(request: FastifyRequest): Place {
  return { userId: actorOf(request).id, own: true, base: '/admin/account' };
}

function userPlace(request: FastifyRequest): Place {
  const userId = field(request.params, 'id');
  return { userId, own: false, base: `/admin/users/${userId}` };
}

/** The page of `place` with the profile (and what a refused form held). */
async function showProfile(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  place: Place,
  extra: {
    values?: ProfileInput;
    errors?: FormErrors;
    uploadError?: string;
    /** The account page's password form refused. */
    passwordErrors?: FormErrors;
    status?: number;
  } = {},
) {
  const ctx = kit.context(request, reply);
  const actor = actorOf(request);
  const [profile, library] = await Promise.all([
    getProfileForEdit(kit.deps, actor, place.userId),
    listMedia(kit.deps, { limit: PHOTO_CHOICES, before: null }),
  ]);
  const noticeKey = field(request.query, 'notice');
  const notice =
    extra.status === undefined
      ? (PROFILE_NOTICES[noticeKey as keyof typeof PROFILE_NOTICES] ?? NOTICES[noticeKey])
      : undefined;
  const section: ProfileSectionProps = {
    ctx,
    profile,
    media: library.items,
    action: place.own ? '/admin/account/profile' : `${place.base}/profile`,
    uploadAction: place.own ? '/admin/account/photo' : `${place.base}/photo`,
    maxSize: formatBytes(ctx.t, kit.deps.config.uploadMaxBytes),
    values: extra.values,
    errors: extra.errors,
    uploadError: extra.uploadError,
  };
  const page = place.own ? (
    <AccountPage
      ctx={ctx}
      notice={notice ? success(ctx.t(notice)) : null}
      errors={extra.passwordErrors}
      profile={section}
    />
  ) : (
    <ProfilePage {...section} notice={notice ? success(ctx.t(notice)) : null} />
  );
  return kit.render(reply, page, extra.status);
}

/** Saves the profile form of `place`, or shows it again with every problem. */
async function save(request: FastifyRequest, reply: FastifyReply, kit: AdminKit, place: Place) {
  const values = profileInput(request.body);
  try {
    await saveProfile(kit.deps, actorOf(request), place.userId, values);
  } catch (error) {
    const errors = formErrorsOf(kit.context(request, reply), error);
    const status = error instanceof AppError ? error.status : 422;
    return showProfile(request, reply, kit, place, { values, errors, status });
  }
  const target = place.own ? '/admin/account' : `${place.base}/profile`;
  return kit.redirect(reply, `${target}?notice=profile-saved#profile-heading`);
}

/** Uploads a photo for `place`, or shows the page with the upload's refusal. */
async function upload(request: FastifyRequest, reply: FastifyReply, kit: AdminKit, place: Place) {
  try {
    const file = await readUpload(request, reply, kit.deps.config.uploadMaxBytes);
    await uploadProfilePhoto(
      { ...mediaDeps(kit), onPublicChange: kit.deps.onPublicChange },
      actorOf(request),
      place.userId,
      file,
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return showProfile(request, reply, kit, place, {
      uploadError: mediaErrorMessage(translator(request.adminLang), error),
      status: error.status,
    });
  }
  const target = place.own ? '/admin/account' : `${place.base}/profile`;
  return kit.redirect(reply, `${target}?notice=photo-saved#profile-heading`);
}

export const profileRoutes: AdminRoute[] = [
  adminRoute({
    id: 'account.profile',
    method: 'POST',
    url: '/admin/account/profile',
    permission: 'signed-in',
    handler: (request, reply, kit) => save(request, reply, kit, ownPlace(request)),
  }),
  adminRoute({
    id: 'account.photo',
    method: 'POST',
    url: '/admin/account/photo',
    permission: 'media.upload',
    handler: (request, reply, kit) => upload(request, reply, kit, ownPlace(request)),
  }),
  adminRoute({
    id: 'users.profile',
    method: 'GET',
    url: '/admin/users/:id/profile',
    permission: 'user.manage',
    handler: (request, reply, kit) => showProfile(request, reply, kit, userPlace(request)),
  }),
  adminRoute({
    id: 'users.profile.save',
    method: 'POST',
    url: '/admin/users/:id/profile',
    permission: 'user.manage',
    handler: (request, reply, kit) => save(request, reply, kit, userPlace(request)),
  }),
  adminRoute({
    id: 'users.photo',
    method: 'POST',
    url: '/admin/users/:id/photo',
    permission: 'user.manage',
    handler: (request, reply, kit) => upload(request, reply, kit, userPlace(request)),
  }),
];

/**
 * The account page with the signed-in user's profile section (GET
 * `/admin/account`), or with the password form's refusal (`status` 422).
 */
export function showAccount(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: { passwordErrors?: FormErrors; status?: number } = {},
) {
  return showProfile(request, reply, kit, ownPlace(request), extra);
}
