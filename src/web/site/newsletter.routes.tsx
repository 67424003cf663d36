/**
 * The email newsletter's reader pages (issue 20):
 *
 * - `POST /newsletter/subscribe` (the footer form: `email`, `digest`,
 *   `breaking`, and the trap field `website`): the same page whatever the
 *   address's state, so that the form never tells who subscribes; a
 *   confirmation mail (or, to an active address, its preferences link)
 *   leaves in the background. 10 requests an hour per client address
 *   (then 429), 3 mails a day per email address (services).
 * - `GET /newsletter/confirm?token=…` shows a button; `POST` confirms
 *   (a link scanner that opens every link confirms nothing). The link
 *   expires 48 hours after the request.
 * - `GET /newsletter/unsubscribe?token=…&e=<edition>` shows a button;
 *   `POST` to the same address unsubscribes at once, with no login
 *   (RFC 8058 one-click: the mail program's `List-Unsubscribe=One-Click`
 *   POST, or the button), records the edition for its count, and offers
 *   to subscribe again: `POST /newsletter/resubscribe` sends a new
 *   confirmation mail (a new token: the old links stop working), as the
 *   form does.
 * - `GET`/`POST /newsletter/preferences?token=…`: what the address
 *   receives.
 *
 * None is cached or indexed, and none sends a referrer (the token is in
 * the address).
 */
import rateLimit from '@fastify/rate-limit';
import { isolateText } from '../../arabic/bidi.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Config } from '../../config/schema.js';
import { publicOrigin } from '../../config/public-origin.js';
import type { Database } from '../../services/database.js';
import {
  sendSubscriptionMail,
  type ConfirmationMailSite,
} from '../../services/mail-confirmation.js';
import {
  mailFromHeader,
  smtpTransport,
  type MailTransport,
} from '../../services/mail-transport.js';
import {
  confirmSubscription,
  editionIdOf,
  MailLimit,
  normaliseEmail,
  requestSubscription,
  resubscribe,
  savePreferences,
  subscriberByToken,
  unsubscribe,
  type Subscriber,
  type SubscriptionMail,
} from '../../services/newsletter-subscribers.js';
import { HONEYPOT_FIELD, NewsletterForm } from '../views/components/newsletter-form.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { renderDocument } from '../views/render.js';

/** Subscription requests an hour per client address at most. */
export const SUBSCRIBE_PER_HOUR = 10;
/** The largest body these routes read, bytes. */
const BODY_MAX_BYTES = 8 * 1024;

export interface NewsletterRouteDeps {
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'siteName' | 'baseUrl' | 'host' | 'port'>;
  database: Database;
  now: () => Date;
  pageContext: (request: FastifyRequest) => PageContext;
  /** The mail transport (default: SMTP at config.smtpUrl, none when unset). */
  transport?: MailTransport | null;
  /** Told of a confirmation mail that could not be sent. */
  onMailError?: (error: unknown) => void;
}

type Fields = Record<string, string>;

/** The body as fields: a URL-encoded form, or nothing (another type: RFC 8058's multipart is not read). */
function fieldsOf(request: FastifyRequest): Fields {
  const type = String(request.headers['content-type'] ?? '');
  if (typeof request.body !== 'string' || !type.startsWith('application/x-www-form-urlencoded')) {
    return {};
  }
  return Object.fromEntries(new URLSearchParams(request.body));
}

function queryOf(request: FastifyRequest): Fields {
  const query = request.query as Record<string, unknown>;
  const out: Fields = {};
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A small page of these routes: a title, what happened, and what to do. */
function NewsletterPage({
  ctx,
  title,
  footerNewsletter,
  children,
}: {
  ctx: PageContext;
  title: string;
  /** False when the page shows the form itself (not repeated in the footer). */
  footerNewsletter: boolean;
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      robots="noindex"
      footerNewsletter={footerNewsletter}
    >
      <section class="newsletter-page">
        <h1>{title}</h1>
        {children}
      </section>
    </Layout>
  );
}

/** A form with one button posting to `action` (hidden fields `fields`). */
function ButtonForm({
  action,
  fields,
  label,
  secondary = false,
}: {
  action: string;
  fields: Fields;
  label: string;
  /** Drawn as the lesser choice (an outline button). */
  secondary?: boolean;
}) {
  const kind = secondary ? ' newsletter-page__action--secondary' : '';
  return (
    <form method="post" action={action} class={`newsletter-page__action${kind}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{label}</button>
    </form>
  );
}

export async function newsletterRoutes(
  app: FastifyInstance,
  deps: NewsletterRouteDeps,
): Promise<void> {
  const { config, database, now } = deps;
  const transport =
    deps.transport !== undefined
      ? deps.transport
      : config.smtpUrl !== undefined
        ? smtpTransport(config.smtpUrl)
        : null;
  const origin = publicOrigin(config);
  const site: ConfirmationMailSite = {
    siteName: config.siteName,
    origin,
    from: mailFromHeader(config, origin),
  };
  const mailLimit = new MailLimit();
  const inFlight = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...inFlight]);
    if (deps.transport === undefined) transport?.close();
  });
  const onMailError =
    deps.onMailError ?? ((error) => app.log.error({ err: error }, 'mail not sent'));
  /** Sends `mail` in the background: the answer takes as long whether or not a mail goes. */
  const send = (mail: SubscriptionMail) => {
    if (transport === null) return;
    const sending = sendSubscriptionMail(transport, site, mail)
      .then((outcome) => {
        if (outcome.status !== 'sent') onMailError(new Error(outcome.error));
      })
      .catch(onMailError)
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };

  await app.register(rateLimit, { global: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: BODY_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    body: ComponentChildren,
    hasForm = false,
  ) => {
    const ctx = deps.pageContext(request);
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(
        renderDocument(
          <NewsletterPage ctx={ctx} title={title} footerNewsletter={!hasForm}>
            {body}
          </NewsletterPage>,
        ),
      );
  };

  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      const { t } = deps.pageContext(request);
      return page(
        request,
        reply,
        429,
        t('newsletter.form.title'),
        <p>{t('newsletter.tooMany')}</p>,
      );
    }
    throw error;
  });

  const invalidLink = (request: FastifyRequest, reply: FastifyReply) => {
    const { t } = deps.pageContext(request);
    return page(
      request,
      reply,
      404,
      t('newsletter.invalidLink.title'),
      <p>{t('newsletter.invalidLink.body')}</p>,
    );
  };

  const unsubscribedPage = (request: FastifyRequest, reply: FastifyReply, s: Subscriber) => {
    const { t } = deps.pageContext(request);
    return page(
      request,
      reply,
      200,
      t('newsletter.unsubscribed.title'),
      <>
        <p>{t('newsletter.unsubscribed.body', { email: isolateText(s.email) })}</p>
        <ButtonForm
          action="/newsletter/resubscribe"
          fields={{ token: s.token }}
          label={t('newsletter.resubscribe.button')}
        />
      </>,
    );
  };

  const preferencesForm = (s: Subscriber, t: PageContext['t'], saved: boolean) => (
    <>
      {saved ? (
        <p class="newsletter-page__notice" role="status">
          {t('newsletter.preferences.saved')}
        </p>
      ) : null}
      <form method="post" action="/newsletter/preferences" class="newsletter-page__preferences">
        <input type="hidden" name="token" value={s.token} />
        <p>{t('newsletter.preferences.intro', { email: isolateText(s.email) })}</p>
        <label>
          <input type="checkbox" name="digest" value="1" checked={s.digest} />{' '}
          {t('newsletter.form.digest')}
        </label>
        <label>
          <input type="checkbox" name="breaking" value="1" checked={s.breaking} />{' '}
          {t('newsletter.form.breaking')}
        </label>
        <button type="submit">{t('newsletter.preferences.save')}</button>
      </form>
      <ButtonForm
        action={`/newsletter/unsubscribe?token=${encodeURIComponent(s.token)}`}
        fields={{ 'List-Unsubscribe': 'One-Click' }}
        label={t('newsletter.unsubscribe.button')}
        secondary
      />
    </>
  );

  app.post(
    '/newsletter/subscribe',
    { config: { rateLimit: { max: SUBSCRIBE_PER_HOUR, timeWindow: 60 * 60_000 } } },
    async (request, reply) => {
      const { t } = deps.pageContext(request);
      const fields = fieldsOf(request);
      const typed = (fields.email ?? '').slice(0, 300);
      const digest = fields.digest === '1';
      const breaking = fields.breaking === '1';
      if (transport === null) {
        return page(
          request,
          reply,
          503,
          t('newsletter.form.title'),
          <p>{t('newsletter.notSetUp')}</p>,
        );
      }
      const email = normaliseEmail(typed);
      const requested = () =>
        page(
          request,
          reply,
          200,
          t('newsletter.requested.title'),
          <p>{t('newsletter.requested.body', { email: isolateText(email ?? typed) })}</p>,
        );
      // A robot filled in the trap: it is answered as a person would be, and nothing is done.
      if ((fields[HONEYPOT_FIELD] ?? '') !== '') {
        request.log.info('newsletter trap field filled');
        return requested();
      }
      const problem =
        email === null
          ? t('newsletter.invalidEmail')
          : !digest && !breaking
            ? t('newsletter.noChoice')
            : null;
      if (problem !== null) {
        return page(
          request,
          reply,
          400,
          t('newsletter.form.title'),
          <NewsletterForm
            t={t}
            id="newsletter-again"
            email={typed}
            digest={digest}
            breaking={breaking}
            error={problem}
          />,
          true,
        );
      }
      const mail = await requestSubscription(
        { database, now, mailLimit },
        { email: email!, digest, breaking },
      );
      if (mail !== null) {
        send(mail);
      }
      return requested();
    },
  );

  app.get('/newsletter/confirm', async (request, reply) => {
    const { t } = deps.pageContext(request);
    const s = await subscriberByToken(deps, queryOf(request).token);
    if (s === null || (s.status !== 'pending' && s.status !== 'active')) {
      return invalidLink(request, reply);
    }
    if (s.status === 'active') {
      return page(
        request,
        reply,
        200,
        t('newsletter.confirmed.title'),
        <p>{t('newsletter.confirmed.body', { email: isolateText(s.email) })}</p>,
      );
    }
    if (s.confirmExpiresAt === null || s.confirmExpiresAt.getTime() <= now().getTime()) {
      return page(
        request,
        reply,
        410,
        t('newsletter.expired.title'),
        <>
          <p>{t('newsletter.expired.body')}</p>
          <NewsletterForm t={t} id="newsletter-again" email={s.email} />
        </>,
        true,
      );
    }
    return page(
      request,
      reply,
      200,
      t('newsletter.confirm.title'),
      <>
        <p>{t('newsletter.confirm.body', { email: isolateText(s.email) })}</p>
        <ButtonForm
          action="/newsletter/confirm"
          fields={{ token: s.token }}
          label={t('newsletter.confirm.button')}
        />
      </>,
    );
  });

  app.post('/newsletter/confirm', async (request, reply) => {
    const { t } = deps.pageContext(request);
    const token = fieldsOf(request).token ?? queryOf(request).token;
    const result = await confirmSubscription(deps, token);
    if (result === 'invalid') return invalidLink(request, reply);
    const s = (await subscriberByToken(deps, token))!;
    if (result === 'expired') {
      return page(
        request,
        reply,
        410,
        t('newsletter.expired.title'),
        <>
          <p>{t('newsletter.expired.body')}</p>
          <NewsletterForm t={t} id="newsletter-again" email={s.email} />
        </>,
        true,
      );
    }
    return page(
      request,
      reply,
      200,
      t('newsletter.confirmed.title'),
      <>
        <p>{t('newsletter.confirmed.body', { email: isolateText(s.email) })}</p>
        <p>
          <a href={`/newsletter/preferences?token=${encodeURIComponent(s.token)}`}>
            {t('newsletter.preferences.link')}
          </a>
        </p>
      </>,
    );
  });

  app.get('/newsletter/unsubscribe', async (request, reply) => {
    const { t } = deps.pageContext(request);
    const query = queryOf(request);
    const s = await subscriberByToken(deps, query.token);
    if (s === null) return invalidLink(request, reply);
    if (s.status === 'unsubscribed') return unsubscribedPage(request, reply, s);
    const edition = editionIdOf(query.e);
    const action = `/newsletter/unsubscribe?token=${encodeURIComponent(s.token)}${edition ? `&e=${edition}` : ''}`;
    return page(
      request,
      reply,
      200,
      t('newsletter.unsubscribe.title'),
      <>
        <p>{t('newsletter.unsubscribe.body', { email: isolateText(s.email) })}</p>
        <ButtonForm
          action={action}
          fields={{ 'List-Unsubscribe': 'One-Click' }}
          label={t('newsletter.unsubscribe.button')}
        />
        {s.status === 'active' ? (
          <p>
            <a href={`/newsletter/preferences?token=${encodeURIComponent(s.token)}`}>
              {t('newsletter.preferences.link')}
            </a>
          </p>
        ) : null}
      </>,
    );
  });

  // RFC 8058: the mail program POSTs `List-Unsubscribe=One-Click` to the header's URL, without
  // cookies; any POST with a valid token unsubscribes (the token is the proof).
  app.post('/newsletter/unsubscribe', async (request, reply) => {
    const query = queryOf(request);
    const token = query.token ?? fieldsOf(request).token;
    const s = await unsubscribe(deps, token, editionIdOf(query.e));
    if (s === null) return invalidLink(request, reply);
    return unsubscribedPage(request, reply, s);
  });

  // «تراجعتُ، أعِد اشتراكي»: the token may come from an old or forwarded mail, so this only
  // sends a new confirmation (a new token) to the address; the same answer over the mail limit.
  app.post(
    '/newsletter/resubscribe',
    { config: { rateLimit: { max: SUBSCRIBE_PER_HOUR, timeWindow: 60 * 60_000 } } },
    async (request, reply) => {
      const { t } = deps.pageContext(request);
      if (transport === null) {
        return page(
          request,
          reply,
          503,
          t('newsletter.form.title'),
          <p>{t('newsletter.notSetUp')}</p>,
        );
      }
      const asked = await resubscribe({ database, now, mailLimit }, fieldsOf(request).token);
      if (asked === null) return invalidLink(request, reply);
      if (asked.mail !== null) send(asked.mail);
      return page(
        request,
        reply,
        200,
        t('newsletter.requested.title'),
        <p>{t('newsletter.resubscribed.body', { email: isolateText(asked.email) })}</p>,
      );
    },
  );

  const preferencesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: unknown,
    saved: Subscriber | null,
  ) => {
    const { t } = deps.pageContext(request);
    const s = saved ?? (await subscriberByToken(deps, token));
    if (s === null) return invalidLink(request, reply);
    if (s.status === 'unsubscribed') return unsubscribedPage(request, reply, s);
    if (s.status !== 'active') {
      return page(
        request,
        reply,
        200,
        t('newsletter.preferences.title'),
        <p>{t('newsletter.preferences.notActive')}</p>,
      );
    }
    return page(
      request,
      reply,
      200,
      t('newsletter.preferences.title'),
      preferencesForm(s, t, saved !== null),
    );
  };

  app.get('/newsletter/preferences', (request, reply) =>
    preferencesPage(request, reply, queryOf(request).token, null),
  );

  app.post('/newsletter/preferences', async (request, reply) => {
    const fields = fieldsOf(request);
    const saved = await savePreferences(deps, fields.token, {
      digest: fields.digest === '1',
      breaking: fields.breaking === '1',
    });
    if (saved === null) return preferencesPage(request, reply, fields.token, null);
    if (saved.status === 'unsubscribed') return unsubscribedPage(request, reply, saved);
    return preferencesPage(request, reply, fields.token, saved);
  });
}
