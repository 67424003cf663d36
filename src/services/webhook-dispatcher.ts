/**
 * Sending webhook deliveries, in the background: every few seconds the
 * dispatcher claims the due deliveries (so that several instances never
 * send one twice), POSTs each signed body with a time limit, and records
 * the outcome; a failure is retried with exponential back-off
 * (domain/webhook.ts) until the delivery is a day old. Publishing only
 * writes a row (see webhooks.ts): a slow or failing receiver never slows
 * it, and a restart loses nothing, as the rows stay in the database.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DELIVERY_LIFETIME_MS, retryDelayMs } from '../domain/webhook.js';
import { checkedLookup } from '../lib/public-address.js';
import { signWebhook } from '../lib/webhook-signature.js';
import type { Database } from '../storage/database.js';
import {
  claimDueDeliveries,
  recordAttempt,
  type DueDelivery,
} from '../storage/repositories/webhooks.repository.js';

export interface DispatcherOptions {
  database: Database;
  now: () => Date;
  /** The site's public origin: when known, `article.url` is added to each body. */
  baseUrl?: string | undefined;
  /** How often due deliveries are looked for, ms (default 5 s). */
  intervalMs?: number;
  /** Longest wait for a receiver's answer, ms (default 10 s). */
  timeoutMs?: number;
  /** Deliveries sent at once at most (default 4). */
  concurrency?: number;
  onError?: (error: unknown) => void;
}

/** What a receiver answered: its status code, or why there was none. */
interface Answer {
  statusCode: number | null;
  error: string | null;
}

/** The bytes of a receiver's answer read at most (the rest is dropped). */
const MAX_ANSWER_BYTES = 64 * 1024;

export class WebhookDispatcher {
  readonly #options: Required<Omit<DispatcherOptions, 'baseUrl'>> & { baseUrl: string | null };
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;

  constructor(options: DispatcherOptions) {
    this.#options = {
      intervalMs: 5000,
      timeoutMs: 10_000,
      concurrency: 4,
      onError: () => {},
      ...options,
      baseUrl: options.baseUrl ?? null,
    };
  }

  /** Runs now and then every `intervalMs`, until stop(). */
  start(): void {
    const tick = () => {
      if (this.#running === null) void this.runOnce().catch(this.#options.onError);
    };
    tick();
    this.#timer = setInterval(tick, this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Stops looking for deliveries, and waits for the attempts in flight to be recorded. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => 0);
  }

  /** Sends every due delivery once. @returns the number of attempts made. */
  runOnce(): Promise<number> {
    const run = this.#sendDue().finally(() => {
      this.#running = null;
    });
    this.#running = run;
    return run;
  }

  async #sendDue(): Promise<number> {
    const { database, now, timeoutMs, concurrency } = this.#options;
    let attempts = 0;
    for (;;) {
      const due = await claimDueDeliveries(database.db, now(), timeoutMs * 3, concurrency);
      if (due.length === 0) return attempts;
      await Promise.all(due.map((d) => this.#attempt(d)));
      attempts += due.length;
    }
  }

  async #attempt(delivery: DueDelivery): Promise<void> {
    const { database, now } = this.#options;
    const answer = await this.#post(delivery);
    const at = now();
    const attempts = delivery.attempts + 1;
    const ok = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    const next = new Date(at.getTime() + retryDelayMs(attempts));
    const expired = next.getTime() - delivery.createdAt.getTime() > DELIVERY_LIFETIME_MS;
    await recordAttempt(database.db, delivery.id, {
      status: ok ? 'delivered' : expired ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: ok || expired ? at : next,
      statusCode: answer.statusCode,
      error: ok ? null : (answer.error ?? `HTTP ${answer.statusCode}`),
      finishedAt: ok || expired ? at : null,
    });
  }

  /** The body sent: the stored payload, with `article.url` when the site's origin is known. */
  #body(delivery: DueDelivery): string {
    const base = this.#options.baseUrl;
    if (base === null) return delivery.payload;
    const payload = JSON.parse(delivery.payload) as { article: { path: string } };
    return JSON.stringify({
      ...payload,
      article: { ...payload.article, url: `${base}${payload.article.path}` },
    });
  }

  #post(delivery: DueDelivery): Promise<Answer> {
    const body = this.#body(delivery);
    const url = new URL(delivery.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const request = send(
        url,
        {
          method: 'POST',
          timeout: this.#options.timeoutMs,
          lookup: checkedLookup(delivery.allowPrivate) as never,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Midad-Webhooks/1',
            'midad-event': delivery.event,
            'midad-delivery': delivery.id,
            'midad-signature': signWebhook(delivery.secret, body, this.#options.now()),
          },
        },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) response.destroy();
          });
          response.on('close', () =>
            resolve({ statusCode: response.statusCode ?? null, error: null }),
          );
          response.on('error', () =>
            resolve({ statusCode: response.statusCode ?? null, error: null }),
          );
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error(`no answer in ${this.#options.timeoutMs} ms`)),
      );
      request.on('error', (error) => resolve({ statusCode: null, error: error.message }));
      request.end(body);
    });
  }
}
