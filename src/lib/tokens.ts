/**
 * Random tokens and their digests, for session cookies and preview links.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token of `bytes` random bytes (default 32: 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 of `value`, hex: what is stored in place of a token. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
