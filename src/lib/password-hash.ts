/**
 * Password hashing with Argon2id (RFC 9106), by the maintained `argon2`
 * package, with its defaults: 64 MiB memory, 3 passes, parallelism 4, above
 * OWASP's Password Storage Cheat Sheet minimum (19 MiB, 2 passes, 1). The
 * result is a PHC string that carries its own parameters and salt.
 */
import argon2 from 'argon2';

/** Hashes `password`; takes a few tens of milliseconds on purpose. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** True when `password` matches `hash`; false for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * A hash of a random password, to spend the same time when a sign-in names
 * an unknown account (so timing does not tell which accounts exist). Made
 * at the first call, not at start: argon2id takes 64 MiB while it hashes,
 * and a process that signs no one in (an import, a backup) need not. Every
 * sign-in asks for it before it looks the account up, so the first one pays
 * the same whoever it names.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
