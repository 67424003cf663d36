/**
 * The `midad` command line: `midad serve`, `import`, `user`, `reindex`,
 * `fill-slugs`, `export`, `import-archive`, `backup` and `wire`.
 * Settings come from environment variables (docs/settings.md) and flags;
 * flags win.
 */
import { Command, CommanderError } from 'commander';
import { AppError, InvalidInputs } from '../lib/errors.js';
import { backupCommand } from './commands/backup.js';
import { exportCommand } from './commands/export.js';
import { fillSlugsCommand } from './commands/fill-slugs.js';
import { importArchiveCommand } from './commands/import-archive.js';
import { importCommand } from './commands/import.js';
import { reindexCommand } from './commands/reindex.js';
import { serveCommand } from './commands/serve.js';
import { userCommand } from './commands/user.js';
import { wireCommand } from './commands/wire.js';

/**
 * Runs the command line `argv` (without `node` and the script).
 * @returns the process exit status: 0 on success.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const program = new Command('midad')
    .description('Midad (مداد): an Arabic-first news publishing platform')
    .exitOverride()
    .showHelpAfterError();
  let status = 0;
  const setStatus = (code: number) => void (status = code);
  for (const command of [
    serveCommand(),
    importCommand(setStatus),
    userCommand(),
    reindexCommand(),
    fillSlugsCommand(),
    exportCommand(),
    importArchiveCommand(),
    backupCommand(),
    wireCommand(setStatus),
  ]) {
    program.addCommand(command.exitOverride().showHelpAfterError());
    for (const sub of command.commands) sub.exitOverride().showHelpAfterError();
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof InvalidInputs) {
      // Every problem, one sentence a line, each with its option's field.
      for (const problem of error.problems)
        console.error(`midad: ${problem.message} (${problem.field})`);
      return 1;
    }
    if (error instanceof AppError) {
      const where = 'field' in error ? ` (${String(error.field)})` : '';
      console.error(`midad: ${error.message}${where}`);
      return 1;
    }
    throw error;
  }
  return status;
}
