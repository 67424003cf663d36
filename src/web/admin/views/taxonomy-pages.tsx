/**
 * Sections and tags, for editors: lists with rename, description and
 * delete, and (for sections) a form to add one.
 */
import { FIELD_LIMITS } from '../../../domain/field-limits.js';
import type { SectionWithCount, TagWithCount } from '../../../domain/taxonomy.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, Field, FormError, ConfirmedActionForm } from './form-fields.js';

type Item = { id: string; name: string; slug: string; articles: number; description: string };

/**
 * The description of one section or tag, folded away until opened (a list
 * of hundreds of tags stays short): a textarea and its save button.
 */
function DescriptionForm({ ctx, item, base }: { ctx: AdminContext; item: Item; base: string }) {
  const { t } = ctx;
  const id = `description-${item.id}`;
  return (
    <details class="describe">
      <summary>
        {t('admin.taxonomy.description')}
        {item.description ? '' : ' (—)'}
      </summary>
      <form method="post" action={`${base}/${item.id}/description`} class="describe__form">
        <CsrfField token={ctx.csrfToken} />
        <label for={id}>{t('admin.taxonomy.description')}</label>
        <textarea id={id} name="description" rows={3} dir="auto" aria-describedby={`${id}-hint`}>
          {item.description}
        </textarea>
        <p class="field__hint" id={`${id}-hint`}>
          {t('admin.taxonomy.descriptionHint', { max: String(FIELD_LIMITS.taxonomyDescription) })}
        </p>
        <button type="submit" class="button">
          {t('admin.taxonomy.saveDescription')}
        </button>
      </form>
    </details>
  );
}

function ItemList({
  ctx,
  items,
  base,
  publicBase,
}: {
  ctx: AdminContext;
  items: Item[];
  base: string;
  publicBase: string;
}) {
  const { t } = ctx;
  return (
    <ul class="user-list">
      {items.map((item) => (
        <li class="user-list__item" key={item.id}>
          <div class="user-list__who">
            <a href={`${publicBase}/${encodeURIComponent(item.slug)}`}>
              <strong>{item.name}</strong>
            </a>
            <span>{t('admin.count.articles', { count: String(item.articles) })}</span>
            <DescriptionForm ctx={ctx} item={item} base={base} />
          </div>
          <div class="user-list__actions">
            <form method="post" action={`${base}/${item.id}`} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <label class="visually-hidden" for={`name-${item.id}`}>
                {t('admin.rename')}
              </label>
              <input id={`name-${item.id}`} name="name" type="text" dir="auto" value={item.name} />
              <button type="submit" class="button">
                {t('admin.rename')}
              </button>
            </form>
            <ConfirmedActionForm
              action={`${base}/${item.id}/delete`}
              csrfToken={ctx.csrfToken}
              confirmLabel={t('admin.confirmDelete')}
              buttonLabel={t('admin.delete')}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function SectionsPage(props: {
  ctx: AdminContext;
  sections: SectionWithCount[];
  errors?: FormErrors;
  notice?: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.sections.title')} notice={props.notice}>
      <h1>{t('admin.sections.title')}</h1>
      <FormError message={props.errors?.form ?? props.errors?.fields?.description} />
      <ItemList ctx={ctx} items={props.sections} base="/admin/sections" publicBase="/section" />
      <section class="card card--narrow">
        <h2>{t('admin.sections.add')}</h2>
        <form method="post" action="/admin/sections">
          <CsrfField token={ctx.csrfToken} />
          <Field
            name="name"
            label={t('admin.sections.name')}
            error={props.errors?.fields?.name}
            required
          />
          <button type="submit" class="button button--primary">
            {t('admin.sections.add')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

export function TagsPage(props: {
  ctx: AdminContext;
  tags: TagWithCount[];
  errors?: FormErrors;
  notice?: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.tags.title')} notice={props.notice}>
      <h1>{t('admin.tags.title')}</h1>
      <FormError
        message={
          props.errors?.form ?? props.errors?.fields?.name ?? props.errors?.fields?.description
        }
      />
      <ItemList ctx={ctx} items={props.tags} base="/admin/tags" publicBase="/tag" />
    </AdminLayout>
  );
}
