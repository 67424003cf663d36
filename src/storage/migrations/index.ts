/**
 * Every migration, by name, in the order they run. Names are
 * `YYYY_MM_DD_HHMM_slug`; a migration is never edited after it lands.
 * Listed statically (not read from the folder) so the compiled build and
 * the tests see the same set.
 */
import type { Migration } from 'kysely';
import * as createSections from './2026_11_29_1600_create_sections.js';
import * as createArticles from './2026_11_29_1601_create_articles.js';
import * as createTags from './2026_11_29_1602_create_tags.js';
import * as createRelatedLinks from './2026_11_29_1603_create_related_links.js';
import * as addPublishedPrecision from './2026_11_29_1700_add_articles_published_precision.js';
import * as createUsers from './2026_11_29_1800_create_users.js';
import * as createSessions from './2026_11_29_1801_create_sessions.js';
import * as createLoginThrottle from './2026_11_29_1802_create_login_throttle.js';
import * as addEditorialColumns from './2026_11_29_1900_add_articles_editorial_columns.js';
import * as createArticleAuthors from './2026_11_29_1901_create_article_authors.js';
import * as createArticleRevisions from './2026_11_29_1902_create_article_revisions.js';
import * as createArticleEvents from './2026_11_29_1903_create_article_events.js';
import * as createSettings from './2026_11_29_1904_create_settings.js';
import * as createMedia from './2026_11_29_2000_create_media.js';
import * as createArticleSearch from './2026_11_29_2100_create_article_search.js';
import * as createSearchFilterIndex from './2026_11_29_2200_create_articles_search_filter_index.js';
import * as createApiKeys from './2026_11_29_2300_create_api_keys.js';
import * as createWebhooks from './2026_11_29_2400_create_webhooks.js';
import * as createViewBuckets from './2026_11_29_2500_create_article_view_buckets.js';
import * as emptySearchIndex from './2026_11_29_2600_empty_search_index_for_new_stems.js';
import * as createBreakingIndex from './2026_11_29_2700_create_articles_breaking_index.js';
import * as createListingIndexes from './2026_11_29_2800_create_articles_listing_indexes.js';
import * as createAppliedViewBatches from './2026_12_03_1300_create_applied_view_batches.js';
import * as createSiteImportTables from './2026_12_03_2100_create_site_import_tables.js';
import * as addSearchSurfaceForms from './2026_12_04_0300_add_search_surface_forms.js';
import * as emptySearchIndexForSeatStems from './2026_12_04_0300_empty_search_index_for_seat_stems.js';
import * as addUsersPhotoAndLinks from './2026_12_04_1300_add_users_photo_and_links.js';
import * as addTagsDescription from './2026_12_04_1300_add_tags_description.js';
import * as createWire from './2026_12_04_1500_create_wire.js';
import * as createLiveCoverage from './2026_12_05_1000_create_live_coverage.js';
import * as createReach from './2026_12_06_1000_create_reach.js';
import * as addPushAlertReason from './2026_12_06_1100_add_push_alert_reason.js';
import * as addOutboxReason from './2026_12_06_1200_add_outbox_reason.js';
import * as createSectionLatestIndex from './2026_12_07_1000_create_articles_section_latest_index.js';
import * as searchMatchVector from './2026_12_07_1100_search_match_vector.js';
import * as createSitemapIndex from './2026_12_07_1300_create_articles_sitemap_index.js';
import * as searchMatchTable from './2026_12_07_1400_search_match_table.js';
import * as searchMatchIdsFunction from './2026_12_07_1530_search_match_ids_function.js';
import * as articleTagsListing from './2026_12_08_1000_article_tags_listing.js';

export const migrations: Record<string, Migration> = {
  '2026_11_29_1600_create_sections': createSections,
  '2026_11_29_1601_create_articles': createArticles,
  '2026_11_29_1602_create_tags': createTags,
  '2026_11_29_1603_create_related_links': createRelatedLinks,
  '2026_11_29_1700_add_articles_published_precision': addPublishedPrecision,
  '2026_11_29_1800_create_users': createUsers,
  '2026_11_29_1801_create_sessions': createSessions,
  '2026_11_29_1802_create_login_throttle': createLoginThrottle,
  '2026_11_29_1900_add_articles_editorial_columns': addEditorialColumns,
  '2026_11_29_1901_create_article_authors': createArticleAuthors,
  '2026_11_29_1902_create_article_revisions': createArticleRevisions,
  '2026_11_29_1903_create_article_events': createArticleEvents,
  '2026_11_29_1904_create_settings': createSettings,
  '2026_11_29_2000_create_media': createMedia,
  '2026_11_29_2100_create_article_search': createArticleSearch,
  '2026_11_29_2200_create_articles_search_filter_index': createSearchFilterIndex,
  '2026_11_29_2300_create_api_keys': createApiKeys,
  '2026_11_29_2400_create_webhooks': createWebhooks,
  '2026_11_29_2500_create_article_view_buckets': createViewBuckets,
  '2026_11_29_2600_empty_search_index_for_new_stems': emptySearchIndex,
  '2026_11_29_2700_create_articles_breaking_index': createBreakingIndex,
  '2026_11_29_2800_create_articles_listing_indexes': createListingIndexes,
  '2026_12_03_1300_create_applied_view_batches': createAppliedViewBatches,
  '2026_12_03_2100_create_site_import_tables': createSiteImportTables,
  '2026_12_04_0300_add_search_surface_forms': addSearchSurfaceForms,
  '2026_12_04_0300_empty_search_index_for_seat_stems': emptySearchIndexForSeatStems,
  '2026_12_04_1300_add_users_photo_and_links': addUsersPhotoAndLinks,
  '2026_12_04_1300_add_tags_description': addTagsDescription,
  '2026_12_04_1500_create_wire': createWire,
  '2026_12_05_1000_create_live_coverage': createLiveCoverage,
  '2026_12_06_1000_create_reach': createReach,
  '2026_12_06_1100_add_push_alert_reason': addPushAlertReason,
  '2026_12_06_1200_add_outbox_reason': addOutboxReason,
  '2026_12_07_1000_create_articles_section_latest_index': createSectionLatestIndex,
  '2026_12_07_1100_search_match_vector': searchMatchVector,
  '2026_12_07_1300_create_articles_sitemap_index': createSitemapIndex,
  '2026_12_07_1400_search_match_table': searchMatchTable,
  '2026_12_07_1530_search_match_ids_function': searchMatchIdsFunction,
  '2026_12_08_1000_article_tags_listing': articleTagsListing,
};
