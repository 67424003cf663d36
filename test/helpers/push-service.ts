/**
 * A local push service (RFC 8030) for tests and benches: it makes
 * subscriptions as a browser would (a P-256 key pair and a 16-byte auth
 * secret, RFC 8291 §3), and for each message POSTed to one of its
 * endpoints it
 *
 * - verifies the VAPID `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292):
 *   the JWT's header is `{"typ":"JWT","alg":"ES256"}`, its ES256 signature
 *   checks against `k` (a 65-byte uncompressed P-256 point, base64url),
 *   `aud` is the endpoint's origin, `exp` is in the future and at most
 *   24 h away, `sub` is a `mailto:` or `https:` URI;
 * - decrypts the `aes128gcm` body (RFC 8291 §3.3–3.4 over RFC 8188) with
 *   the subscription's private key and auth secret, and parses it as JSON;
 * - answers 201, or what the test told it for that subscription (404,
 *   410, 429 with Retry-After, 500 …), a given number of times.
 *
 * A message that fails verification is answered 403 (RFC 8292 §4.2) or
 * 400, and recorded with its `problem`.
 */
import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  verify as verifySignature,
  type ECDH,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscription as `PushSubscription.toJSON()` gives it. */
export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** One message the service received. */
export interface ReceivedPush {
  token: string;
  status: number;
  headers: Record<string, string>;
  /** The decrypted payload parsed as JSON (undefined when decryption is off or failed). */
  payload?: unknown;
  /** Why the message was refused, when it was. */
  problem?: string;
  claims?: Record<string, unknown>;
}

/** An answer to give a subscription's next messages. */
export interface PushAnswer {
  status: number;
  retryAfter?: string;
  /** How many messages get it (default: all); then 201 again. */
  times?: number;
}

const b64u = (buf: Uint8Array) => Buffer.from(buf).toString('base64url');
const hmac = (key: Uint8Array, data: Uint8Array) => createHmac('sha256', key).update(data).digest();

/**
 * Decrypts an RFC 8291 `aes128gcm` message body with the receiver's ECDH
 * key pair and auth secret. @throws Error on any malformed or forged body.
 */
export function decryptAes128gcm(body: Buffer, receiver: ECDH, authSecret: Buffer): Buffer {
  if (body.length < 21) throw new Error('body shorter than its header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  if (idlen !== 65) throw new Error(`keyid of ${idlen} bytes, not a 65-byte P-256 key`);
  const asPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (records.length > rs) throw new Error('more than one record');
  const uaPublic = receiver.getPublicKey();
  const ecdhSecret = receiver.computeSecret(asPublic);
  const prkKey = hmac(authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([
    decipher.update(records.subarray(0, records.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter (0x02)');
  return padded.subarray(0, end);
}

/**
 * Verifies a VAPID header (RFC 8292) for a message to `audience`.
 * @returns the JWT's claims. @throws Error saying what is wrong.
 */
export function verifyVapid(
  authorization: string | undefined,
  audience: string,
  nowS = Math.floor(Date.now() / 1000),
): Record<string, unknown> {
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+),\s*k=([A-Za-z0-9_-]+)$/.exec(
    authorization ?? '',
  );
  if (!m) throw new Error(`not a vapid Authorization: ${authorization ?? '(none)'}`);
  const [jwt, k] = [m[1]!, m[2]!];
  const [h, c, s] = jwt.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
  if (header.alg !== 'ES256' || header.typ !== 'JWT') throw new Error('JWT header not ES256/JWT');
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 key');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const ok = verifySignature(
    'sha256',
    Buffer.from(`${h}.${c}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw new Error('JWT signature does not verify with k');
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as Record<string, unknown>;
  if (claims.aud !== audience) throw new Error(`aud ${String(claims.aud)} is not ${audience}`);
  const exp = Number(claims.exp);
  if (!(exp > nowS)) throw new Error('JWT expired');
  if (exp > nowS + 24 * 3600) throw new Error('exp more than 24 hours away');
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    throw new Error('sub is not a mailto: or https: URI');
  return claims;
}

export class PushServiceStandIn {
  readonly received: ReceivedPush[] = [];
  /** Messages answered 201, by token (fast, for benches). */
  delivered = 0;
  #server: Server;
  #origin = '';
  #receivers = new Map<string, { ecdh: ECDH; auth: Buffer }>();
  #answers = new Map<string, PushAnswer>();
  #verifiedJwts = new Set<string>();
  #options: { decrypt: boolean; record: boolean; expectedKey?: string };

  private constructor(options: { decrypt?: boolean; record?: boolean; expectedKey?: string }) {
    this.#options = {
      decrypt: options.decrypt ?? true,
      record: options.record ?? true,
      ...options,
    };
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.keepAliveTimeout = 30_000;
  }

  /**
   * Starts a service on 127.0.0.1 at a free port. `decrypt: false` skips
   * decryption (benches: the JWT is still verified, once per token);
   * `record: false` keeps no per-message record; `expectedKey` also checks
   * that `k` is the site's public key.
   */
  static async start(
    options: { decrypt?: boolean; record?: boolean; expectedKey?: string } = {},
  ): Promise<PushServiceStandIn> {
    const service = new PushServiceStandIn(options);
    await new Promise<void>((resolve) => service.#server.listen(0, '127.0.0.1', resolve));
    const { port } = service.#server.address() as AddressInfo;
    service.#origin = `http://127.0.0.1:${port}`;
    return service;
  }

  get origin(): string {
    return this.#origin;
  }

  /**
   * A new subscription, as a browser makes one: endpoint
   * `<origin>/push/<token>`, its own P-256 key pair and auth secret.
   * `shareKeysWith` reuses another subscription's keys (benches).
   */
  subscribe(shareKeysWith?: TestSubscription): TestSubscription {
    const token = randomBytes(12).toString('base64url');
    let receiver: { ecdh: ECDH; auth: Buffer };
    const shared = shareKeysWith && this.#receivers.get(PushServiceStandIn.tokenOf(shareKeysWith));
    if (shared) receiver = shared;
    else {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      receiver = { ecdh, auth: randomBytes(16) };
    }
    this.#receivers.set(token, receiver);
    return {
      endpoint: `${this.#origin}/push/${token}`,
      keys: { p256dh: b64u(receiver.ecdh.getPublicKey()), auth: b64u(receiver.auth) },
    };
  }

  /** The token of a subscription's endpoint. */
  static tokenOf(subscription: Pick<TestSubscription, 'endpoint'>): string {
    return subscription.endpoint.slice(subscription.endpoint.lastIndexOf('/') + 1);
  }

  /** Answers the next messages to `subscription` with `answer`. */
  answer(subscription: Pick<TestSubscription, 'endpoint'>, answer: PushAnswer): void {
    this.#answers.set(PushServiceStandIn.tokenOf(subscription), { ...answer });
  }

  /** The messages received for `subscription`. */
  receivedBy(subscription: Pick<TestSubscription, 'endpoint'>): ReceivedPush[] {
    const token = PushServiceStandIn.tokenOf(subscription);
    return this.received.filter((r) => r.token === token);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const token = (req.url ?? '').replace(/^\/push\//, '');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers[name] = value;
    const record: ReceivedPush = { token, status: 201, headers };
    const finish = (status: number, extra: Record<string, string> = {}) => {
      record.status = status;
      if (status === 201) this.delivered++;
      if (this.#options.record || status !== 201) this.received.push(record);
      res.writeHead(status, { 'content-length': '0', ...extra });
      res.end();
    };
    const receiver = this.#receivers.get(token);
    if (req.method !== 'POST' || !receiver) return finish(404);
    try {
      const auth = headers.authorization ?? '';
      if (!this.#verifiedJwts.has(auth)) {
        record.claims = verifyVapid(auth, this.#origin);
        const k = /k=([A-Za-z0-9_-]+)$/.exec(auth)?.[1];
        if (this.#options.expectedKey && k !== this.#options.expectedKey)
          throw new Error('k is not the site key');
        this.#verifiedJwts.add(auth);
      }
    } catch (error) {
      record.problem = (error as Error).message;
      return finish(403);
    }
    if (headers['content-encoding'] !== 'aes128gcm' || !headers.ttl) {
      record.problem = 'missing Content-Encoding: aes128gcm or TTL';
      return finish(400);
    }
    if (this.#options.decrypt) {
      try {
        record.payload = JSON.parse(
          decryptAes128gcm(body, receiver.ecdh, receiver.auth).toString(),
        );
      } catch (error) {
        record.problem = `undecryptable: ${(error as Error).message}`;
        return finish(400);
      }
    }
    const answer = this.#answers.get(token);
    if (answer && (answer.times === undefined || answer.times > 0)) {
      if (answer.times !== undefined) answer.times--;
      return finish(answer.status, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {});
    }
    finish(201);
  }
}
