/**
 * Signatures of webhook deliveries. The `Midad-Signature` header is
 * `t=<unix seconds>,v1=<hex HMAC-SHA256>` of `<t>.<body>` with the hook's
 * secret (the scheme Stripe documents for its webhooks): signing the time
 * with the body lets a receiver refuse replays of old deliveries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header value for `body` sent at `at`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * True when `header` signs `body` with `secret` and was made within
 * `toleranceMs` of `now` (default 5 minutes): what a receiver checks.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  now: Date,
  toleranceMs = 5 * 60 * 1000,
): boolean {
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (t === undefined || v1 === undefined) return false;
  if (Math.abs(now.getTime() - Number(t) * 1000) > toleranceMs) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
