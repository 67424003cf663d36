/**
 * How instances tell each other what changed on the public site, so that
 * a publish on one instance purges the page cache of every instance.
 *
 * - `localChannel()`: one instance; a change goes straight to its handlers.
 * - `postgresChannel(url)`: PostgreSQL's LISTEN/NOTIFY on the shared
 *   database (one extra connection per instance).
 * - `redisChannel(url)`: Redis pub/sub (two connections per instance, as a
 *   subscribed connection can do nothing else), when MIDAD_REDIS_URL is set.
 * - `clusterChannel()`: the workers of one `midad serve --workers N` on
 *   SQLite without Redis: through the IPC channel to the cluster's primary,
 *   which relays each change to the other workers (`relayClusterChanges`).
 *
 * Every channel hands a change to this instance's handlers at once, then to
 * the others' through the server; an instance ignores its own messages.
 * Delivery is at most once, so an instance that was disconnected may have
 * missed changes: when it is connected again its handlers are told that
 * everything changed (`{ kind: 'site' }`), which empties its page cache.
 * The reconnection is automatic.
 */
import type { Cluster, Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { PublicChange } from '../domain/public-change.js';

/** The name of the PostgreSQL channel and of the Redis channel. */
export const CHANGE_CHANNEL_NAME = 'midad_public_changes';

/** Which way a channel reaches the other instances. */
export type ChannelKind = 'local' | 'cluster' | 'postgres' | 'redis';

/** Receives every public change, this instance's and the others'. */
export type ChangeHandler = (change: PublicChange) => void;

export interface ChangeChannel {
  /** `local`, `cluster`, `postgres` or `redis`. */
  readonly kind: ChannelKind;
  /** Hands `change` to this instance's handlers and sends it to the other instances. */
  publish(change: PublicChange): void;
  /**
   * Adds a handler of changes: each is told every change, in the order
   * added (the page cache's purge, the mirror's refresh job).
   */
  onChange(handler: ChangeHandler): void;
  /** Stops listening and closes the connections. */
  close(): Promise<void>;
}

interface Envelope {
  from: string;
  change: PublicChange;
}

/** Called with a failure to send or to listen; the channel keeps going. */
export type ChannelErrorHandler = (error: unknown) => void;

/** The name the channel's connections carry on the server (PostgreSQL application_name, Redis CLIENT SETNAME). */
export const CHANNEL_CONNECTION_NAME = 'midad-changes';

/** The common part: local delivery, and filtering out our own messages. */
abstract class SharedChannel implements ChangeChannel {
  abstract readonly kind: ChannelKind;
  protected readonly instance = randomUUID();
  readonly #handlers: ChangeHandler[] = [];

  constructor(protected readonly onError: ChannelErrorHandler) {}

  onChange(handler: ChangeHandler): void {
    this.#handlers.push(handler);
  }

  /** Tells every handler of `change`. */
  protected handle(change: PublicChange): void {
    for (const handler of this.#handlers) handler(change);
  }

  publish(change: PublicChange): void {
    this.handle(change);
    const message: Envelope = { from: this.instance, change };
    this.send(JSON.stringify(message)).catch(this.onError);
  }

  /** After a reconnection: changes may have been missed, so everything counts as changed. */
  protected resync(): void {
    this.handle({ kind: 'site' });
  }

  /** Handles a message from the server. */
  protected receive(payload: string): void {
    try {
      const message = JSON.parse(payload) as Envelope;
      if (message.from !== this.instance) this.handle(message.change);
    } catch (error) {
      this.onError(error);
    }
  }

  protected abstract send(payload: string): Promise<void>;
  abstract close(): Promise<void>;
}

class LocalChannel extends SharedChannel {
  readonly kind = 'local';
  protected send(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A single instance: changes go to its own handlers only. */
export function localChannel(): ChangeChannel {
  return new LocalChannel(() => {});
}

/** The IPC message a worker and the primary exchange: `{ midadChange: <Envelope as JSON> }`. */
interface ClusterMessage {
  midadChange: string;
}

function isClusterMessage(message: unknown): message is ClusterMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { midadChange?: unknown }).midadChange === 'string'
  );
}

class ClusterChannel extends SharedChannel {
  readonly kind = 'cluster';
  readonly #listener = (message: unknown) => {
    if (isClusterMessage(message)) this.receive(message.midadChange);
  };

  constructor(onError: ChannelErrorHandler) {
    super(onError);
    process.on('message', this.#listener);
  }

  protected send(payload: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!process.send || !process.connected) {
        reject(new Error('not connected to the cluster primary; the change was not sent'));
        return;
      }
      const message: ClusterMessage = { midadChange: payload };
      process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    process.off('message', this.#listener);
    return Promise.resolve();
  }
}

/**
 * A channel for a cluster worker (node:cluster): a change goes to this
 * worker's handlers at once and to the primary by IPC, which relays it to
 * the other workers (`relayClusterChanges`). Delivery is as reliable as
 * the IPC channel: a worker that is restarted starts with an empty cache.
 * @throws Error when this process is not a child with an IPC channel.
 */
export function clusterChannel(onError: ChannelErrorHandler): ChangeChannel {
  if (!process.send) throw new Error('clusterChannel: this process has no IPC channel');
  return new ClusterChannel(onError);
}

/**
 * In the cluster's primary: hands each change a worker sends to every
 * other worker that is connected. @returns the function that stops relaying.
 */
export function relayClusterChanges(cluster: Cluster): () => void {
  const ignore = () => {};
  const relay = (from: Worker, message: unknown) => {
    if (!isClusterMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      // A worker that is going away misses nothing: a new one starts with an empty cache.
      if (worker && worker !== from && worker.isConnected())
        worker.send(message, undefined, {}, ignore);
    }
  };
  cluster.on('message', relay);
  return () => void cluster.off('message', relay);
}

/** Wait between reconnection attempts to PostgreSQL, ms. */
const RECONNECT_MS = 2000;

class PostgresChannel extends SharedChannel {
  readonly kind = 'postgres';
  #client: pg.Client | null = null;
  #closed = false;
  #connectedBefore = false;

  constructor(
    private readonly url: string,
    private readonly name: string,
    onError: ChannelErrorHandler,
  ) {
    super(onError);
  }

  async connect(): Promise<void> {
    const { default: postgres } = await import('pg');
    const client = new postgres.Client({ connectionString: this.url, application_name: this.name });
    client.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL_NAME && n.payload) this.receive(n.payload);
    });
    client.on('error', (error) => {
      this.onError(error);
      this.#reconnect(client);
    });
    client.on('end', () => this.#reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL_NAME}`);
    this.#client = client;
    if (this.#connectedBefore) this.resync();
    this.#connectedBefore = true;
  }

  #reconnect(client: pg.Client): void {
    if (this.#closed || this.#client !== client) return;
    this.#client = null;
    const retry = () => {
      if (this.#closed) return;
      this.connect().catch((error: unknown) => {
        this.onError(error);
        setTimeout(retry, RECONNECT_MS).unref();
      });
    };
    setTimeout(retry, RECONNECT_MS).unref();
  }

  protected async send(payload: string): Promise<void> {
    if (!this.#client) throw new Error('not connected to PostgreSQL; the change was not sent');
    await this.#client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL_NAME, payload]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = null;
    await client?.end();
  }
}

/**
 * A channel through PostgreSQL's LISTEN/NOTIFY on the database at `url`;
 * its connection is named `name` in pg_stat_activity.
 * @throws the connection error when the first connection fails.
 */
export async function postgresChannel(
  url: string,
  onError: ChannelErrorHandler,
  name = CHANNEL_CONNECTION_NAME,
): Promise<ChangeChannel> {
  const channel = new PostgresChannel(url, name, onError);
  await channel.connect();
  return channel;
}

class RedisChannel extends SharedChannel {
  readonly kind = 'redis';
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    onError: ChannelErrorHandler,
  ) {
    super(onError);
    subscriber.on('message', (channel: string, payload: string) => {
      if (channel === CHANGE_CHANNEL_NAME) this.receive(payload);
    });
    // ioredis subscribes again by itself once reconnected; 'ready' follows.
    let lost = false;
    subscriber.on('close', () => {
      lost = true;
    });
    subscriber.on('ready', () => {
      if (lost) this.resync();
      lost = false;
    });
  }

  protected async send(payload: string): Promise<void> {
    await this.publisher.publish(CHANGE_CHANNEL_NAME, payload);
  }

  async close(): Promise<void> {
    await Promise.all([this.subscriber.quit(), this.publisher.quit()]);
  }
}

/**
 * A channel through Redis pub/sub at `url` (`redis://host:6379/0`); its
 * connections are named `name` in CLIENT LIST.
 * @throws the connection error when Redis does not answer at start.
 */
export async function redisChannel(
  url: string,
  onError: ChannelErrorHandler,
  name = CHANNEL_CONNECTION_NAME,
): Promise<ChangeChannel> {
  const options = {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectionName: name,
  };
  // Loaded only when MIDAD_REDIS_URL is set.
  const { Redis } = await import('ioredis');
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  publisher.on('error', onError);
  subscriber.on('error', onError);
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(CHANGE_CHANNEL_NAME);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }
  return new RedisChannel(publisher, subscriber, onError);
}
