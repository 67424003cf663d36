/**
 * The `midad` command line: `midad serve`, `import`, `user`, `reindex`,
 * `fill-slugs`, `export`, `import-archive`, `backup`, `wire` and `mirror`.
 * Settings come from environment variables (docs/settings.md) and flags;
 * flags win.
 */
import { Command, CommanderError } from 'commander';
import { AppError, InvalidInputs } from '../lib/errors.js';

type SetStatus = (code: number) => void;

/**
 * Each command, loaded only when it runs: `midad serve` then holds none of
 * the importers' libraries (linkedom, Readability, markdown-it, the
 * progress bars), some 8 MiB of V8 heap it would keep for its whole life.
 * Help, or anything that is not a command's name, loads them all.
 */
const COMMANDS: Record<string, (setStatus: SetStatus) => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.js')).serveCommand(),
  import: async (setStatus) => (await import('./commands/import.js')).importCommand(setStatus),
  user: async () => (await import('./commands/user.js')).userCommand(),
  reindex: async () => (await import('./commands/reindex.js')).reindexCommand(),
  'fill-slugs': async () => (await import('./commands/fill-slugs.js')).fillSlugsCommand(),
  export: async () => (await import('./commands/export.js')).exportCommand(),
  'import-archive': async () =>
    (await import('./commands/import-archive.js')).importArchiveCommand(),
  backup: async () => (await import('./commands/backup.js')).backupCommand(),
  wire: async (setStatus) => (await import('./commands/wire.js')).wireCommand(setStatus),
  mirror: async (setStatus) => (await import('./commands/mirror.js')).mirrorCommand(setStatus),
};

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
  const name = argv[0] ?? '';
  const wanted = Object.hasOwn(COMMANDS, name) ? [name] : Object.keys(COMMANDS);
  for (const command of await Promise.all(wanted.map((n) => COMMANDS[n]!(setStatus)))) {
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
