/**
 * Issue 22: "Each is kept fresh automatically". The server's mirror job
 * (MIDAD_MIRROR_DIR, MIDAD_MIRROR_PUSH, MIDAD_MIRROR_HOOK) wired as
 * `midad serve` wires it, to the app's change channel: a first run when the
 * folder holds no mirror, then a publish through the newsroom's service
 * makes exactly one more run, whose pages reach the folder and, through
 * Debian's rsync, a second folder, and the hook is run with the folder.
 * On PostgreSQL a publish made on another instance reaches the job over
 * LISTEN/NOTIFY, also between two `midad serve` processes, where only the
 * one given MIDAD_MIRROR_DIR writes, and in `--workers 2` on SQLite, where
 * only worker 1 writes, whichever worker took the publish. Bad folders and hooks are refused at start, and
 * `midad mirror --push/--hook` refuses them before writing anything.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { openDatabase } from '../../src/storage/database.js';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMirrorSettings, startMirrorRefresh } from '../../src/cli/commands/serve-mirror.js';
import { run } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import type { PublicChangeListener } from '../../src/domain/public-change.js';
import type { AppError } from '../../src/lib/errors.js';
import {
  localChannel,
  postgresChannel,
  type ChangeChannel,
} from '../../src/services/change-channel.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { listMirrorFiles, verifyMirror } from '../../src/services/mirror-manifest.js';
import { sendMirror } from '../../src/services/mirror-publish.js';
import type { MirrorRefresh } from '../../src/services/mirror-refresh.js';
import { moveArticle } from '../../src/services/move-article.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { buildApp } from '../../src/web/app.js';
import {
  describeEachDialect,
  openTestDatabase,
  postgresSkip,
  type TestDatabase,
} from '../helpers/dialects.js';
import { HttpNewsroom } from '../helpers/http-newsroom.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { rsyncAvailable } from '../helpers/rsync.js';
import { startServe, stopServe, type ServeProcess } from '../helpers/serve-process.js';
import { NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

const ORIGIN = 'https://news.example';
const HEADLINE = 'وصول قافلة مساعدات إلى ريف إدلب الجنوبي';

/** A hook that writes its argument, one line per run, to `log`. */
async function writeHook(folder: string, log: string): Promise<string> {
  const hook = join(folder, 'after-mirror');
  await writeFile(hook, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\necho "sent $1"\n`);
  await chmod(hook, 0o755);
  return hook;
}

/** The job's log lines: level and message. */
function recordingLog(lines: string[]) {
  const line = (level: string) => (fields: object, message: string) =>
    void lines.push(`${level}: ${message}${'err' in fields ? ` ${String(fields.err)}` : ''}`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

describeEachDialect((dialect) => {
  describe.skipIf(!rsyncAvailable())('the mirror kept fresh by the server', () => {
    let database: TestDatabase;
    let staff: Staff;
    let config: Config;
    let mirror: string;
    let copy: string;
    let hookLog: string;
    let logs: string[];
    let closing: Array<() => Promise<unknown>>;

    beforeEach(async () => {
      const folder = testFolder('mirror-refresh');
      // The server writes the mirror in a process of its own, which opens the database by its settings.
      const file = join(folder, 'site.db');
      database =
        dialect === 'sqlite'
          ? { ...(await openDatabase({ file })), url: null }
          : await openTestDatabase(dialect);
      staff = await createStaff(database, () => NOW);
      mirror = join(folder, 'mirror');
      copy = join(folder, 'copy');
      hookLog = join(folder, 'hook.log');
      config = loadConfig({
        ...(database.url === null ? { MIDAD_DB: file } : { MIDAD_DATABASE_URL: database.url }),
        MIDAD_BASE_URL: ORIGIN,
        MIDAD_MEDIA_DIR: join(folder, 'media'),
        MIDAD_MIRROR_DIR: mirror,
        MIDAD_MIRROR_PUSH: copy,
        MIDAD_MIRROR_HOOK: await writeHook(folder, hookLog),
        MIDAD_MIRROR_DELAY: '0',
      });
      logs = [];
      closing = [];
    });
    afterEach(async () => {
      for (const close of closing.reverse()) await close();
      await database.close();
    });

    /** The app on `changes`, as serve-site.ts builds it. */
    async function startApp(changes: ChangeChannel) {
      const app = await buildApp({
        config,
        database,
        now: () => NOW,
        logRequests: false,
        viewCounter: new ViewCounter({ sink: async () => {} }),
        changes,
      });
      closing.push(() => app.close());
      return app;
    }

    /** The job on `changes`, as serve-site.ts starts it, stopped at the test's end. */
    async function startJob(changes: ChangeChannel): Promise<MirrorRefresh> {
      await checkMirrorSettings(config);
      const job = await startMirrorRefresh({
        config,
        now: () => NOW,
        changes,
        log: recordingLog(logs),
      });
      closing.push(() => job!.stop());
      return job!;
    }

    /** Publishes an article through the newsroom's services, telling `onPublicChange`. */
    async function publish(onPublicChange: PublicChangeListener): Promise<ArticleId> {
      const deps = { database, now: () => NOW, onPublicChange };
      const id = await createDraft(deps, staff.author);
      await saveArticle(deps, staff.author, id, content([staff.author.id], { headline: HEADLINE }));
      await moveArticle(deps, staff.editor, id, 'publish');
      return id;
    }

    /** The article's page in `folder`, as a mirror path (`a/<id>/<slug>/index.html`). */
    async function pageOf(folder: string, id: string): Promise<string[]> {
      return (await listMirrorFiles(folder)).filter((file) => file.startsWith(`a/${id}/`));
    }

    it('writes a first mirror at start, then one run per publish: the page in the folder and in the pushed copy', async () => {
      const changes = localChannel();
      const app = await startApp(changes);
      const job = await startJob(changes);
      expect(job.counts()).toEqual({ runs: 0, pending: true, running: false });
      await job.settled();
      expect(job.counts().runs).toBe(1);
      expect((await verifyMirror(copy)).manifest.site).toBe(ORIGIN);

      const id = await publish(app.publicChange);
      expect(job.counts()).toEqual({ runs: 1, pending: true, running: false });
      await job.settled();

      expect(job.counts()).toEqual({ runs: 2, pending: false, running: false });
      const [page] = await pageOf(mirror, id);
      expect(page).toMatch(new RegExp(`^a/${id}/[^/]+/index\\.html$`));
      expect(await pageOf(copy, id)).toEqual([page]);
      const html = await readFile(join(copy, page!), 'utf8');
      expect(html).toContain(HEADLINE);
      expect(await readFile(join(copy, page!))).toEqual(await readFile(join(mirror, page!)));
      // The copy is the mirror, signature and all.
      expect((await verifyMirror(copy)).manifest.files.map((f) => f.path)).toEqual(
        (await verifyMirror(mirror)).manifest.files.map((f) => f.path),
      );
      expect(await readFile(hookLog, 'utf8')).toBe(`${mirror}\n${mirror}\n`);
      expect(logs.filter((line) => !line.startsWith('info: '))).toEqual([]);
      expect(logs).toEqual([
        'info: mirror written',
        'info: mirror pushed',
        'info: mirror hook ran',
        'info: mirror written',
        'info: mirror pushed',
        'info: mirror hook ran',
      ]);
    });

    it('starts with no run when the folder holds a mirror already', async () => {
      const changes = localChannel();
      await startApp(changes);
      const first = await startJob(changes);
      await first.settled();
      await first.stop();

      const again = await startJob(changes);
      expect(again.counts()).toEqual({ runs: 0, pending: false, running: false });
    });

    it.skipIf(dialect !== 'postgres')(
      'hears a publish made on another instance over LISTEN/NOTIFY',
      async () => {
        const onError = (error: unknown) => void logs.push(`channel: ${String(error)}`);
        const here = await postgresChannel(database.url!, onError);
        const there = await postgresChannel(database.url!, onError);
        closing.push(
          () => here.close(),
          () => there.close(),
        );
        const job = await startJob(here);
        await job.settled();
        const elsewhere = await startApp(there);

        const id = await publish(elsewhere.publicChange);
        // The change arrives by NOTIFY, a moment after the publish: wait for its run to end.
        await vi.waitFor(() => expect(job.counts().runs).toBe(2), { timeout: 60_000 });
        await job.settled();

        expect(job.counts()).toEqual({ runs: 2, pending: false, running: false });
        expect(await pageOf(copy, id)).toHaveLength(1);
      },
    );
  });
});

describe('the mirror settings checked at start', () => {
  it('refuses a folder that cannot be made, one that holds something else, and a hook that is not an executable file', async () => {
    const folder = testFolder('mirror-settings');
    const refusal = async (env: Record<string, string>) => {
      try {
        await checkMirrorSettings(loadConfig(env));
      } catch (error) {
        return [(error as AppError).code, (error as Error).message];
      }
      return null;
    };
    await writeFile(join(folder, 'a-file'), 'x');
    await mkdir(join(folder, 'other'));
    await writeFile(join(folder, 'other', 'notes.txt'), 'x');
    const script = join(folder, 'hook.sh');
    await writeFile(script, '#!/bin/sh\n');
    const dir = join(folder, 'mirror');

    expect(await refusal({ MIDAD_MIRROR_DIR: join(folder, 'a-file', 'mirror') })).toEqual([
      'CONFIG_INVALID',
      `Invalid settings: MIDAD_MIRROR_DIR: The folder ${join(folder, 'a-file', 'mirror')} cannot be made or written to.`,
    ]);
    expect(await refusal({ MIDAD_MIRROR_DIR: '/proc/midad-mirror' })).toEqual([
      'CONFIG_INVALID',
      'Invalid settings: MIDAD_MIRROR_DIR: The folder /proc/midad-mirror cannot be made or written to.',
    ]);
    expect(await refusal({ MIDAD_MIRROR_DIR: join(folder, 'other') })).toEqual([
      'CONFIG_INVALID',
      `Invalid settings: MIDAD_MIRROR_DIR: ${join(folder, 'other')} is neither an empty folder nor a mirror.`,
    ]);
    for (const hook of [script, join(folder, 'missing'), folder]) {
      expect(await refusal({ MIDAD_MIRROR_DIR: dir, MIDAD_MIRROR_HOOK: hook })).toEqual([
        'CONFIG_INVALID',
        `Invalid settings: MIDAD_MIRROR_HOOK: ${hook} is not an executable file (chmod +x, or give the program's full path).`,
      ]);
    }
    await chmod(script, 0o755);
    expect(await refusal({ MIDAD_MIRROR_DIR: dir, MIDAD_MIRROR_HOOK: script })).toBeNull();
    // The folder is made at start, empty.
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});

describe.skipIf(!rsyncAvailable())('sendMirror with real programs', () => {
  it("returns rsync's exit code and error output, a hook's exit code, and a program that cannot start", async () => {
    const dir = testFolder('mirror-send');
    await writeFile(join(dir, 'index.html'), '<p>x</p>');

    const sent = await sendMirror(dir, { push: '/nonexistent/deep/copy', hook: '/bin/false' });
    expect(sent.pushed).toBe(false);
    expect(sent.failures.map((f) => f.code)).toEqual(['MIRROR_PUSH_FAILED', 'MIRROR_HOOK_FAILED']);
    expect(sent.failures[0]!.message).toMatch(
      /^rsync to \/nonexistent\/deep\/copy failed: exit code 11: .*mkdir "\/nonexistent\/deep\/copy" failed/s,
    );
    expect(sent.failures[1]!.message).toBe(`/bin/false ${dir} failed: exit code 1`);

    const missing = await sendMirror(dir, { hook: '/nonexistent/after-mirror' });
    expect(missing.failures.map((f) => f.message)).toEqual([
      `/nonexistent/after-mirror ${dir} failed: /nonexistent/after-mirror could not be started: spawn /nonexistent/after-mirror ENOENT`,
    ]);
  });
});

describe('midad mirror --push and --hook', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses a bad destination or hook before writing anything', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const folder = testFolder('mirror-flags');
    const out = join(folder, 'site');
    const script = join(folder, 'hook.sh');
    await writeFile(script, '#!/bin/sh\n');

    expect(await run(['mirror', '--push', '--rsh=sh', out])).toBe(1);
    expect(await run(['mirror', '--push', 'host:/srv/a b', out])).toBe(1);
    expect(await run(['mirror', '--hook', script, out])).toBe(1);
    expect(lines).toEqual([
      "midad: --push: starts with '-', which rsync would read as an option.",
      'midad: --push: has a space, a line break or another control character: give one rsync destination.',
      `midad: --hook: ${script} is not an executable file (chmod +x, or give the program's full path).`,
    ]);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.skipIf(!rsyncAvailable())(
    'writes the mirror, then pushes it and runs the hook once each',
    async () => {
      const lines: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const folder = testFolder('mirror-cli');
      const file = join(folder, 'midad.db');
      const database = await openDatabase({ file });
      await importDemoContent({ database, now: () => NOW });
      await database.close();
      const [out, copy, hookLog] = [
        join(folder, 'site'),
        join(folder, 'copy'),
        join(folder, 'hook.log'),
      ];
      const hook = await writeHook(folder, hookLog);

      expect(
        await run([
          'mirror',
          '--db',
          file,
          '--media-dir',
          join(folder, 'media'),
          '--push',
          copy,
          '--hook',
          hook,
          out,
        ]),
      ).toBe(0);

      expect(lines.slice(-2)).toEqual([
        `${out}: pushed to ${copy}`,
        `${out}: ran ${hook}:\nsent ${out}`,
      ]);
      expect(await readFile(hookLog, 'utf8')).toBe(`${out}\n`);
      const [original, pushed] = [await verifyMirror(out), await verifyMirror(copy)];
      expect(pushed.manifest).toEqual(original.manifest);
    },
  );
});

/** How many times `output` (pino's JSON lines) logs `message`. */
const logged = (output: string, message: string) =>
  output.split('\n').filter((line) => line.includes(`"msg":"${message}"`)).length;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 1200; tries++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(postgresSkip !== null || !rsyncAvailable())(
  'two midad serve processes on one PostgreSQL database, one keeping the mirror',
  () => {
    let database: TestDatabase;
    let instances: ServeProcess[] = [];
    afterEach(async () => {
      await Promise.all(instances.map((i) => (i.child.exitCode === null ? stopServe(i) : null)));
      instances = [];
      await database.close();
    }, 120_000);

    it('a publish through the other instance makes one run of the mirror and its push', async () => {
      database = await openTestDatabase('postgres');
      const staff = await createStaff(database, () => NOW);
      const id = await createDraft({ database, now: () => NOW }, staff.author);
      await saveArticle(
        { database, now: () => NOW },
        staff.author,
        id,
        content([staff.author.id], { headline: HEADLINE }),
      );
      const folder = testFolder('mirror-serve');
      const [mirror, copy] = [join(folder, 'mirror'), join(folder, 'copy')];
      const env = { MIDAD_BASE_URL: ORIGIN, MIDAD_MEDIA_DIR: join(folder, 'media') };
      const newsroomSide = await startServe(['--database', database.url!], env);
      instances.push(newsroomSide);
      const mirrorSide = await startServe(['--database', database.url!], {
        ...env,
        MIDAD_MIRROR_DIR: mirror,
        MIDAD_MIRROR_PUSH: copy,
        MIDAD_MIRROR_DELAY: '0',
      });
      instances.push(mirrorSide);
      // The folder was empty: a first run at start.
      await until(() => logged(mirrorSide.output(), 'mirror pushed') === 1, 'the first run');

      const newsroom = new HttpNewsroom(newsroomSide.origin);
      expect(await newsroom.signIn('editor@news.example', 'editor password 1')).toBe(303);
      await newsroom.get(`/admin/articles/${id}/edit`);
      expect(await newsroom.post(`/admin/articles/${id}/move`, { move: 'publish' })).toBe(303);
      await until(
        () => logged(mirrorSide.output(), 'mirror pushed') === 2,
        'the run of the publish',
      );

      expect(await Promise.all(instances.map((i) => stopServe(i)))).toEqual([0, 0]);
      expect(logged(mirrorSide.output(), 'mirror written')).toBe(2);
      expect(logged(newsroomSide.output(), 'mirror written')).toBe(0);
      expect(logged(mirrorSide.output(), 'mirror send failed')).toBe(0);
      const pages = (await listMirrorFiles(copy)).filter((file) => file.startsWith(`a/${id}/`));
      expect(pages).toHaveLength(1);
      expect(await readFile(join(copy, pages[0]!), 'utf8')).toContain(HEADLINE);
    }, 120_000);
  },
);

/** The pids of the lines of `output` that log `message`. */
const pidsLogging = (output: string, message: string) =>
  output
    .split('\n')
    .filter((line) => line.includes(`"msg":"${message}"`))
    .map((line) => Number(/"pid":(\d+)/.exec(line)?.[1]));

describe.skipIf(!rsyncAvailable())('midad serve --workers 2 on SQLite keeping the mirror', () => {
  let server: ServeProcess | null = null;
  afterEach(async () => {
    if (server && server.child.exitCode === null) await stopServe(server, 'SIGKILL');
    server = null;
  }, 120_000);

  it('writes it in worker 1 only, once per publish, whichever worker took it', async () => {
    const folder = testFolder('mirror-workers');
    const file = join(folder, 'midad.db');
    const database = await openDatabase({ file });
    const staff = await createStaff(database, () => NOW);
    const id = await createDraft({ database, now: () => NOW }, staff.author);
    await saveArticle(
      { database, now: () => NOW },
      staff.author,
      id,
      content([staff.author.id], { headline: HEADLINE }),
    );
    await database.close();
    const [mirror, copy] = [join(folder, 'mirror'), join(folder, 'copy')];
    server = await startServe(['--db', file, '--workers', '2'], {
      MIDAD_BASE_URL: ORIGIN,
      MIDAD_MEDIA_DIR: join(folder, 'media'),
      MIDAD_MIRROR_DIR: mirror,
      MIDAD_MIRROR_PUSH: copy,
      MIDAD_MIRROR_DELAY: '0',
    });
    const started = server;
    await until(() => logged(started.output(), 'mirror pushed') === 1, 'the first run');

    const newsroom = new HttpNewsroom(server.origin);
    expect(await newsroom.signIn('editor@news.example', 'editor password 1')).toBe(303);
    await newsroom.get(`/admin/articles/${id}/edit`);
    expect(await newsroom.post(`/admin/articles/${id}/move`, { move: 'publish' })).toBe(303);
    await until(() => logged(started.output(), 'mirror pushed') === 2, 'the run of the publish');
    expect(await stopServe(server)).toBe(0);

    const output = server.output();
    const worker1 = Number(/"pid":(\d+)[^\n]*"msg":"worker 1 of 2 listening at/.exec(output)?.[1]);
    expect(pidsLogging(output, 'mirror written')).toEqual([worker1, worker1]);
    expect(logged(output, 'mirror send failed')).toBe(0);
    expect((await listMirrorFiles(copy)).filter((f) => f.startsWith(`a/${id}/`))).toHaveLength(1);
  }, 120_000);
});
