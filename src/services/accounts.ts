/**
 * Newsroom accounts: the first-run owner, users created by administrators
 * (or `midad user add`), sign-in with throttling, deactivation (never
 * deletion: bylines keep working) and password resets.
 */
import { slugify } from '../arabic/slug.js';
import { FIELD_LIMITS, cleanLine, tooLong } from '../domain/field-limits.js';
import { isRole, ROLES, type Role } from '../domain/roles.js';
import {
  isEmailAddress,
  normalizeEmail,
  passwordProblem,
  type PasswordProblem,
  type User,
} from '../domain/user.js';
import { AppError, InvalidInput, throwInvalidInputs, type ErrorCode } from '../lib/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../lib/password-hash.js';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/database.js';
import type { Db } from '../storage/db.js';
import type { Schema } from '../storage/tables/schema.js';
import { deleteSessionsOfUser } from '../storage/repositories/sessions.repository.js';
import { NO_PASSWORD_HASH } from './import-archive.js';
import {
  countUsersWhoCanSignIn,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  lockActiveAdministrators,
  updateUser,
  userSlugTaken,
} from '../storage/repositories/users.repository.js';
import {
  recordFailure,
  recordSuccess,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
} from './login-throttle.js';

export interface AccountDeps {
  database: Database;
  now: () => Date;
}

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  /** One of ROLES; anything else is refused with ROLE_INVALID (a form may send anything). */
  role: Role | (string & {});
}

/** The code of each password problem. */
const PASSWORD_CODES = {
  too_short: 'PASSWORD_TOO_SHORT',
  too_long: 'PASSWORD_TOO_LONG',
  same_as_email: 'PASSWORD_SAME_AS_EMAIL',
} as const satisfies Record<PasswordProblem, ErrorCode>;

/** The problem of `password` for the account `email`, or null. */
function passwordInputProblem(password: string, email: string): InvalidInput | null {
  const problem = passwordProblem(password, email);
  return problem
    ? new InvalidInput(
        PASSWORD_CODES[problem],
        'password',
        `The password is ${problem.replace(/_/g, ' ')}.`,
      )
    : null;
}

/** The role refusal: names the value given and the roles there are. */
function roleProblem(role: string): InvalidInput {
  return new InvalidInput(
    'ROLE_INVALID',
    'role',
    role === ''
      ? `No role was given: choose one of ${ROLES.join(', ')}.`
      : `"${role}" is not a role: choose one of ${ROLES.join(', ')}.`,
    // The newsroom names the roles in its language (form-errors.ts); these are the fallback.
    { role, roles: ROLES.join(', ') },
  );
}

/**
 * Checks every field of a new account and says every problem at once, in
 * the form's order (name, e-mail address, role, password), including an
 * e-mail address already taken.
 * @throws InvalidInput or InvalidInputs (422).
 */
async function validateAccount(
  db: Db,
  input: NewAccount,
): Promise<{ email: string; displayName: string; role: Role }> {
  const email = normalizeEmail(input.email);
  const displayName = cleanLine(input.displayName);
  const problems: InvalidInput[] = [];
  if (displayName.length === 0 || tooLong('userName', displayName)) {
    problems.push(
      new InvalidInput(
        'NAME_INVALID',
        'displayName',
        `The name must have 1 to ${FIELD_LIMITS.userName} characters.`,
      ),
    );
  }
  if (!isEmailAddress(email)) {
    problems.push(new InvalidInput('EMAIL_INVALID', 'email', 'That is not an e-mail address.'));
  } else if (await findUserByEmail(db, email)) {
    problems.push(emailTaken());
  }
  if (!isRole(input.role)) problems.push(roleProblem(input.role));
  const password = passwordInputProblem(input.password, email);
  if (password) problems.push(password);
  throwInvalidInputs(problems);
  // A role that is not one was refused above (throwInvalidInputs threw).
  return { email, displayName, role: input.role as Role };
}

function emailTaken(): InvalidInput {
  return new InvalidInput('EMAIL_TAKEN', 'email', 'A user with that e-mail address exists.');
}

/** A free author-page slug from the name: `سامر-الحلبي`, then `سامر-الحلبي-2`, … */
async function uniqueSlug(db: Db, displayName: string, email: string): Promise<string> {
  const base = slugify(displayName) || slugify(email.split('@')[0] ?? '') || 'author';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await userSlugTaken(db, slug))) return slug;
  }
}

async function createAccount(
  deps: AccountDeps,
  input: NewAccount,
  onlyIfFirst: boolean,
): Promise<User> {
  const { email, displayName, role } = await validateAccount(deps.database.db, input);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction().execute(async (trx) => {
    if (onlyIfFirst && !(await noOneCanSignIn(trx))) {
      throw new AppError('SETUP_ALREADY_DONE', 'The newsroom already has its owner.');
    }
    // Checked again here: someone may have taken it since validateAccount.
    if (await findUserByEmail(trx, email)) throw emailTaken();
    const slug = await uniqueSlug(trx, displayName, email);
    return insertUser(trx, { email, displayName, slug, role, passwordHash }, deps.now());
  });
}

/**
 * True while no one can sign in to the newsroom: the first-run set-up is
 * open. That is a new database, and also one that began with `midad
 * import`, whose authors are inactive accounts without passwords; once any
 * active user has a password, the set-up is closed.
 */
export async function needsSetup(deps: AccountDeps): Promise<boolean> {
  return noOneCanSignIn(deps.database.db);
}

async function noOneCanSignIn(db: Db): Promise<boolean> {
  return (await countUsersWhoCanSignIn(db, NO_PASSWORD_HASH)) === 0;
}

/**
 * Creates the owner, an administrator, while no one can sign in (needsSetup).
 * @throws AppError SETUP_ALREADY_DONE (409); InvalidInput or InvalidInputs (422).
 */
export function setUpOwner(deps: AccountDeps, input: Omit<NewAccount, 'role'>): Promise<User> {
  return createAccount(deps, { ...input, role: 'administrator' }, true);
}

/**
 * Creates a user (by an administrator, or from the shell).
 * @throws InvalidInput (422): EMAIL_INVALID, EMAIL_TAKEN, NAME_INVALID, ROLE_INVALID
 *   (`details.role`: the value given), PASSWORD_*; InvalidInputs when several fields are wrong.
 */
export function createUser(deps: AccountDeps, input: NewAccount): Promise<User> {
  return createAccount(deps, input, false);
}

/**
 * Checks a sign-in. Unknown accounts, wrong passwords and deactivated
 * accounts all get the same answer, after the same work. The attempt takes
 * its place in the throttle's counts before the password is checked
 * (login-throttle.ts), so parallel guesses cannot outrun the lock.
 * @throws AppError LOGIN_THROTTLED (429; `details.until`: when the lock ends),
 *   LOGIN_FAILED (401).
 */
export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string; address: string },
): Promise<User> {
  const now = deps.now();
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.address);
  const until = await reserveAttempt(deps.database, keys, now);
  if (until) {
    throw new AppError('LOGIN_THROTTLED', 'Too many failed sign-ins; try again later.', {
      details: { until },
    });
  }
  let settled = false;
  try {
    const dummy = await dummyHash();
    const user = await findUserByEmail(deps.database.db, email);
    const ok = await verifyPassword(user?.passwordHash ?? dummy, input.password);
    settled = true;
    if (!user || !ok || user.status !== 'active') {
      await recordFailure(deps.database, keys, now);
      throw new AppError('LOGIN_FAILED', 'Wrong e-mail address or password.');
    }
    await recordSuccess(deps.database, keys);
    const { passwordHash: _hash, ...plain } = user;
    return plain;
  } finally {
    // An error before the password was judged (the database, say) gives the
    // places back; if that fails too, the first error is the one to report,
    // and the places lapse with their window.
    if (!settled) await releaseAttempt(deps.database, keys).catch(() => undefined);
  }
}

async function existing(deps: AccountDeps, id: string): Promise<User> {
  const user = /^[1-9][0-9]{0,18}$/.test(id) ? await findUserById(deps.database.db, id) : null;
  if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
  return user;
}

/**
 * Refuses to leave the newsroom without an active administrator: throws
 * when `userId` is the only one. Runs in the transaction that makes the
 * change, on the administrators it locks, so two administrators taking
 * each other's rights at the same moment cannot both succeed.
 * @throws AppError LAST_ADMINISTRATOR (409).
 */
async function keepAnAdministrator(trx: Transaction<Schema>, userId: string): Promise<void> {
  const administrators = await lockActiveAdministrators(trx);
  if (administrators.length <= 1 && administrators.includes(userId)) {
    throw new AppError(
      'LAST_ADMINISTRATOR',
      'This is the only active administrator; make another one first.',
    );
  }
}

/**
 * Deactivates a user and ends their sessions. Their bylines stay.
 * @throws USER_NOT_FOUND; LAST_ADMINISTRATOR (409).
 */
export async function deactivateUser(deps: AccountDeps, id: string): Promise<void> {
  await existing(deps, id);
  await deps.database.db.transaction().execute(async (trx) => {
    await keepAnAdministrator(trx, id);
    await updateUser(trx, id, { status: 'deactivated' }, deps.now());
    await deleteSessionsOfUser(trx, id);
  });
}

/** Lets a deactivated user sign in again. @throws USER_NOT_FOUND. */
export async function reactivateUser(deps: AccountDeps, id: string): Promise<void> {
  await existing(deps, id);
  await updateUser(deps.database.db, id, { status: 'active' }, deps.now());
}

/**
 * Sets a new password and ends the user's sessions.
 * @throws USER_NOT_FOUND; InvalidInput PASSWORD_*.
 */
export async function resetPassword(
  deps: AccountDeps,
  id: string,
  password: string,
): Promise<void> {
  const user = await existing(deps, id);
  const problem = passwordInputProblem(password, user.email);
  if (problem) throw problem;
  const passwordHash = await hashPassword(password);
  await deps.database.db.transaction().execute(async (trx) => {
    await updateUser(trx, id, { passwordHash }, deps.now());
    await deleteSessionsOfUser(trx, id);
  });
}

/**
 * Changes the signed-in user's own password after checking the current one;
 * ends every session of the user (they sign in again with the new one).
 * @throws InvalidInput CURRENT_PASSWORD_WRONG (field `current`), PASSWORD_*;
 *   InvalidInputs when both fields are wrong.
 */
export async function changeOwnPassword(
  deps: AccountDeps,
  userId: string,
  current: string,
  password: string,
): Promise<void> {
  const user = await existing(deps, userId);
  const withHash = await findUserByEmail(deps.database.db, user.email);
  const problems: InvalidInput[] = [];
  if (!withHash || !(await verifyPassword(withHash.passwordHash, current))) {
    problems.push(
      new InvalidInput('CURRENT_PASSWORD_WRONG', 'current', 'The current password is wrong.'),
    );
  }
  const problem = passwordInputProblem(password, user.email);
  if (problem) problems.push(problem);
  throwInvalidInputs(problems);
  await resetPassword(deps, userId, password);
}

/** Changes a user's role. @throws USER_NOT_FOUND; LAST_ADMINISTRATOR; InvalidInput ROLE_INVALID. */
export async function changeRole(deps: AccountDeps, id: string, role: string): Promise<void> {
  const user = await existing(deps, id);
  if (!isRole(role)) throw roleProblem(role);
  await deps.database.db.transaction().execute(async (trx) => {
    if (role !== 'administrator') await keepAnAdministrator(trx, user.id);
    await updateUser(trx, id, { role }, deps.now());
  });
}

/** The user with this e-mail address, or null (for the shell commands). */
export async function findUserIdByEmail(deps: AccountDeps, email: string): Promise<string | null> {
  return (await findUserByEmail(deps.database.db, normalizeEmail(email)))?.id ?? null;
}

/** Every user, deactivated ones too, by name (the users page). */
export async function listAccounts(deps: AccountDeps): Promise<User[]> {
  return listUsers(deps.database.db);
}
