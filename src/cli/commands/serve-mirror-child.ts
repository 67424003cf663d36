/**
 * The child process of serve-mirror-process.ts: takes one MirrorChildJob over
 * IPC, opens the database the job's settings name, writes the mirror,
 * answers with a MirrorChildAnswer and exits (0 when written, 1 when not).
 */
import { openDatabase } from '../../storage/database.js';
import { writeMirror } from '../../web/mirror/write-mirror.js';
import type { MirrorChildAnswer, MirrorChildJob } from './serve-mirror-process.js';

async function run(job: MirrorChildJob): Promise<MirrorChildAnswer> {
  const { config } = job;
  const database = await openDatabase({ file: config.dbFile, url: config.databaseUrl });
  const offset = job.startedAt - Date.now();
  try {
    const summary = await writeMirror(
      { config, database, now: () => new Date(Date.now() + offset) },
      job.outDir,
      { sinceLastRun: job.sinceLastRun },
    );
    const { files, written, removed, failed, unlisted } = summary;
    return { ok: true, report: { files, written, removed, failed, unlisted } };
  } finally {
    await database.close();
  }
}

process.once('message', (job: MirrorChildJob) => {
  run(job).then(
    (answer) => process.send!(answer, () => process.exit(0)),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.send!({ ok: false, message } satisfies MirrorChildAnswer, () => process.exit(1));
    },
  );
});
