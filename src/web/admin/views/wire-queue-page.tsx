/**
 * The wire desk («مكتب الوكالات»): agency items waiting in the queue,
 * newest first, each with its agency, time, section, headline, first
 * words and badges; a search box and filters (source, agency, section,
 * used or not) that a GET form sends, and pages. On a phone each item is
 * one stacked card and the filters wrap.
 */
import { truncateWords } from '../../../arabic/truncate.js';
import { countPhrase, type PluralForms } from '../../../arabic/plural.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { Section } from '../../../domain/article.js';
import type { WireDeskAccess, WireQueueItem, WireSource } from '../../../domain/wire.js';
import type { AdminContext, AdminNotice } from '../admin-context.js';
import { AdminLayout } from './admin-layout.js';
import { WireBadges, WireTime } from './wire-parts.js';

/** The filters as the form sends them ('' for none). */
export interface WireQueueQuery {
  q: string;
  source: string;
  agency: string;
  section: string;
  used: '' | 'unused' | 'used';
  /** 1-based. */
  page: number;
}

/** Forms of خبر (a news item): «خبر واحد»، «خبران»، «3 أخبار»، «11 خبراً»، «100 خبر». */
const ITEM_FORMS: PluralForms = Object.freeze({
  zero: 'لا أخبار',
  one: 'خبر واحد',
  two: 'خبران',
  few: '{count} أخبار',
  many: '{count} خبراً',
  other: '{count} خبر',
});

/** How much of an item's text a row shows, graphemes. */
const FIRST_WORDS = 180;

/** The desk's address for `query` with `over` applied (page 1 unless given). */
export function wireQueueHref(query: WireQueueQuery, over: Partial<WireQueueQuery> = {}): string {
  const next = { ...query, page: 1, ...over };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.source) params.set('source', next.source);
  if (next.agency) params.set('agency', next.agency);
  if (next.section) params.set('section', next.section);
  if (next.used) params.set('used', next.used);
  if (next.page > 1) params.set('page', String(next.page));
  const text = params.toString();
  return text ? `/admin/wire?${text}` : '/admin/wire';
}

export function WireQueuePage(props: {
  ctx: AdminContext;
  access: WireDeskAccess;
  items: WireQueueItem[];
  total: number;
  pageSize: number;
  query: WireQueueQuery;
  sources: WireSource[];
  sections: Section[];
  notice?: AdminNotice | null;
}) {
  const { ctx, query } = props;
  const { t } = ctx;
  const agencies = [...new Set(props.sources.map((s) => s.agency))].sort((a, b) =>
    a.localeCompare(b, 'ar'),
  );
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const count =
    ctx.lang === 'ar'
      ? countPhrase(props.total, ITEM_FORMS, ctx.locale.numerals)
      : `${props.total} item${props.total === 1 ? '' : 's'}`;
  return (
    <AdminLayout ctx={ctx} title={t('admin.wire.title')} notice={props.notice}>
      <div class="page-head">
        <h1>{t('admin.wire.title')}</h1>
        {props.access.manage ? (
          <a class="button" href="/admin/wire/sources">
            {t('admin.wire.sources.title')}
          </a>
        ) : null}
      </div>
      {props.access.use ? null : <p class="notice">{t('admin.wire.readOnly')}</p>}
      <form method="get" action="/admin/wire" role="search" class="wire-filters">
        <div class="field wire-filters__q">
          <label for="wire-q">{t('admin.wire.search')}</label>
          <input id="wire-q" type="search" name="q" value={query.q} dir="auto" maxLength={200} />
        </div>
        <FilterSelect
          id="wire-source"
          name="source"
          label={t('admin.wire.filter.source')}
          all={t('admin.wire.filter.allSources')}
          value={query.source}
          options={props.sources.map((s) => [s.id, s.name])}
        />
        <FilterSelect
          id="wire-agency"
          name="agency"
          label={t('admin.wire.filter.agency')}
          all={t('admin.wire.filter.allAgencies')}
          value={query.agency}
          options={agencies.map((a) => [a, a])}
        />
        <FilterSelect
          id="wire-section"
          name="section"
          label={t('admin.wire.filter.section')}
          all={t('admin.wire.filter.allSections')}
          value={query.section}
          options={props.sections.map((s) => [s.id, s.name])}
        />
        <FilterSelect
          id="wire-used"
          name="used"
          label={t('admin.wire.filter.used')}
          all={t('admin.wire.filter.usedAll')}
          value={query.used}
          options={[
            ['unused', t('admin.wire.filter.unused')],
            ['used', t('admin.wire.filter.usedOnly')],
          ]}
        />
        <button type="submit" class="button button--primary">
          {t('admin.wire.filter.apply')}
        </button>
      </form>
      <p class="wire-count" role="status">
        {count}
      </p>
      {props.items.length === 0 ? (
        <p class="empty">
          {query.q || query.source || query.agency || query.section || query.used
            ? t('admin.wire.noMatch')
            : t('admin.wire.empty')}
        </p>
      ) : (
        <ol class="wire-rows">
          {props.items.map((item) => (
            <li class="wire-row" key={item.id}>
              <div class="wire-row__meta">
                <strong class="wire-row__agency">
                  <bdi>{item.agency}</bdi>
                </strong>
                <WireTime ctx={ctx} instant={item.sentAt} />
                {item.section ? <span class="wire-row__section">{item.section.name}</span> : null}
              </div>
              <a class="wire-row__headline" href={`/admin/wire/items/${item.id}`}>
                <bdi>{item.headline}</bdi>
              </a>
              {item.firstWords ? (
                <p class="wire-row__lead" dir="auto">
                  {truncateWords(item.firstWords, FIRST_WORDS)}
                </p>
              ) : null}
              <WireBadges ctx={ctx} item={item} />
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t('pager.label')}>
          {query.page > 1 ? (
            <a href={wireQueueHref(query, { page: query.page - 1 })} rel="prev">
              {t('pager.previous')}
            </a>
          ) : null}
          <span>
            {t('admin.wire.pageOf', {
              page: formatNumber(query.page, ctx.locale.numerals),
              pages: formatNumber(pages, ctx.locale.numerals),
            })}
          </span>
          {query.page < pages ? (
            <a href={wireQueueHref(query, { page: query.page + 1 })} rel="next">
              {t('pager.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}

/** A labelled select with an "all" choice first (value ''). */
function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  all: string;
  value: string;
  options: Array<[value: string, label: string]>;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        <option value="" selected={props.value === ''}>
          {props.all}
        </option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
