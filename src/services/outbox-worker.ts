/**
 * Sending one channel's outbox (domain/outbox.ts), in the background:
 * every `intervalMs` (and at once after `poke()`), the worker claims a
 * batch of due messages (storage/repositories/outbox.repository.ts; once
 * across instances), hands it to the channel's sender, and settles each
 * message with its outcome: sent, retried after the back-off or after the
 * wait the service asked for, given up once a day old, or gone. At most
 * `perMinute` messages a minute leave this instance (a mail server's or a
 * push service's limit). Publishing only writes rows: a slow or failing
 * service never slows it, and a restart loses nothing.
 */
import {
  OUTBOX_LIFETIME_MS,
  outboxRetryDelayMs,
  type OutboxChannel,
  type OutboxMessage,
  type OutboxStatus,
  type SendOutcome,
} from '../domain/outbox.js';
import {
  claimOutboxMessages,
  settleOutboxMessages,
  type SettledMessage,
} from '../storage/repositories/outbox.repository.js';
import type { Database } from '../storage/database.js';

/** A channel's way of sending. */
export interface OutboxSender {
  readonly channel: OutboxChannel;
  /**
   * Sends a claimed batch (at most `batchSize` messages, oldest first) and
   * returns one outcome per message, in the same order. A message's own
   * failure is an outcome, never a throw; a throw (the database is down)
   * leaves the whole batch to be claimed again when its lease ends.
   */
  send(messages: readonly OutboxMessage[]): Promise<SendOutcome[]>;
  /**
   * Called once a batch is settled, with each message's outcome and the
   * status it was stored with (`pending` when it will be tried again;
   * `failed` also for a retry given up after a day), for the counts of
   * push alerts and newsletter editions. Optional.
   */
  settled?(
    settled: ReadonlyArray<{ message: OutboxMessage; outcome: SendOutcome; status: OutboxStatus }>,
  ): Promise<void>;
}

export interface OutboxWorkerOptions {
  database: Database;
  now: () => Date;
  sender: OutboxSender;
  /** Messages claimed at once at most (default 200). */
  batchSize?: number;
  /** How often due messages are looked for, ms (default 2 s). */
  intervalMs?: number;
  /** How long a claimed batch is this instance's, ms (default 5 min): longer than a batch takes to send. */
  leaseMs?: number;
  /** Messages sent a minute at most by this instance (default: no limit). */
  perMinute?: number;
  onError?: (error: unknown) => void;
}

/** Sleeps `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export class OutboxWorker {
  readonly #options: Required<Omit<OutboxWorkerOptions, 'perMinute'>> & {
    perMinute: number | null;
  };
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #again = false;
  #stopping = new AbortController();

  constructor(options: OutboxWorkerOptions) {
    this.#options = {
      batchSize: 200,
      intervalMs: 2000,
      leaseMs: 5 * 60_000,
      onError: () => {},
      ...options,
      perMinute: options.perMinute ?? null,
    };
  }

  get channel(): OutboxChannel {
    return this.#options.sender.channel;
  }

  /** Runs now and then every `intervalMs`, until stop(). */
  start(): void {
    this.poke();
    this.#timer = setInterval(() => this.poke(), this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Looks for due messages now (after queueing some), or right after the round in progress. */
  poke(): void {
    if (this.#stopping.signal.aborted) return;
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    void this.runOnce()
      .catch(this.#options.onError)
      .finally(() => {
        if (this.#again) {
          this.#again = false;
          this.poke();
        }
      });
  }

  /** Stops looking, cuts the throttle's wait short, and waits for the batch in flight to be settled. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#stopping.abort();
    await this.#running?.catch(() => 0);
  }

  /** Sends due messages until none is due (or stop()). @returns the number of attempts made. */
  runOnce(): Promise<number> {
    if (this.#running !== null) return this.#running;
    const run = this.#sendDue().finally(() => {
      this.#running = null;
    });
    this.#running = run;
    return run;
  }

  async #sendDue(): Promise<number> {
    const { database, now, sender, leaseMs, perMinute } = this.#options;
    const batchSize = Math.min(this.#options.batchSize, perMinute ?? Infinity);
    let attempts = 0;
    while (!this.#stopping.signal.aborted) {
      const started = Date.now();
      const batch = await claimOutboxMessages(
        database.db,
        sender.channel,
        now(),
        leaseMs,
        batchSize,
      );
      if (batch.length === 0) break;
      const sent = await sender.send(batch);
      const outcomes = batch.map(
        (_m, i): SendOutcome => sent[i] ?? { status: 'retry', error: 'no outcome' },
      );
      const settled = batch.map((message, i) => this.#settle(message, outcomes[i]!));
      await settleOutboxMessages(database.db, settled, now());
      if (sender.settled) {
        await sender.settled(
          batch.map((message, i) => ({
            message,
            outcome: outcomes[i]!,
            status: settled[i]!.status,
          })),
        );
      }
      attempts += batch.length;
      // The throttle: `batch.length` messages may leave once every batch.length / perMinute minutes.
      if (perMinute !== null) {
        const spanMs = (batch.length / perMinute) * 60_000;
        await pause(spanMs - (Date.now() - started), this.#stopping.signal);
      }
    }
    return attempts;
  }

  #settle(message: OutboxMessage, outcome: SendOutcome): SettledMessage {
    const at = this.#options.now();
    const attempts = message.attempts + 1;
    if (outcome.status !== 'retry') {
      return {
        id: message.id,
        status: outcome.status,
        attempts,
        nextAttemptAt: at,
        error: outcome.status === 'sent' ? null : outcome.error,
      };
    }
    const wait = outcome.retryAfterMs ?? outboxRetryDelayMs(attempts);
    const next = new Date(at.getTime() + wait);
    const expired = next.getTime() - message.createdAt.getTime() > OUTBOX_LIFETIME_MS;
    return {
      id: message.id,
      status: expired ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: next,
      error: outcome.error,
    };
  }
}
