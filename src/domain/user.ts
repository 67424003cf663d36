/**
 * Newsroom users and the rules on their account fields.
 */
import type { Role } from './roles.js';

export type UserStatus = 'active' | 'deactivated';

export interface User {
  id: string;
  /** Lower-cased. */
  email: string;
  displayName: string;
  /** The public author page's slug. */
  slug: string;
  role: Role;
  status: UserStatus;
  bio: string;
  createdAt: Date;
}

/**
 * Shortest and longest password, in characters. NIST SP 800-63B §5.1.1.2
 * asks for at least 8 and for long passphrases to be allowed; we ask for 10.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused, or null when it is acceptable. */
export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email';

/**
 * Checks a new password against the policy (length, not the e-mail address).
 * Composition rules are deliberately absent (NIST SP 800-63B §5.1.1.2).
 */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'same_as_email';
  return null;
}

/**
 * A plausible e-mail address: one `@`, something before it, a dot in the
 * domain, no spaces, at most 254 characters (RFC 5321 §4.5.3.1.3). Mail is
 * never sent; the address is only a login name.
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** The stored form of an e-mail address: trimmed and lower-cased. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
