/**
 * Redirects of old addresses, for editors and administrators
 * (`redirect.manage`): list and search, add, change, delete, CSV import
 * (a multipart upload: its CSRF token travels in `?_csrf=`, see
 * uploads.ts) and export, and the most-missed addresses.
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cutAtGraphemeBoundary } from '../../../arabic/truncate.js';
import { AppError } from '../../../lib/errors.js';
import { MediaError } from '../../../services/media-error.js';
import { mostMissedPaths } from '../../../services/missed-paths.js';
import {
  changeRedirect,
  createRedirect,
  redirectsPage,
  removeRedirect,
  REDIRECTS_PER_PAGE,
} from '../../../services/redirects.js';
import {
  exportRedirectsCsv,
  importRedirectsCsv,
  REDIRECT_CSV_MAX_BYTES,
  type CsvImportReport,
} from '../../../services/redirects-csv.js';
import { queryNotice, type AdminKit } from '../admin-kit.js';
import { errorMessage, field, formErrorsOf } from '../form-errors.js';
import { formatBytes } from '../media-messages.js';
import { actorOf } from '../route-params.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { readUpload } from '../uploads.js';
import { RedirectsPage, type RedirectFormState } from '../views/redirects-page.js';

interface ShowExtra {
  form?: RedirectFormState;
  csvError?: string;
  csvReport?: CsvImportReport;
  status?: number;
}

async function showRedirects(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  extra: ShowExtra = {},
) {
  const actor = actorOf(request);
  const search = cutAtGraphemeBoundary(field(request.query, 'q'), 2000);
  const pageText = field(request.query, 'page');
  const page = /^[1-9][0-9]{0,5}$/.test(pageText) ? Number(pageText) : 1;
  const [list, missed] = await Promise.all([
    redirectsPage(kit.deps, actor, { search, page }),
    mostMissedPaths(kit.deps, actor),
  ]);
  const ctx = kit.context(request, reply);
  return kit.render(
    reply,
    <RedirectsPage
      ctx={ctx}
      redirects={list.redirects}
      total={list.total}
      search={search}
      page={page}
      perPage={REDIRECTS_PER_PAGE}
      missed={missed}
      notice={queryNotice(ctx.t, request.query) ?? undefined}
      form={extra.form}
      csvError={extra.csvError}
      csvReport={extra.csvReport}
      csvMaxSize={formatBytes(ctx.t, REDIRECT_CSV_MAX_BYTES)}
    />,
    extra.status ?? (extra.form || extra.csvError ? 422 : 200),
  );
}

/** The form's values as typed. */
function formValues(body: unknown) {
  return { from: field(body, 'from'), to: field(body, 'to'), status: field(body, 'status') };
}

/** Shows the page again with the form that failed, its values and its errors. */
function showFormError(
  request: FastifyRequest,
  reply: FastifyReply,
  kit: AdminKit,
  id: string | null,
  error: unknown,
) {
  const errors = formErrorsOf(kit.context(request, reply), error);
  const status = error instanceof AppError ? error.status : 422;
  return showRedirects(request, reply, kit, {
    form: { id, values: formValues(request.body), errors },
    status,
  });
}

export const redirectsRoutes: AdminRoute[] = [
  adminRoute({
    id: 'redirects.list',
    method: 'GET',
    url: '/admin/redirects',
    permission: 'redirect.manage',
    handler: (request, reply, kit) => showRedirects(request, reply, kit),
  }),
  adminRoute({
    id: 'redirects.create',
    method: 'POST',
    url: '/admin/redirects',
    permission: 'redirect.manage',
    handler: async (request, reply, kit) => {
      try {
        await createRedirect(kit.deps, actorOf(request), formValues(request.body));
      } catch (error) {
        return showFormError(request, reply, kit, null, error);
      }
      return kit.redirect(reply, '/admin/redirects?notice=redirect-saved');
    },
  }),
  adminRoute({
    id: 'redirects.export',
    method: 'GET',
    url: '/admin/redirects/export',
    permission: 'redirect.manage',
    handler: async (request, reply, kit) => {
      const pieces = exportRedirectsCsv(kit.deps, actorOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="redirects.csv"')
        .header('cache-control', 'no-store')
        .send(Readable.from(pieces));
    },
  }),
  adminRoute({
    id: 'redirects.import',
    method: 'POST',
    url: '/admin/redirects/import',
    permission: 'redirect.manage',
    handler: async (request, reply, kit) => {
      try {
        const upload = await readCsvUpload(request, reply);
        const report = await importRedirectsCsv(kit.deps, actorOf(request), upload);
        return await showRedirects(request, reply, kit, { csvReport: report });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const ctx = kit.context(request, reply);
        return showRedirects(request, reply, kit, {
          csvError:
            error.code === 'REDIRECT_CSV_TOO_LARGE'
              ? ctx.t('admin.error.REDIRECT_CSV_TOO_LARGE', {
                  max: formatBytes(ctx.t, REDIRECT_CSV_MAX_BYTES),
                })
              : errorMessage(ctx, error),
          status: error.status,
        });
      }
    },
  }),
  adminRoute({
    id: 'redirects.change',
    method: 'POST',
    url: '/admin/redirects/:id',
    permission: 'redirect.manage',
    handler: async (request, reply, kit) => {
      const id = field(request.params, 'id');
      try {
        await changeRedirect(kit.deps, actorOf(request), id, formValues(request.body));
      } catch (error) {
        return showFormError(request, reply, kit, id, error);
      }
      return kit.redirect(reply, `/admin/redirects?notice=redirect-saved`);
    },
  }),
  adminRoute({
    id: 'redirects.delete',
    method: 'POST',
    url: '/admin/redirects/:id/delete',
    permission: 'redirect.manage',
    handler: async (request, reply, kit) => {
      try {
        if (field(request.body, 'confirm') !== 'yes')
          throw new AppError('REVOKE_NOT_CONFIRMED', 'Tick the box to confirm.');
        await removeRedirect(kit.deps, actorOf(request), field(request.params, 'id'));
      } catch (error) {
        return showFormError(request, reply, kit, null, error);
      }
      return kit.redirect(reply, '/admin/redirects?notice=redirect-deleted');
    },
  }),
];

/**
 * The uploaded CSV file, whole, of at most REDIRECT_CSV_MAX_BYTES.
 * @throws AppError REDIRECT_CSV_TOO_LARGE, REDIRECT_CSV_MISSING
 */
async function readCsvUpload(request: FastifyRequest, reply: FastifyReply): Promise<Uint8Array> {
  try {
    return (await readUpload(request, reply, REDIRECT_CSV_MAX_BYTES)).bytes;
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    if (error.code === 'UPLOAD_TOO_LARGE')
      throw new AppError('REDIRECT_CSV_TOO_LARGE', error.message, { cause: error });
    throw new AppError('REDIRECT_CSV_MISSING', 'Choose a CSV file to upload.', { cause: error });
  }
}
