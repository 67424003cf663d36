/**
 * One agency item on the wire desk: its headline, agency, time, section,
 * byline, slugline and subjects, the summary and the full body (sanitised
 * when it was received), a link to the item's page at the agency, and
 * «استخدام كمسودة» for those who may use the desk, or a link to the
 * draft already made from it. Readers of a desk opened read-only see
 * neither (only who used it). When the agency's images were left out
 * of the body (wire-queue.ts withoutAgencyImages), a notice says how many.
 * neither (only who used it). An item the agency withdrew or withheld
 * says so first, as a danger notice, and its «استخدام كمسودة» is disabled
 * (the service refuses it too); the sources other copies of the story came
 * from are named («وصل أيضاً من»). When the article made from it is
 * published, it says so (an alarm when the item was withdrawn since).
 */
import { countPhrase, type PluralForms } from '../../../arabic/plural.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { WireDeskAccess, WireItemDetail } from '../../../domain/wire.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { AdminTime, adminTime } from './admin-time.js';
import type { FormErrors } from './auth-pages.js';
import { CsrfField, FormError } from './form-fields.js';
import { WireBadges, WireCopies, WireStatusNotice, WireTime } from './wire-parts.js';

export function WireItemPage(props: {
  ctx: AdminContext;
  access: WireDeskAccess;
  item: WireItemDetail;
  errors?: FormErrors | undefined;
  notice?: AdminNotice | null;
}) {
  const { ctx, item } = props;
  const { t } = ctx;
  const section = item.section;
  return (
    <AdminLayout ctx={ctx} title={item.headline} notice={props.notice}>
      <p class="wire-back">
        <a href="/admin/wire">{t('admin.wire.back')}</a>
      </p>
      <article class="card wire-item">
        <div class="wire-row__meta">
          <strong class="wire-row__agency">
            <bdi>{item.agency}</bdi>
          </strong>
          <WireTime ctx={ctx} instant={item.sentAt} />
          {section ? <span class="wire-row__section">{section.name}</span> : null}
        </div>
        <WireStatusNotice ctx={ctx} status={item.status} />
        <h1 dir="auto">{item.headline}</h1>
        <WireBadges ctx={ctx} item={item} />
        <WireCopies ctx={ctx} copies={item.copies} />
        {item.timeEstimated ? <p class="notice">{t('admin.wire.timeEstimatedLong')}</p> : null}
        {item.updateCount > 0 ? (
          <p class="notice notice--warning">
            {t('admin.wire.updatedAtSourceLong', { time: adminTime(ctx, item.updatedAt) })}
          </p>
        ) : null}
        <dl class="wire-facts">
          {item.sentOffsetMinutes !== null && !item.timeEstimated ? (
            <>
              <dt>{t('admin.wire.agencyTime')}</dt>
              <dd>
                <AgencyTime
                  ctx={ctx}
                  instant={item.sentAt}
                  offsetMinutes={item.sentOffsetMinutes}
                />
              </dd>
            </>
          ) : null}
          {item.byline ? (
            <>
              <dt>{t('admin.wire.byline')}</dt>
              <dd>
                <bdi>{item.byline}</bdi>
              </dd>
            </>
          ) : null}
          {item.slugline ? (
            <>
              <dt>{t('admin.wire.slugline')}</dt>
              <dd>
                <bdi>{item.slugline}</bdi>
              </dd>
            </>
          ) : null}
          {item.subjects.length > 0 ? (
            <>
              <dt>{t('admin.wire.subjects')}</dt>
              <dd>
                {item.subjects.map((subject, i) => (
                  <>
                    {i > 0 ? '، ' : null}
                    <bdi key={subject}>{subject}</bdi>
                  </>
                ))}
              </dd>
            </>
          ) : null}
          <dt>{t('admin.wire.source')}</dt>
          <dd>
            <bdi>{item.sourceName}</bdi>
          </dd>
          <dt>{t('admin.wire.received')}</dt>
          <dd>
            <AdminTime ctx={ctx} instant={item.receivedAt} />
          </dd>
        </dl>
        {item.summary ? (
          <p class="wire-item__summary" dir="auto">
            {item.summary}
          </p>
        ) : null}
        {item.droppedImages > 0 ? (
          <p class="notice">
            {t('admin.wire.imagesDropped', { images: imagesPhrase(ctx, item.droppedImages) })}
          </p>
        ) : null}
        {item.bodyHtml ? (
          <div
            class="wire-item__body"
            dir="auto"
            dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
          />
        ) : null}
        {item.link ? (
          <p>
            <a href={item.link} rel="noopener noreferrer external" target="_blank">
              {t('admin.wire.atAgency', { agency: item.agency })}
            </a>
          </p>
        ) : null}
      </article>
      <FormError message={props.errors?.form} />
      <div class="wire-actions">
        {props.access.use && item.used ? (
          <a class="button" href={`/admin/articles/${item.used.articleId}/edit`}>
            {t('admin.wire.openDraft')}
          </a>
        ) : null}
        {item.used?.published ? (
          <p
            class={`notice${item.status === 'usable' ? '' : ' notice--error'} wire-actions__published`}
          >
            {t('admin.wire.draftPublished')}
          </p>
        ) : null}
        {props.access.use && !item.used && item.status === 'usable' ? (
          <form method="post" action={`/admin/wire/items/${item.id}/use`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button button--primary">
              {t('admin.wire.use')}
            </button>
          </form>
        ) : null}
        {props.access.use && !item.used && item.status !== 'usable' ? (
          <>
            <button type="button" class="button" disabled aria-describedby="wire-use-withdrawn">
              {t('admin.wire.use')}
            </button>
            <span id="wire-use-withdrawn" class="wire-actions__why">
              {t('admin.wire.useWithdrawn')}
            </span>
          </>
        ) : null}
      </div>
    </AdminLayout>
  );
}

/**
 * The time as the agency wrote it, in its own offset: `13:00 (UTC+03:00)`,
 * with the site's month names and digits.
 */
function AgencyTime(props: { ctx: AdminContext; instant: Date; offsetMinutes: number }) {
  const { ctx, offsetMinutes } = props;
  const shifted = new Date(props.instant.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return (
    <>
      {adminTime({ lang: ctx.lang, locale: { ...ctx.locale, timeZone: 'UTC' } }, shifted)}{' '}
      <bdi dir="ltr">({zone})</bdi>
    </>
  );
}

/** Forms of صورة (an image), for the images left out. */
const IMAGE_FORMS: PluralForms = Object.freeze({
  zero: 'لا صور',
  one: 'صورة واحدة',
  two: 'صورتان',
  few: '{count} صور',
  many: '{count} صورة',
  other: '{count} صورة',
});

/** `n` images in the newsroom's language: «صورتان», «٣ صور»; "2 images". */
function imagesPhrase(ctx: AdminContext, n: number): string {
  return ctx.lang === 'ar'
    ? countPhrase(n, IMAGE_FORMS, ctx.locale.numerals)
    : `${formatNumber(n, 'latn')} image${n === 1 ? '' : 's'}`;
}
