/**
 * The newsroom's static pages («من نحن», «اتصل بنا», «سياسة الخصوصية»):
 * each with its status, address on the site and last change, a button for
 * a new page, and, for administrators, the footer menu: which pages the
 * site's footer links (a checkbox each) and in which order (a number each).
 * Without JavaScript the menu is one plain form.
 */
import type { ArticleId } from '../../../domain/article-id.js';
import { pagePath } from '../../../domain/article-path.js';
import type { NewsroomListItem } from '../../../domain/newsroom-list.js';
import { can } from '../../../domain/roles.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import { CsrfField } from './form-fields.js';

/** The id of the footer menu's form, which the table's checkboxes and numbers belong to. */
const FOOTER_FORM = 'footer-menu';

export function PagesListPage(props: {
  ctx: AdminContext;
  pages: NewsroomListItem[];
  /** The footer menu's page ids, in order. */
  footerIds: ArticleId[];
  notice?: AdminNotice | null;
}) {
  const { ctx, pages, footerIds } = props;
  const { t, user } = ctx;
  const editsFooter = user !== null && can(user, 'settings.manage');
  // Chosen pages keep their place; the others are offered after them.
  const orderOf = (id: ArticleId) => {
    const at = footerIds.indexOf(id);
    return at === -1 ? footerIds.length + 1 + pages.findIndex((p) => p.id === id) : at + 1;
  };
  return (
    <AdminLayout ctx={ctx} title={t('admin.pages.title')} notice={props.notice}>
      <div class="page-head">
        <h1>{t('admin.pages.title')}</h1>
        <a class="button button--primary" href="/admin/pages/new">
          {t('admin.pages.new')}
        </a>
      </div>
      {pages.length === 0 ? (
        <p class="empty">{t('admin.pages.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="pages-table">
            <thead>
              <tr>
                <th>{t('admin.field.headline')}</th>
                <th>{t('admin.workflow.title')}</th>
                <th>{t('admin.pages.address')}</th>
                <th>{t('admin.articles.updated')}</th>
                {editsFooter ? (
                  <>
                    <th>{t('admin.pages.footer.show')}</th>
                    <th>{t('admin.pages.footer.order')}</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`/admin/articles/${p.id}/edit`}>
                      {p.headline || t('admin.articles.untitled')}
                    </a>
                  </td>
                  <td>
                    <span class={`badge badge--${p.status}`}>{t(`admin.status.${p.status}`)}</span>
                  </td>
                  <td>
                    {p.slug ? (
                      p.status === 'published' ? (
                        <a href={pagePath(p.slug)} dir="ltr">
                          {`/p/${p.slug}`}
                        </a>
                      ) : (
                        <bdi dir="ltr">{`/p/${p.slug}`}</bdi>
                      )
                    ) : null}
                  </td>
                  <td>
                    {p.importedAt ? (
                      <>
                        {t('admin.articles.imported')}{' '}
                        <AdminTime ctx={ctx} instant={p.importedAt} />
                      </>
                    ) : (
                      <AdminTime ctx={ctx} instant={p.updatedAt} />
                    )}
                  </td>
                  {editsFooter ? (
                    <>
                      <td>
                        <input
                          type="checkbox"
                          form={FOOTER_FORM}
                          name="footer"
                          value={p.id}
                          checked={footerIds.includes(p.id)}
                          aria-label={`${t('admin.pages.footer.show')}: ${p.headline}`}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          form={FOOTER_FORM}
                          name={`order-${p.id}`}
                          value={String(orderOf(p.id))}
                          min={1}
                          max={9999}
                          size={4}
                          dir="ltr"
                          aria-label={`${t('admin.pages.footer.order')}: ${p.headline}`}
                        />
                      </td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editsFooter && pages.length > 0 ? (
        <form id={FOOTER_FORM} method="post" action="/admin/pages/footer" class="card stack">
          <h2>{t('admin.pages.footer.title')}</h2>
          <p class="field__hint">{t('admin.pages.footer.hint')}</p>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button button--primary">
            {t('admin.pages.footer.save')}
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
