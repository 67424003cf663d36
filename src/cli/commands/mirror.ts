/**
 * `midad mirror [--db FILE | --database URL] [--media-dir DIR] [--since]
 * [--push DEST] [--hook PROGRAM] OUT_DIR`: writes (or brings up to date) a
 * static mirror of the public site in OUT_DIR, signed with the site's key
 * (web/mirror/write-mirror.ts); with `--since`, renders again only the
 * articles saved since the last run. Then `--push` sends it with `rsync -a
 * --delete` and `--hook` runs a program with OUT_DIR as its argument
 * (services/mirror-publish.ts, as `midad serve` does with MIDAD_MIRROR_PUSH
 * and MIDAD_MIRROR_HOOK); either failing exits 1 after the other is done.
 *
 * `midad mirror verify [--key FILE] DIR`: checks a mirror's signed
 * manifest and every file; exits 1 naming the first file changed, missing
 * or added. Without `--key` the copy's own `mirror/public-key.pem` is used,
 * which proves the copy whole but not who wrote it.
 */
import { readFileSync, statSync } from 'node:fs';

/** The largest key file read, bytes (an Ed25519 public key in PEM is 113). */
const MAX_KEY_FILE_BYTES = 16 * 1024;
import { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import { verifyMirror } from '../../services/mirror-manifest.js';
import {
  checkHookProgram,
  checkPushDestination,
  sendMirror,
  type MirrorSending,
} from '../../services/mirror-publish.js';
import { writeMirror, type MirrorSummary } from '../../web/mirror/write-mirror.js';
import { progressBar, type Progress } from '../progress.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

interface MirrorFlags extends DatabaseFlags {
  mediaDir?: string;
  since?: boolean;
  push?: string;
  hook?: string;
}

/**
 * Where `--push` and `--hook` send the mirror, checked before anything is written.
 * @throws AppError `MIRROR_PUSH_INVALID` or `MIRROR_HOOK_INVALID`.
 */
async function sendingOf(opts: MirrorFlags): Promise<MirrorSending> {
  if (opts.push !== undefined) checkPushDestination(opts.push, '--push');
  const hook = opts.hook === undefined ? undefined : await checkHookProgram(opts.hook, '--hook');
  return {
    ...(opts.push !== undefined ? { push: opts.push } : {}),
    ...(hook !== undefined ? { hook } : {}),
  };
}

/**
 * The text of the key file `file`.
 * @throws AppError `MIRROR_KEY_INVALID` when it cannot be read.
 */
function readKey(file: string): string {
  try {
    // A PEM public key is some 100 bytes: a device or a huge file is no key (read nothing of it).
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > MAX_KEY_FILE_BYTES) throw new Error('not a key file');
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('MIRROR_KEY_INVALID', `Cannot read the key file ${file}.`, { cause: error });
  }
}

/** Names listed in one warning line at most; the rest are counted. */
const NAMES_LISTED = 10;

/** `names`, the first NAMES_LISTED of them, and how many more. */
function listed(names: readonly string[]): string {
  const more = names.length - NAMES_LISTED;
  return names.slice(0, NAMES_LISTED).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/**
 * Warns, one line each: about images missing from the media folder (whose
 * pages show them broken), other addresses that did not answer, and files in
 * the folder that no run wrote (left there; `verify` fails on them).
 */
function warnAbout(summary: MirrorSummary, outDir: string, mediaDir: string): void {
  const images = summary.failed.filter((f) => f.path.startsWith('/media/'));
  if (images.length > 0) {
    console.error(
      `warning: ${images.length} image files are missing from the media folder ${mediaDir}, ` +
        `so the pages that show them show broken images: ${listed(images.map((f) => f.path))}`,
    );
  }
  for (const { path, status } of summary.failed.filter((f) => !f.path.startsWith('/media/'))) {
    console.error(`warning: ${path} answered ${status}; links to it are broken`);
  }
  if (summary.unlisted.length > 0) {
    console.error(
      `warning: ${outDir} holds ${summary.unlisted.length} files that no mirror run wrote ` +
        `(${listed(summary.unlisted)}): they were left in place, and \`midad mirror verify\` ` +
        'will fail on them as not in the manifest',
    );
  }
}

function verifyCommand(): Command {
  return new Command('verify')
    .description("check a mirror's signed manifest and every file it lists")
    .argument('<dir>', 'the mirror folder')
    .option('--key <file>', "the site's mirror public key (PEM), as the site publishes it")
    .action(async (dir: string, opts: { key?: string }) => {
      const key = opts.key === undefined ? undefined : readKey(opts.key);
      const { manifest, keyFrom } = await verifyMirror(dir, key);
      console.log(
        `${dir}: verified, ${manifest.files.length} files of ${manifest.site} written at ` +
          `${manifest.writtenAt}` +
          (keyFrom === 'mirror'
            ? " (with the mirror's own key: give --key to check who signed)"
            : ''),
      );
    });
}

/** `setStatus(1)` when the push or the hook failed (the mirror itself was written). */
export function mirrorCommand(setStatus: (code: number) => void): Command {
  return withDatabaseFlags(new Command('mirror'))
    .description(
      'write a static mirror of the public site to a folder, signed (see docs/deploy.md)',
    )
    .argument(
      '<out-dir>',
      'the folder to write: new, empty, or an earlier mirror to bring up to date',
    )
    .option('--media-dir <folder>', 'the media folder (env MIDAD_MEDIA_DIR, default data/media)')
    .option(
      '--since',
      'render again only the articles saved since the last run in OUT_DIR, and every listing',
    )
    .option(
      '--push <dest>',
      'then copy it with rsync to DEST (rsync://host/module/, user@host:/path/, /folder)',
    )
    .option('--hook <program>', 'then run PROGRAM with OUT_DIR as its argument (no shell)')
    .addCommand(verifyCommand())
    .action(async (outDir: string, opts: MirrorFlags) => {
      const sending = await sendingOf(opts);
      const { config, database } = await openFromFlags(opts, {
        existing: true,
        overrides: { mediaDir: opts.mediaDir },
      });
      if (config.baseUrl === undefined) {
        console.error(
          'warning: MIDAD_BASE_URL is not set: canonical links will not name the main site',
        );
      }
      let bar: Progress | null = null;
      try {
        const started = Date.now();
        const summary = await writeMirror({ config, database, now: () => new Date() }, outDir, {
          sinceLastRun: opts.since === true,
          onProgress: (done, total) => {
            bar ??= progressBar('mirror', total, 'files');
            bar.update(done, total);
          },
        });
        (bar as Progress | null)?.stop();
        warnAbout(summary, outDir, config.mediaDir);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `${outDir}: ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB ` +
            `(${summary.written} written, ${summary.removed} removed) in ${seconds} s, signed`,
        );
        const sent = await sendMirror(outDir, sending);
        if (sent.pushed) console.log(`${outDir}: pushed to ${sending.push}`);
        if (sent.hookOutput !== undefined) {
          console.log(
            `${outDir}: ran ${sending.hook}${sent.hookOutput ? `:\n${sent.hookOutput}` : ''}`,
          );
        }
        for (const failure of sent.failures) console.error(`midad: ${failure.message}`);
        if (sent.failures.length > 0) setStatus(1);
      } finally {
        (bar as Progress | null)?.stop();
        await database.close();
      }
    });
}
