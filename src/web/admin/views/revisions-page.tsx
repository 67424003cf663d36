/**
 * An article's revisions, and what changed since one of them (a word
 * diff with <del> and <ins>), with a button to restore it.
 */
import type { ArticleId } from '../../../domain/article-id.js';
import type { DiffPart, RevisionDiff, RevisionSummary } from '../../../domain/revision.js';
import type { AdminContext } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime } from './admin-time.js';
import { CsrfField } from './form-fields.js';

export function RevisionsPage(props: {
  ctx: AdminContext;
  articleId: ArticleId;
  headline: string;
  revisions: RevisionSummary[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.revisions.title')}>
      <h1>{t('admin.revisions.title')}</h1>
      <p>
        <a href={`/admin/articles/${props.articleId}/edit`}>
          {props.headline || t('admin.articles.untitled')}
        </a>
      </p>
      <ol class="revision-list">
        {props.revisions.map((r) => (
          <li key={r.id}>
            <span class="badge">{t(`admin.revisions.kind.${r.kind}`)}</span>{' '}
            <AdminTime ctx={ctx} instant={r.createdAt} /> ·{' '}
            <bdi>{r.userName ?? t('admin.workflow.system')}</bdi> ·{' '}
            <a href={`/admin/articles/${props.articleId}/revisions/${r.id}`}>
              {t('admin.revisions.compare')}
            </a>
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <div class="diff" dir="auto">
      {parts.map((p) =>
        p.kind === 'added' ? (
          <ins>{p.text}</ins>
        ) : p.kind === 'removed' ? (
          <del>{p.text}</del>
        ) : (
          <span>{p.text}</span>
        ),
      )}
    </div>
  );
}

export function RevisionDiffPage(props: {
  ctx: AdminContext;
  articleId: ArticleId;
  diff: RevisionDiff;
}) {
  const { ctx, diff } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.revisions.diffTitle')}>
      <h1>{t('admin.revisions.diffTitle')}</h1>
      <p>
        <span class="badge">{t(`admin.revisions.kind.${diff.revision.kind}`)}</span>{' '}
        <AdminTime ctx={ctx} instant={diff.revision.createdAt} /> ·{' '}
        <bdi>{diff.revision.userName ?? t('admin.workflow.system')}</bdi>
      </p>
      <section class="card">
        <h2>{t('admin.field.headline')}</h2>
        <Diff parts={diff.headline} />
        <h2>{t('admin.field.excerpt')}</h2>
        <Diff parts={diff.excerpt} />
        <h2>{t('admin.field.body')}</h2>
        <Diff parts={diff.body} />
      </section>
      <form
        method="post"
        action={`/admin/articles/${props.articleId}/revisions/${diff.revision.id}/restore`}
      >
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="button button--primary">
          {t('admin.revisions.restore')}
        </button>
      </form>
      <p>
        <a href={`/admin/articles/${props.articleId}/revisions`}>{t('admin.revisions.title')}</a>
      </p>
    </AdminLayout>
  );
}
