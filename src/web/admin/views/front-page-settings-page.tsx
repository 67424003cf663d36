/**
 * The administrators' page for the reader site's header and front page
 * (issue 17): the logo (an image of the library, shown as a thumbnail, or
 * none), a table of sections with a checkbox and an order number for the
 * header's menu and for the front page's blocks, the opinion section, and
 * the secondary leads' boxes. Works without JavaScript: one plain form.
 * When a save is refused, every error is listed above the form (each
 * linking to its field) and said again next to its field; what was typed
 * is kept.
 */
import {
  MAX_MENU_SECTIONS,
  MAX_SECONDARY_LEADS,
  MAX_SECTION_BLOCKS,
  secondaryField,
  type FrontPageInput,
} from '../../../domain/front-page-settings.js';
import type { Section } from '../../../domain/article.js';
import { mediaFileUrl, variantFile, type MediaItem } from '../../../domain/media.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { CsrfField } from './form-fields.js';

/** The id of a form field's element, for labels and the error summary's links. */
const idOf = (field: string) => `fp-${field}`;

export interface FrontPageSettingsPageProps {
  ctx: AdminContext;
  sections: Section[];
  images: MediaItem[];
  /** The form's values: the stored ones, or those just sent back with errors. */
  values: FrontPageInput;
  /** The pinned secondary leads' headlines by article id (shown under their boxes). */
  secondaryHeadlines: Map<string, string>;
  /** Error messages by field (`logo`, `menu`, `blocks`, `opinion`, `secondary`, `secondary-<n>`), in form order. */
  errors?: Array<{ field: string; message: string }>;
  notice?: AdminNotice | null;
}

function FieldError({ field, errors }: { field: string; errors: Map<string, string> }) {
  const message = errors.get(field);
  return message ? (
    <p class="field__error" id={`${idOf(field)}-error`}>
      {message}
    </p>
  ) : null;
}

/** The order number of a section in `chosen` (its place), or after them all, in table order. */
function orderOf(chosen: string[], sections: Section[], id: string): number {
  const at = chosen.indexOf(id);
  return at === -1 ? chosen.length + 1 + sections.findIndex((s) => s.id === id) : at + 1;
}

export function FrontPageSettingsPage(props: FrontPageSettingsPageProps) {
  const { ctx, sections, images, values } = props;
  const { t } = ctx;
  const errorList = props.errors ?? [];
  const errors = new Map(errorList.map((e) => [e.field, e.message]));
  const invalid = (field: string) =>
    errors.has(field)
      ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${idOf(field)}-error` }
      : {};
  const smallest = (image: MediaItem) =>
    mediaFileUrl(image.id, variantFile(image.widths[0] ?? 320));
  return (
    <AdminLayout ctx={ctx} title={t('admin.frontPage.title')} notice={props.notice}>
      <h1>{t('admin.frontPage.title')}</h1>
      <p class="field__hint">{t('admin.frontPage.intro')}</p>
      {errorList.length > 0 ? (
        <div class="form-error error-summary" role="alert">
          <p>{t('admin.frontPage.invalid')}</p>
          <ul>
            {errorList.map((e) => (
              <li key={e.field}>
                <a href={`#${idOf(e.field)}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/admin/front-page" class="front-settings">
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="field card" id={idOf('logo')}>
          <legend>{t('admin.frontPage.logo')}</legend>
          <p class="field__hint">{t('admin.frontPage.logo.hint')}</p>
          <FieldError field="logo" errors={errors} />
          <div class="logo-choices">
            <label class="logo-choice">
              <input type="radio" name="logo" value="" checked={values.logoMediaId === ''} />
              <span class="logo-choice__none">{t('admin.frontPage.logo.none')}</span>
            </label>
            {images.map((image) => (
              <label class="logo-choice" key={image.id}>
                <input
                  type="radio"
                  name="logo"
                  value={image.id}
                  checked={values.logoMediaId === image.id}
                />
                <img
                  src={smallest(image)}
                  alt=""
                  width={image.width}
                  height={image.height}
                  loading="lazy"
                />
                <span class="visually-hidden">
                  {t('admin.frontPage.logo.choice', { name: image.originalName })}
                </span>
              </label>
            ))}
          </div>
          {images.length === 0 ? <p class="empty">{t('admin.frontPage.noImages')}</p> : null}
        </fieldset>
        <fieldset class="field card">
          <legend>{t('admin.frontPage.sections')}</legend>
          <p class="field__hint">
            {t('admin.frontPage.sections.hint', {
              menuMax: MAX_MENU_SECTIONS,
              blocksMax: MAX_SECTION_BLOCKS,
            })}
          </p>
          <FieldError field="menu" errors={errors} />
          <FieldError field="blocks" errors={errors} />
          {sections.length === 0 ? (
            <p class="empty">{t('admin.frontPage.noSections')}</p>
          ) : (
            <div class="table-scroll">
              <table class="front-sections">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.frontPage.section')}</th>
                    <th scope="col" id={idOf('menu')}>
                      {t('admin.frontPage.menu')}
                    </th>
                    <th scope="col">{t('admin.frontPage.menuOrder')}</th>
                    <th scope="col" id={idOf('blocks')}>
                      {t('admin.frontPage.blocks')}
                    </th>
                    <th scope="col">{t('admin.frontPage.blockOrder')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sections.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{s.name}</th>
                      <td>
                        <input
                          type="checkbox"
                          name="menu"
                          value={s.id}
                          checked={values.menuSectionIds.includes(s.id)}
                          aria-label={`${t('admin.frontPage.menu')}: ${s.name}`}
                          {...invalid('menu')}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          name={`menu-order-${s.id}`}
                          value={String(orderOf(values.menuSectionIds, sections, s.id))}
                          min={1}
                          max={9999}
                          size={4}
                          dir="ltr"
                          aria-label={`${t('admin.frontPage.menuOrder')}: ${s.name}`}
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          name="block"
                          value={s.id}
                          checked={values.blockSectionIds.includes(s.id)}
                          aria-label={`${t('admin.frontPage.blocks')}: ${s.name}`}
                          {...invalid('blocks')}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          name={`block-order-${s.id}`}
                          value={String(orderOf(values.blockSectionIds, sections, s.id))}
                          min={1}
                          max={9999}
                          size={4}
                          dir="ltr"
                          aria-label={`${t('admin.frontPage.blockOrder')}: ${s.name}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </fieldset>
        <div class="field card">
          <label for={idOf('opinion')}>{t('admin.frontPage.opinion')}</label>
          <select
            id={idOf('opinion')}
            name="opinion"
            {...invalid('opinion')}
            aria-describedby={
              errors.has('opinion') ? `${idOf('opinion')}-error` : `${idOf('opinion')}-hint`
            }
          >
            <option value="" selected={values.opinionSectionId === ''}>
              {t('admin.frontPage.opinion.none')}
            </option>
            {sections.map((s) => (
              <option key={s.id} value={s.id} selected={values.opinionSectionId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <p class="field__hint" id={`${idOf('opinion')}-hint`}>
            {t('admin.frontPage.opinion.hint')}
          </p>
          <FieldError field="opinion" errors={errors} />
        </div>
        <fieldset class="field card" id={idOf('secondary')}>
          <legend>{t('admin.frontPage.secondary')}</legend>
          <p class="field__hint">
            {t('admin.frontPage.secondary.hint', { max: MAX_SECONDARY_LEADS })}
          </p>
          <FieldError field="secondary" errors={errors} />
          <div class="secondary-boxes">
            {values.secondary.map((value, at) => {
              const field = secondaryField(at + 1);
              const headline = props.secondaryHeadlines.get(value.trim());
              return (
                <div class="field" key={field}>
                  <label for={idOf(field)}>
                    {t('admin.frontPage.secondary.box', { n: at + 1 })}
                  </label>
                  <input
                    id={idOf(field)}
                    type="text"
                    name={field}
                    value={value}
                    dir="ltr"
                    inputMode="url"
                    {...invalid(field)}
                  />
                  {headline && !errors.has(field) ? <p class="field__hint">{headline}</p> : null}
                  <FieldError field={field} errors={errors} />
                </div>
              );
            })}
          </div>
        </fieldset>
        <button type="submit" class="button button--primary">
          {t('admin.frontPage.save')}
        </button>
      </form>
    </AdminLayout>
  );
}
