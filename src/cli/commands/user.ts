/**
 * `midad user add|reset-password|deactivate|reactivate|list`: account management from
 * the shell, for the first administrator of a server without a mail
 * server, and for locked-out newsrooms. A password is read from standard
 * input with `--password-stdin`; otherwise a random one is made and
 * printed once.
 */
import { Command, InvalidArgumentError } from 'commander';
import { isRole, ROLES, type Role } from '../../domain/roles.js';
import { normalizeEmail } from '../../domain/user.js';
import { AppError, hasCode } from '../../lib/errors.js';
import { randomToken } from '../../lib/tokens.js';
import {
  createUser,
  deactivateUser,
  findUserIdByEmail,
  reactivateUser,
  resetPassword,
} from '../../services/accounts.js';
import type { Database } from '../../storage/database.js';
import { listUsers } from '../../storage/repositories/users.repository.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

function parseRole(value: string): Role {
  if (!isRole(value)) {
    throw new InvalidArgumentError(`"${value}" is not a role: use ${ROLES.join(', ')}.`);
  }
  return value;
}

/** The first line of standard input, without its line ending. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function passwordFrom(opts: {
  passwordStdin?: boolean;
}): Promise<{ password: string; generated: boolean }> {
  if (opts.passwordStdin) return { password: await readPasswordFromStdin(), generated: false };
  return { password: randomToken(15), generated: true };
}

/**
 * Runs `work` on the database the flags name. Only `user add` may make a
 * new database (a site's first account); the other commands refuse a
 * missing one (`DB_NOT_FOUND`), so that a mistyped --db is not a new empty site.
 */
async function withDatabase<T>(
  flags: DatabaseFlags,
  work: (database: Database) => Promise<T>,
  options: { existing: boolean } = { existing: true },
): Promise<T> {
  const { database } = await openFromFlags(flags, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function userIdOf(database: Database, email: string): Promise<string> {
  const id = await findUserIdByEmail({ database, now: () => new Date() }, email);
  if (id === null) throw new AppError('USER_NOT_FOUND', `No user has the e-mail address ${email}.`);
  return id;
}

export function userCommand(): Command {
  const user = new Command('user').description('manage newsroom accounts from the shell');
  withDatabaseFlags(user.command('add'))
    .description('create a user')
    .requiredOption('--email <address>', 'e-mail address (the login name)')
    .requiredOption('--name <name>', 'name as shown in bylines')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole)
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (
        opts: {
          email: string;
          name: string;
          role: Role;
          passwordStdin?: boolean;
        } & DatabaseFlags,
      ) => {
        const { password, generated } = await passwordFrom(opts);
        await withDatabase(
          opts,
          async (database) => {
            const created = await createUser(
              { database, now: () => new Date() },
              { email: opts.email, displayName: opts.name, role: opts.role, password },
            );
            console.log(`created ${created.role} ${created.email} (id ${created.id})`);
            if (generated) console.log(`password: ${password}`);
          },
          { existing: false },
        );
      },
    );
  withDatabaseFlags(user.command('reset-password'))
    .description("set a new password and end the user's sessions")
    .requiredOption('--email <address>', 'the user')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; passwordStdin?: boolean } & DatabaseFlags) => {
      const { password, generated } = await passwordFrom(opts);
      await withDatabase(opts, async (database) => {
        await resetPassword(
          { database, now: () => new Date() },
          await userIdOf(database, opts.email),
          password,
        );
        console.log(`password reset for ${opts.email.trim().toLowerCase()}`);
        if (generated) console.log(`password: ${password}`);
      });
    });
  withDatabaseFlags(user.command('deactivate'))
    .description('stop a user from signing in (bylines stay); never the last active administrator')
    .requiredOption('--email <address>', 'the user')
    .action(async (opts: { email: string } & DatabaseFlags) => {
      const email = normalizeEmail(opts.email);
      await withDatabase(opts, async (database) => {
        try {
          await deactivateUser(
            { database, now: () => new Date() },
            await userIdOf(database, opts.email),
          );
        } catch (error) {
          if (!hasCode(error, 'LAST_ADMINISTRATOR')) throw error;
          throw new AppError(
            'LAST_ADMINISTRATOR',
            `${email} is the only active administrator: make another user an administrator first (midad user add --role administrator).`,
            { cause: error },
          );
        }
        console.log(`deactivated ${email}`);
      });
    });
  withDatabaseFlags(user.command('reactivate'))
    .description('let a deactivated user sign in again')
    .requiredOption('--email <address>', 'the user')
    .action(async (opts: { email: string } & DatabaseFlags) => {
      await withDatabase(opts, async (database) => {
        await reactivateUser(
          { database, now: () => new Date() },
          await userIdOf(database, opts.email),
        );
        console.log(`reactivated ${normalizeEmail(opts.email)}`);
      });
    });
  withDatabaseFlags(user.command('list'))
    .description('list the users')
    .action(async (opts: DatabaseFlags) => {
      await withDatabase(opts, async (database) => {
        for (const u of await listUsers(database.db)) {
          console.log(`${u.id}\t${u.role}\t${u.status}\t${u.email}\t${u.displayName}`);
        }
      });
    });
  return user;
}
