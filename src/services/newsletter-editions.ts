/**
 * Newsletter editions (issue 20): the newsroom puts an edition together
 * (the day's most read and latest articles to start with; the editor
 * adds, removes and reorders articles, writes the subject and the intro),
 * previews its email, sends it to one address as a test, sends it now or
 * schedules it. The automatic daily digest is made at the
 * administrator's time (setting `newsletter.digestTime`, site time; unset:
 * off), once a day however many instances run (the unique (kind,
 * digest_date) index). A breaking article becomes a one-article edition,
 * once per article, in the transaction that made it breaking.
 *
 * Sending an edition queues one email per active subscriber who wants it
 * (digest = 1, or breaking = 1) in the outbox; the email sender
 * (services/mail-*.ts, NEWSLETTER-SUBS) renders each with
 * services/edition-mail.ts. The newsletter clock (every minute, like
 * scheduled publishing) makes the digest, sends the scheduled editions
 * that are due (one left with no published article goes back to draft,
 * unsent, as «أرسل الآن» refuses it), and marks `sent` the editions with
 * no email pending; the newsroom's list and edition page make that last
 * check too when shown, so an edition is not shown «قيد الإرسال» after
 * its last email went.
 */
import { formatDate, localDateKey } from '../arabic/dates.js';
import { zonedParts } from '../arabic/zoned-parts.js';
import type { ArticleId } from '../domain/article-id.js';
import { parseArticleId } from '../domain/article-id.js';
import {
  DIGEST_TIME_SETTING,
  EDITION_ARTICLES_MAX,
  EDITION_INTRO_MAX,
  EDITION_LATEST,
  EDITION_MOST_READ,
  EDITION_SUBJECT_MAX,
  parseDigestTime,
  type Edition,
  type EditionEditor,
  type EditionsOverview,
} from '../domain/newsletter-edition.js';
import { cleanLine, cleanText } from '../domain/field-limits.js';
import { can, type Actor } from '../domain/roles.js';
import { translator } from '../i18n/format.js';
import { AppError, InvalidInput, throwInvalidInputs } from '../lib/errors.js';
import { wallClockToUtc } from '../lib/time-zone.js';
import type { Database } from '../storage/database.js';
import type { Db } from '../storage/db.js';
import { listMostReadSince } from '../storage/repositories/article-views.repository.js';
import { listLatest, searchHeadlines } from '../storage/repositories/articles.repository.js';
import { listSummariesByIds } from '../storage/repositories/front-page.repository.js';
import {
  countActiveSubscribers,
  findDueEditions,
  findEdition,
  finishSentEditions,
  hasSubscribersFor,
  insertEdition,
  listEditions,
  queueEditionFanOut,
  scheduleEdition as storeSchedule,
  startSendingEdition,
  updateEditionContent,
} from '../storage/repositories/newsletter-editions.repository.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import { headlineMatchKey } from '../arabic/normalize.js';
import { loadEditionMail, renderEditionMail, type EditionMailSite } from './edition-mail.js';
import { subscriberLink } from './mail-confirmation.js';
import type { RenderedMail } from '../domain/newsletter-edition.js';

/** One test email: sent at once, outside the outbox. */
export interface TestMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Sends one email now (the SMTP transport of MIDAD_SMTP_URL); rejects when the server refuses it. */
export type TestMailSender = (mail: TestMail) => Promise<void>;

/** What the editions need. */
export interface EditionDeps {
  database: Database;
  now: () => Date;
  /** The site as mails show it (edition-mail.ts `editionMailSite(config)`). */
  site: EditionMailSite;
  /** Sends a test email; absent when no mail server is set up (MIDAD_SMTP_URL). */
  testMail?: TestMailSender | undefined;
}

const t = translator('ar');

/** Editions the newsroom's list shows. */
export const EDITION_LIST_SIZE = 50;
/** How long after the digest time a digest is still made (a server down longer skips that day), minutes. */
export const DIGEST_LATE_MINUTES = 180;
/** How often the newsletter clock runs, ms. */
export const NEWSLETTER_CLOCK_MS = 60_000;

function allow(actor: Actor): void {
  if (!can(actor, 'newsletter.manage'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators manage newsletters.');
}

async function editionOr404(db: Db, id: string): Promise<Edition> {
  const edition = await findEdition(db, id);
  if (!edition) throw new AppError('EDITION_NOT_FOUND', 'There is no such newsletter edition.');
  return edition;
}

/**
 * Queues the breaking-news email of article `id` to the active subscribers
 * who want breaking news, in `db` (the caller's transaction): a `breaking`
 * edition of that one article, made once per article (its `article_id` is
 * unique), sent at once. Nothing is made while no active subscriber wants
 * breaking news. @returns true when queued now.
 */
export async function queueBreakingEdition(
  db: Db,
  id: ArticleId,
  now: Date,
  createdBy: string | null,
): Promise<boolean> {
  if (!(await hasSubscribersFor(db, 'breaking'))) return false;
  const [article] = await listSummariesByIds(db, [id]);
  if (!article) return false;
  const editionId = await insertEdition(
    db,
    {
      kind: 'breaking',
      subject: t('newsletter.breakingSubject', { headline: article.headline }),
      intro: '',
      articleIds: [id],
      articleId: id,
      status: 'sending',
      createdBy,
    },
    now,
  );
  if (editionId === null) return false;
  await queueEditionFanOut(db, editionId, 'breaking', now);
  return true;
}

/** The articles a new edition starts with: the most read of the last 24 hours, then the latest, each once. */
async function startingArticles(db: Db, now: Date): Promise<ArticleId[]> {
  const mostRead = await listMostReadSince(
    db,
    new Date(now.getTime() - 24 * 3600_000),
    EDITION_MOST_READ,
  );
  const latest = await listLatest(db, EDITION_LATEST + EDITION_MOST_READ);
  const ids: ArticleId[] = [];
  for (const a of mostRead) if (!ids.includes(a.id)) ids.push(a.id);
  for (const a of latest) {
    if (ids.length >= EDITION_MOST_READ + EDITION_LATEST) break;
    if (!ids.includes(a.id)) ids.push(a.id);
  }
  return ids;
}

/** The digest's subject: the site's name and the date of `at` (site time, month names, digits). */
function digestSubject(site: EditionMailSite, at: Date): string {
  return t('newsletter.digestSubject', { site: site.siteName, date: formatDate(at, site.locale) });
}

/** Makes a draft digest of the day's most read and latest articles. @returns its id */
export async function createEditionDraft(deps: EditionDeps, actor: Actor): Promise<string> {
  allow(actor);
  const now = deps.now();
  const db = deps.database.db;
  const id = await insertEdition(
    db,
    {
      kind: 'digest',
      subject: digestSubject(deps.site, now),
      intro: '',
      articleIds: await startingArticles(db, now),
      createdBy: actor.id,
    },
    now,
  );
  if (id === null) throw new Error('a draft edition conflicted with a unique index');
  return id;
}

/** The unsubscribe and preferences links shown in previews and test emails (they reach nobody's subscription). */
function previewLinks(site: EditionMailSite, editionId: string) {
  return {
    unsubscribeUrl: subscriberLink(site.origin, 'unsubscribe', 'preview', editionId),
    preferencesUrl: subscriberLink(site.origin, 'preferences', 'preview'),
  };
}

/** The rendered email of edition `id` (preview link in its footer). @throws AppError EDITION_NOT_FOUND */
export async function previewEditionMail(
  deps: EditionDeps,
  actor: Actor,
  id: string,
): Promise<RenderedMail> {
  allow(actor);
  const mail = await loadEditionMail(deps.database.db, id, deps.site, deps.now());
  if (!mail) throw new AppError('EDITION_NOT_FOUND', 'There is no such newsletter edition.');
  return renderEditionMail(mail, previewLinks(deps.site, id));
}

/** The edition editor of `id`, with headline search results for `q`. @throws AppError EDITION_NOT_FOUND */
export async function editionEditor(
  deps: EditionDeps,
  actor: Actor,
  id: string,
  q = '',
): Promise<EditionEditor> {
  allow(actor);
  const db = deps.database.db;
  let edition = await editionOr404(db, id);
  if (edition.status === 'sending' && (await finishSentEditions(db, deps.now())) > 0)
    edition = await editionOr404(db, id);
  const summaries = await listSummariesByIds(db, edition.articleIds);
  const articles = summaries.map((s) => ({
    id: s.id,
    headline: s.headline,
    publishedAt: s.publishedAt,
  }));
  const key = headlineMatchKey(q);
  const found =
    key === ''
      ? []
      : (await searchHeadlines(db, key, 10))
          .filter((a) => !edition.articleIds.includes(a.id))
          .map((a) => ({ id: a.id, headline: a.headline, publishedAt: null }));
  const counts = await countActiveSubscribers(db);
  return {
    edition,
    articles,
    found,
    mail: await previewEditionMail(deps, actor, id),
    recipients: edition.kind === 'breaking' ? counts.breaking : counts.digest,
    canTest: deps.testMail !== undefined,
  };
}

/** The subject, intro and articles an editor sends. */
export interface EditionInput {
  subject: string;
  intro: string;
  articleIds: readonly string[];
}

/**
 * Saves a draft's (or scheduled edition's) subject, intro and articles. A
 * scheduled edition left with no published article goes back to draft,
 * its schedule cleared (it would send an empty email).
 * @returns true when that schedule was cleared.
 * @throws InvalidInput(s) EDITION_SUBJECT_REQUIRED, EDITION_SUBJECT_TOO_LONG,
 *   EDITION_INTRO_TOO_LONG, EDITION_TOO_MANY_ARTICLES; AppError
 *   EDITION_NOT_FOUND, EDITION_NOT_EDITABLE (already sending or sent)
 */
export async function saveEdition(
  deps: EditionDeps,
  actor: Actor,
  id: string,
  input: EditionInput,
): Promise<boolean> {
  allow(actor);
  // The field rules every text input keeps (domain/field-limits.ts): no character XML forbids, no bidi override.
  const subject = cleanLine(input.subject);
  const intro = cleanText(input.intro).replace(/\r\n?/g, '\n').trim();
  const articleIds: ArticleId[] = [];
  for (const raw of input.articleIds) {
    const articleId = parseArticleId(raw.trim());
    if (articleId && !articleIds.includes(articleId)) articleIds.push(articleId);
  }
  const problems: InvalidInput[] = [];
  if (subject === '')
    problems.push(
      new InvalidInput('EDITION_SUBJECT_REQUIRED', 'subject', 'Give the email a subject.'),
    );
  else if ([...subject].length > EDITION_SUBJECT_MAX)
    problems.push(
      new InvalidInput(
        'EDITION_SUBJECT_TOO_LONG',
        'subject',
        `The subject is longer than ${EDITION_SUBJECT_MAX} characters.`,
        { max: EDITION_SUBJECT_MAX },
      ),
    );
  if ([...intro].length > EDITION_INTRO_MAX)
    problems.push(
      new InvalidInput(
        'EDITION_INTRO_TOO_LONG',
        'intro',
        `The intro is longer than ${EDITION_INTRO_MAX} characters.`,
        { max: EDITION_INTRO_MAX },
      ),
    );
  if (articleIds.length > EDITION_ARTICLES_MAX)
    problems.push(
      new InvalidInput(
        'EDITION_TOO_MANY_ARTICLES',
        'articles',
        `An edition holds at most ${EDITION_ARTICLES_MAX} articles.`,
        { max: EDITION_ARTICLES_MAX },
      ),
    );
  throwInvalidInputs(problems);
  const db = deps.database.db;
  const edition = await editionOr404(db, id);
  return storeContent(db, edition, { subject, intro, articleIds });
}

/** Whether any of `ids` is a published article (what an edition's email shows). */
async function hasPublished(db: Db, ids: readonly ArticleId[]): Promise<boolean> {
  return (await listSummariesByIds(db, ids)).length > 0;
}

/**
 * Stores an edition's content; a scheduled one left with no published
 * article goes back to draft in the same transaction.
 * @returns true when its schedule was cleared. @throws AppError EDITION_NOT_EDITABLE
 */
async function storeContent(
  db: Db,
  edition: Edition,
  content: { subject: string; intro: string; articleIds: ArticleId[] },
): Promise<boolean> {
  const unschedule =
    edition.status === 'scheduled' && !(await hasPublished(db, content.articleIds));
  const stored = await db.transaction().execute(async (trx) => {
    if (!(await updateEditionContent(trx, edition.id, content))) return false;
    if (unschedule) await storeSchedule(trx, edition.id, null);
    return true;
  });
  if (!stored)
    throw new AppError('EDITION_NOT_EDITABLE', 'This edition is being sent or was sent.');
  return unschedule;
}

/** A change to an edition's articles from the editor's buttons. */
export type ArticleMove = 'add' | 'remove' | 'up' | 'down';

/**
 * Adds, removes or moves one article of a draft (or scheduled) edition;
 * removing a scheduled edition's last published article clears its
 * schedule (back to draft). @returns true when the schedule was cleared.
 * @throws AppError EDITION_NOT_FOUND, EDITION_NOT_EDITABLE, EDITION_TOO_MANY_ARTICLES
 */
export async function moveEditionArticle(
  deps: EditionDeps,
  actor: Actor,
  id: string,
  move: ArticleMove,
  rawArticleId: string,
): Promise<boolean> {
  allow(actor);
  const db = deps.database.db;
  const edition = await editionOr404(db, id);
  const articleId = parseArticleId(rawArticleId.trim());
  if (!articleId) return false;
  const ids = [...edition.articleIds];
  const at = ids.indexOf(articleId);
  if (move === 'add' && at < 0) {
    if (ids.length >= EDITION_ARTICLES_MAX)
      throw new AppError(
        'EDITION_TOO_MANY_ARTICLES',
        `An edition holds at most ${EDITION_ARTICLES_MAX} articles.`,
        { details: { max: EDITION_ARTICLES_MAX } },
      );
    if ((await listSummariesByIds(db, [articleId])).length === 0) return false;
    ids.push(articleId);
  } else if (move === 'remove' && at >= 0) ids.splice(at, 1);
  else if (move === 'up' && at > 0) ids.splice(at - 1, 2, articleId, ids[at - 1] as ArticleId);
  else if (move === 'down' && at >= 0 && at < ids.length - 1)
    ids.splice(at, 2, ids[at + 1] as ArticleId, articleId);
  else return false;
  return storeContent(db, edition, { ...edition, articleIds: ids });
}

async function sendable(db: Db, id: string): Promise<Edition> {
  const edition = await editionOr404(db, id);
  if (edition.status !== 'draft' && edition.status !== 'scheduled')
    throw new AppError('EDITION_NOT_EDITABLE', 'This edition is being sent or was sent.');
  if (!(await hasPublished(db, edition.articleIds)))
    throw new AppError('EDITION_NO_ARTICLES', 'Add at least one published article.');
  return edition;
}

/**
 * Sends a draft or scheduled edition now: one email per active subscriber
 * who wants it is queued. @returns how many were queued.
 * @throws AppError EDITION_NOT_FOUND, EDITION_NOT_EDITABLE, EDITION_NO_ARTICLES
 */
export async function sendEditionNow(deps: EditionDeps, actor: Actor, id: string): Promise<number> {
  allow(actor);
  const edition = await sendable(deps.database.db, id);
  const queued = await deps.database.db
    .transaction()
    .execute((trx) => startSendingEdition(trx, id, edition.kind, deps.now()));
  if (queued === null)
    throw new AppError('EDITION_NOT_EDITABLE', 'This edition is being sent or was sent.');
  return queued;
}

/**
 * Schedules a draft for `local` (`YYYY-MM-DDTHH:MM`, the site's time, as a
 * datetime-local field sends it), or cancels a schedule with ''.
 * @throws InvalidInput EDITION_SCHEDULE_INVALID (not such a time, or past);
 *   AppError EDITION_NOT_FOUND, EDITION_NOT_EDITABLE, EDITION_NO_ARTICLES
 */
export async function scheduleEdition(
  deps: EditionDeps,
  actor: Actor,
  id: string,
  local: string,
): Promise<Date | null> {
  allow(actor);
  const db = deps.database.db;
  if (local.trim() === '') {
    await editionOr404(db, id);
    if (!(await storeSchedule(db, id, null)))
      throw new AppError('EDITION_NOT_EDITABLE', 'This edition is being sent or was sent.');
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  const at = match
    ? wallClockToUtc(
        {
          year: Number(match[1]),
          month: Number(match[2]),
          day: Number(match[3]),
          hour: Number(match[4]),
          minute: Number(match[5]),
        },
        deps.site.locale.timeZone,
      )
    : null;
  if (!at || Number.isNaN(at.getTime()) || at.getTime() <= deps.now().getTime())
    throw new InvalidInput('EDITION_SCHEDULE_INVALID', 'at', 'Give a time in the future.');
  await sendable(db, id);
  if (!(await storeSchedule(db, id, at)))
    throw new AppError('EDITION_NOT_EDITABLE', 'This edition is being sent or was sent.');
  return at;
}

/** A plausible single email address (RFC 5321 lengths; one @, a dot in the domain). */
const ADDRESS = /^[^\s@<>()",;]{1,64}@[^\s@<>()",;]+\.[^\s@<>()",;]{2,}$/;

/**
 * Sends edition `id`'s email to one address now, its subject marked as a
 * test; nobody's subscription is touched.
 * @throws InvalidInput EDITION_TEST_ADDRESS_INVALID; AppError MAIL_NOT_SET_UP,
 *   EDITION_NOT_FOUND, EDITION_TEST_FAILED (the mail server refused it)
 */
export async function sendTestEdition(
  deps: EditionDeps,
  actor: Actor,
  id: string,
  address: string,
): Promise<void> {
  allow(actor);
  const to = address.trim();
  if (to.length > 254 || !ADDRESS.test(to))
    throw new InvalidInput('EDITION_TEST_ADDRESS_INVALID', 'address', 'Give one email address.');
  if (!deps.testMail)
    throw new AppError('MAIL_NOT_SET_UP', 'No mail server is set up (MIDAD_SMTP_URL).');
  const mail = await previewEditionMail(deps, actor, id);
  try {
    await deps.testMail({
      to,
      ...mail,
      subject: t('newsletter.testSubject', { subject: mail.subject }),
    });
  } catch (error) {
    throw new AppError('EDITION_TEST_FAILED', 'The mail server did not take the test email.', {
      cause: error,
      details: { reason: error instanceof Error ? error.message : String(error) },
    });
  }
}

/** The newsroom's newsletter page (EditionsOverview). */
export async function editionsOverview(deps: EditionDeps, actor: Actor): Promise<EditionsOverview> {
  allow(actor);
  const db = deps.database.db;
  await finishSentEditions(db, deps.now());
  const digestTime = await getSetting(db, DIGEST_TIME_SETTING);
  return {
    editions: await listEditions(db, EDITION_LIST_SIZE),
    subscribers: await countActiveSubscribers(db),
    digestTime: digestTime !== null && parseDigestTime(digestTime) !== null ? digestTime : null,
    canSetDigestTime: can(actor, 'settings.manage'),
  };
}

/**
 * Sets the automatic digest's time (`HH:MM`, site time), or switches it
 * off with ''. Administrators only.
 * @throws InvalidInput DIGEST_TIME_INVALID; AppError FORBIDDEN
 */
export async function saveDigestTime(
  deps: EditionDeps,
  actor: Actor,
  value: string,
): Promise<void> {
  if (!can(actor, 'settings.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators set the digest time.');
  const trimmed = value.trim();
  if (trimmed !== '' && parseDigestTime(trimmed) === null)
    throw new InvalidInput('DIGEST_TIME_INVALID', 'digestTime', 'Give a time such as 07:30.');
  await setSetting(deps.database.db, DIGEST_TIME_SETTING, trimmed === '' ? null : trimmed);
}

/**
 * Makes and sends today's automatic digest when its time has come (within
 * DIGEST_LATE_MINUTES after it, site time), once per site day: two
 * instances at once make one (the unique (kind, digest_date) index), and
 * only the one that made it queues the emails, in the same transaction.
 * Nothing is made when the digest is off or there is no article.
 * @returns the new edition's id, or null.
 */
export async function makeDailyDigest(deps: EditionDeps): Promise<string | null> {
  const db = deps.database.db;
  const setting = await getSetting(db, DIGEST_TIME_SETTING);
  const minutes = setting === null ? null : parseDigestTime(setting);
  if (minutes === null) return null;
  const now = deps.now();
  const zone = deps.site.locale.timeZone;
  const { hour, minute } = zonedParts(now, zone);
  const late = hour * 60 + minute - minutes;
  if (late < 0 || late >= DIGEST_LATE_MINUTES) return null;
  const date = localDateKey(now, zone);
  if (
    await db
      .selectFrom('newsletter_editions')
      .select('id')
      .where('kind', '=', 'digest')
      .where('digest_date', '=', date)
      .executeTakeFirst()
  )
    return null;
  const articleIds = await startingArticles(db, now);
  if (articleIds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const id = await insertEdition(
      trx,
      {
        kind: 'digest',
        subject: digestSubject(deps.site, now),
        intro: '',
        articleIds,
        digestDate: date,
        status: 'sending',
        createdBy: null,
      },
      now,
    );
    if (id !== null) await queueEditionFanOut(trx, id, 'digest', now);
    return id;
  });
}

/**
 * Sends the scheduled editions that are due. One with no published
 * article (emptied after it was scheduled, or its articles unpublished) is
 * not sent, as «أرسل الآن» refuses it: it goes back to draft, its schedule
 * cleared, for the newsroom to see. @returns the ids of those sent
 */
export async function sendDueEditions(deps: EditionDeps): Promise<string[]> {
  const now = deps.now();
  const db = deps.database.db;
  const sent: string[] = [];
  for (const due of await findDueEditions(db, now)) {
    const edition = await findEdition(db, due.id);
    if (!edition || !(await hasPublished(db, edition.articleIds))) {
      await storeSchedule(db, due.id, null);
      continue;
    }
    const queued = await deps.database.db
      .transaction()
      .execute((trx) => startSendingEdition(trx, due.id, due.kind, now));
    if (queued !== null) sent.push(due.id);
  }
  return sent;
}

/** One round of the newsletter clock: the digest, due editions, finished editions. */
export async function runNewsletterClock(deps: EditionDeps): Promise<void> {
  await makeDailyDigest(deps);
  await sendDueEditions(deps);
  await finishSentEditions(deps.database.db, deps.now());
}

/** Runs the newsletter clock now and every `intervalMs`; returns the function that stops it. */
export function startNewsletterClock(
  deps: EditionDeps,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    runNewsletterClock(deps)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? NEWSLETTER_CLOCK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
