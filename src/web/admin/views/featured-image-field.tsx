/**
 * The featured image in the article form (issue 17, part 8): a picker of
 * thumbnails (radio buttons, so it works without JavaScript; the editor's
 * script adds images uploaded meanwhile, and an upload button of its own,
 * featured-picker.ts), then the
 * image's alt text, which is the media item's and is saved to it, and the
 * article's caption and credit for it.
 */
import type { EditableArticle } from '../../../domain/editable-article.js';
import { mediaFileUrl, variantFile, type MediaItem } from '../../../domain/media.js';
import type { AdminContext } from '../admin-context.js';
import { Field } from './form-fields.js';

export function FeaturedImageField(props: {
  ctx: AdminContext;
  media: MediaItem[];
  article: Partial<EditableArticle>;
  /** The alt text as typed, when re-showing a refused form. */
  typedAlt?: string | undefined;
  fields: Record<string, string | undefined>;
}) {
  const { t } = props.ctx;
  const chosen = props.article.featuredMediaId ?? null;
  const current = props.media.find((m) => m.id === chosen) ?? null;
  return (
    <fieldset
      class="field featured-picker"
      data-featured-picker
      data-media-url="/admin/api/media"
      data-labels={JSON.stringify({
        upload: t('admin.featured.upload'),
        uploading: t('admin.featured.uploading'),
        uploadFailed: t('admin.featured.uploadFailed'),
      })}
    >
      <legend>{t('admin.field.featuredImage')}</legend>
      <div class="featured-picker__grid" data-featured-grid>
        <label class="featured-picker__item featured-picker__item--none">
          <input
            type="radio"
            name="featuredMediaId"
            value=""
            checked={chosen === null}
            data-alt=""
          />
          <span>{t('admin.field.noImage')}</span>
        </label>
        {props.media.map((m) => (
          <label class="featured-picker__item" title={m.alt || m.originalName}>
            <input
              type="radio"
              name="featuredMediaId"
              value={m.id}
              checked={m.id === chosen}
              data-alt={m.alt}
            />
            <img
              src={mediaFileUrl(m.id, variantFile(m.widths[0] ?? m.width))}
              alt=""
              width={m.width}
              height={m.height}
              loading="lazy"
              decoding="async"
            />
            <span class="visually-hidden">{m.alt || m.originalName}</span>
          </label>
        ))}
      </div>
      <Field
        name="featuredAlt"
        label={t('admin.field.featuredAlt')}
        hint={t('admin.hint.featuredAlt')}
        value={props.typedAlt ?? current?.alt ?? ''}
        error={props.fields.featuredAlt}
      />
      <Field
        name="featuredCaption"
        label={t('admin.field.caption')}
        value={props.article.featuredCaption}
        error={props.fields.featuredCaption}
      />
      <Field
        name="featuredCredit"
        label={t('admin.field.credit')}
        value={props.article.featuredCredit}
        error={props.fields.featuredCredit}
      />
    </fieldset>
  );
}
