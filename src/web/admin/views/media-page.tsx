/**
 * The media library: an upload form that works without JavaScript, and a
 * grid of the images, newest first, each with its alt text, caption and
 * credit (a form for the uploader and editors, read-only for others).
 * One column on a phone, as many as fit on wider screens.
 */
import {
  MEDIA_MIMES,
  MEDIA_TEXT_LIMITS,
  isBlankAlt,
  mediaFileUrl,
  type MediaItem,
} from '../../../domain/media.js';
import { ResponsiveImage } from '../../views/components/responsive-image.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, Field, FormError } from './form-fields.js';

/** What was typed in one image's form, and what was wrong with it. */
export interface MediaFormState {
  id: string;
  errors: FormErrors;
  values: { alt: string; caption: string; credit: string };
}

export interface MediaPageProps {
  ctx: AdminContext;
  items: readonly MediaItem[];
  /** Ids of the images this user may describe. */
  editable: ReadonlySet<string>;
  /** The id this page starts below, or null on the first page. */
  before: string | null;
  /** The `before` of the next (older) page, or null. */
  nextBefore: string | null;
  /** The upload limit, formatted (`10 MB`). */
  maxSize: string;
  notice?: AdminNotice | null;
  uploadError?: string | null;
  form?: MediaFormState | null;
}

/** The `sizes` of a thumbnail: one column on a phone, ~15rem cards on wider screens. */
const THUMBNAIL_SIZES = '(min-width: 36rem) 16rem, 100vw';

function MediaCard(props: {
  ctx: AdminContext;
  item: MediaItem;
  editable: boolean;
  before: string | null;
  form: MediaFormState | null;
}) {
  const { ctx, item } = props;
  const { t } = ctx;
  const values = props.form?.values ?? item;
  const fields = props.form?.errors.fields ?? {};
  const key = `media-${item.id}`;
  return (
    <li class="media-card" id={key}>
      <ResponsiveImage media={item} alt="" sizes={THUMBNAIL_SIZES} class="media-card__image" />
      <p class="media-card__meta">
        <bdi>{item.originalName}</bdi>
        {' · '}
        <span dir="ltr">
          {t('admin.media.dimensions', { width: item.width, height: item.height })}
        </span>
        {' · '}
        <a href={mediaFileUrl(item.id, item.originalFile)}>{t('admin.media.original')}</a>
      </p>
      {isBlankAlt(item.alt) ? <p class="media-card__flag">{t('admin.media.altMissing')}</p> : null}
      {props.editable ? (
        <form method="post" action={`/admin/media/${item.id}`} class="media-card__form">
          <CsrfField token={ctx.csrfToken} />
          {props.before ? <input type="hidden" name="before" value={props.before} /> : null}
          <FormError message={props.form?.errors.form} />
          <Field
            idPrefix={key}
            name="alt"
            label={t('admin.media.alt')}
            hint={t('admin.media.altHint')}
            value={values.alt}
            error={fields.alt}
            maxLength={MEDIA_TEXT_LIMITS.alt}
            rows={2}
          />
          <Field
            idPrefix={key}
            name="caption"
            label={t('admin.media.caption')}
            value={values.caption}
            error={fields.caption}
            maxLength={MEDIA_TEXT_LIMITS.caption}
            rows={2}
          />
          <Field
            idPrefix={key}
            name="credit"
            label={t('admin.media.credit')}
            value={values.credit}
            error={fields.credit}
            maxLength={MEDIA_TEXT_LIMITS.credit}
          />
          <button type="submit" class="button">
            {t('admin.media.save')}
          </button>
        </form>
      ) : (
        <>
          <FormError message={props.form?.errors.form} />
          <dl class="media-card__details">
            <dt>{t('admin.media.alt')}</dt>
            <dd dir="auto">{item.alt || '—'}</dd>
            <dt>{t('admin.media.caption')}</dt>
            <dd dir="auto">{item.caption || '—'}</dd>
            <dt>{t('admin.media.credit')}</dt>
            <dd dir="auto">{item.credit || '—'}</dd>
          </dl>
          <p class="field__hint">{t('admin.media.readOnly')}</p>
        </>
      )}
    </li>
  );
}

export function MediaPage(props: MediaPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  const action = `/admin/media?_csrf=${encodeURIComponent(ctx.csrfToken)}`;
  return (
    <AdminLayout ctx={ctx} title={t('admin.media.title')} notice={props.notice}>
      <h1>{t('admin.media.title')}</h1>
      <section class="card">
        <h2>{t('admin.media.upload')}</h2>
        <FormError message={props.uploadError} />
        <form method="post" action={action} enctype="multipart/form-data" class="media-upload">
          <div class="field">
            <label for="media-file">{t('admin.media.file')}</label>
            <input
              id="media-file"
              name="file"
              type="file"
              accept={MEDIA_MIMES.join(',')}
              required
              aria-describedby="media-file-hint"
              aria-invalid={props.uploadError ? 'true' : undefined}
            />
            <p class="field__hint" id="media-file-hint">
              {t('admin.media.fileHint', { size: props.maxSize })}
            </p>
          </div>
          <button type="submit" class="button button--primary">
            {t('admin.media.submit')}
          </button>
        </form>
      </section>
      {props.items.length === 0 ? (
        <p>{t('admin.media.empty')}</p>
      ) : (
        <ul class="media-grid">
          {props.items.map((item) => (
            <MediaCard
              key={item.id}
              ctx={ctx}
              item={item}
              editable={props.editable.has(item.id)}
              before={props.before}
              form={props.form?.id === item.id ? props.form : null}
            />
          ))}
        </ul>
      )}
      {props.before || props.nextBefore ? (
        <nav class="media-pager" aria-label={t('admin.media.title')}>
          {props.before ? <a href="/admin/media">{t('admin.media.newest')}</a> : null}
          {props.nextBefore ? (
            <a href={`/admin/media?before=${props.nextBefore}`} rel="next">
              {t('admin.media.older')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}
