/**
 * The author profile in the newsroom: the photo (chosen from the media
 * library by thumbnail, or uploaded), the bio and the links, as one form
 * that posts to `action`, and an upload form of its own (a file travels as
 * multipart, whose CSRF token rides in the action's query string: see
 * uploads.ts). Used on one's own account page and on an administrator's
 * page for any user (ProfilePage).
 */
import { AUTHOR_LINK_KINDS, linkField } from '../../../domain/author-links.js';
import type { AuthorProfile, ProfileInput } from '../../../domain/author-profile.js';
import { FIELD_LIMITS } from '../../../domain/field-limits.js';
import { MEDIA_MIMES, type MediaItem } from '../../../domain/media.js';
import { AuthorPhoto } from '../../views/components/author-photo.js';
import { ResponsiveImage } from '../../views/components/responsive-image.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, Field, FormError } from './form-fields.js';

/** The profile form as typed, to show again after a refusal. */
export type ProfileValues = ProfileInput;

/** The form's values from a stored profile. */
export function profileValues(profile: AuthorProfile): ProfileValues {
  return {
    photoMediaId: profile.photo?.id ?? '',
    bio: profile.bio,
    links: Object.fromEntries(profile.links.map((l) => [l.kind, l.url])),
  };
}

export interface ProfileSectionProps {
  ctx: AdminContext;
  profile: AuthorProfile;
  /** Images to choose from (the library's newest; the current photo is added when older). */
  media: MediaItem[];
  /** Where the profile form posts (`/admin/account/profile`). */
  action: string;
  /** Where the upload form posts, without the CSRF query (`/admin/account/photo`). */
  uploadAction: string;
  /** The upload limit, formatted (`10 MB`). */
  maxSize: string;
  values?: ProfileValues | undefined;
  errors?: FormErrors | undefined;
  uploadError?: string | null | undefined;
}

/** A choice of photo: a radio button per image, drawn as a round thumbnail. */
function PhotoChoice(props: {
  ctx: AdminContext;
  media: MediaItem[];
  selected: string;
  error: string | undefined;
}) {
  const { t } = props.ctx;
  return (
    <fieldset
      class="field photo-choice"
      aria-describedby={props.error ? 'field-photoMediaId-error' : undefined}
    >
      <legend>{t('admin.profile.photoFromLibrary')}</legend>
      <ul class="photo-choice__list">
        <li>
          <label class="photo-choice__item">
            <input
              type="radio"
              name="photoMediaId"
              value=""
              checked={props.selected === ''}
              id="field-photoMediaId"
            />
            <span class="photo-choice__none" aria-hidden="true" />
            <span>{t('admin.profile.noPhoto')}</span>
          </label>
        </li>
        {props.media.map((item) => (
          <li key={item.id}>
            <label class="photo-choice__item">
              <input
                type="radio"
                name="photoMediaId"
                value={item.id}
                checked={props.selected === item.id}
              />
              <ResponsiveImage
                media={item}
                alt=""
                sizes="64px"
                width={64}
                height={64}
                class="photo-choice__image"
              />
              <span class="photo-choice__name">
                <bdi>{item.alt || item.originalName}</bdi>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {props.error ? (
        <p class="field__error" id="field-photoMediaId-error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The profile's card: the current photo, the upload form, then the profile form. */
export function ProfileSection(props: ProfileSectionProps) {
  const { ctx, profile } = props;
  const { t } = ctx;
  const values = props.values ?? profileValues(profile);
  const fields = props.errors?.fields ?? {};
  const media =
    profile.photo && !props.media.some((m) => m.id === profile.photo?.id)
      ? [profile.photo, ...props.media]
      : props.media;
  const upload = `${props.uploadAction}?_csrf=${encodeURIComponent(ctx.csrfToken)}`;
  return (
    <section class="card profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('admin.profile.title')}</h2>
      <div class="profile__head">
        <AuthorPhoto name={profile.displayName} photo={profile.photo} size="large" />
        <p>
          {t('admin.profile.intro')}{' '}
          <a href={`/author/${encodeURIComponent(profile.slug)}`}>{t('admin.profile.viewPage')}</a>
        </p>
      </div>
      <form method="post" action={upload} enctype="multipart/form-data" class="profile__upload">
        <FormError message={props.uploadError} />
        <div class="field">
          <label for="profile-photo-file">{t('admin.profile.uploadPhoto')}</label>
          <input
            id="profile-photo-file"
            name="file"
            type="file"
            accept={MEDIA_MIMES.join(',')}
            required
            aria-describedby="profile-photo-file-hint"
            aria-invalid={props.uploadError ? 'true' : undefined}
          />
          <p class="field__hint" id="profile-photo-file-hint">
            {t('admin.profile.uploadHint', { size: props.maxSize })}
          </p>
        </div>
        <button type="submit" class="button">
          {t('admin.profile.upload')}
        </button>
      </form>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <FormError message={props.errors?.form} />
        <PhotoChoice
          ctx={ctx}
          media={media}
          selected={values.photoMediaId}
          error={fields.photoMediaId}
        />
        <Field
          name="bio"
          label={t('admin.profile.bio')}
          hint={t('admin.profile.bioHint', { max: String(FIELD_LIMITS.userBio) })}
          value={values.bio}
          error={fields.bio}
          rows={5}
        />
        <fieldset class="field profile__links" aria-describedby="profile-links-hint">
          <legend>{t('admin.profile.links')}</legend>
          <p class="field__hint" id="profile-links-hint">
            {t('admin.profile.linksHint')}
          </p>
          {AUTHOR_LINK_KINDS.map((kind) => (
            <Field
              key={kind}
              name={linkField(kind)}
              label={t(`author.link.${kind}`)}
              value={values.links[kind] ?? ''}
              error={fields[linkField(kind)]}
              dir="ltr"
              autocomplete="url"
            />
          ))}
        </fieldset>
        <button type="submit" class="button button--primary">
          {t('admin.profile.save')}
        </button>
      </form>
    </section>
  );
}

/** An administrator's page for one user's profile (`/admin/users/:id/profile`). */
export function ProfilePage(props: ProfileSectionProps & { notice?: string | null }) {
  const { ctx } = props;
  const title = ctx.t('admin.profile.titleFor', { name: props.profile.displayName });
  return (
    <AdminLayout ctx={ctx} title={title} notice={props.notice}>
      <h1>
        <bdi>{title}</bdi>
      </h1>
      <p>
        <a href="/admin/users">{ctx.t('admin.users.title')}</a>
      </p>
      <ProfileSection {...props} />
    </AdminLayout>
  );
}
