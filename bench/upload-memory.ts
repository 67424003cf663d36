/**
 * The server's memory while several large images are uploaded at once
 * (issue 13, item 5: six 100-megapixel PNGs took it from 190 to 762 MiB).
 * Starts `midad serve` on a new SQLite database, signs a contributor in,
 * sends `--count` solid-colour PNGs (or `--format jpeg`) of `--megapixels` to /admin/api/media
 * all at once, and prints the resident memory before, its peak during
 * (VmHWM, reset first, and VmRSS sampled every 10 ms), and the answers.
 *
 *   npx tsx bench/upload-memory.ts [--count 6] [--megapixels 100] [--format png|jpeg]
 *     [--root <checkout with a built dist/>] [--env NAME=value ...]
 *
 * `--root` runs another checkout's build (to compare with an earlier
 * commit); `--env` adds a setting (e.g. MIDAD_UPLOAD_MAX_PIXELS=100000000).
 * A measurement to report, not a test: nothing is asserted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { freePort, residentBytes, track } from './server-process.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '6' },
    megapixels: { type: 'string', default: '100' },
    format: { type: 'string', default: 'png' },
    root: { type: 'string', default: resolve(dirname(fileURLToPath(import.meta.url)), '..') },
    env: { type: 'string', multiple: true, default: [] },
  },
});
const COUNT = Number(values.count);
const FORMAT = values.format === 'jpeg' ? 'jpeg' : 'png';
const SIDE = Math.round(Math.sqrt(Number(values.megapixels) * 1_000_000));
const MiB = 1024 * 1024;
const EMAIL = 'bench@news.example';
const PASSWORD = 'a long bench passphrase';

/** VmHWM (peak resident memory) of `pid`, bytes, after an optional reset. */
function peakBytes(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Resets the kernel's peak resident memory of `pid` (clear_refs 5); false when not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A cookie jar of `name=value` pairs, filled from Set-Cookie headers. */
class Jar {
  readonly cookies = new Map<string, string>();
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function csrfOf(origin: string, path: string, jar: Jar): Promise<string> {
  const response = await fetch(`${origin}${path}`, { headers: { cookie: jar.header } });
  jar.keep(response);
  const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!token) throw new Error(`no CSRF token on ${path}`);
  return token;
}

function multipart(name: string, bytes: Buffer, boundary: string): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

const dir = mkdtempSync(join(tmpdir(), 'midad-upload-memory-'));
const bin = join(values.root, 'bin', 'midad.js');
const env: Record<string, string> = {
  ...process.env,
  MIDAD_DB: join(dir, 'midad.db'),
  MIDAD_DATABASE_URL: '',
  MIDAD_MEDIA_DIR: join(dir, 'media'),
  MIDAD_DEMO: 'false',
  MIDAD_LOG_LEVEL: 'warn',
};
for (const pair of values.env) {
  const at = pair.indexOf('=');
  env[pair.slice(0, at)] = pair.slice(at + 1);
}

const image = await sharp({
  create: { width: SIDE, height: SIDE, channels: 3, background: '#a01e28' },
})
  .toFormat(FORMAT)
  .toBuffer();
console.log(
  `${COUNT} ${FORMAT.toUpperCase()}s of ${SIDE} × ${SIDE} (${((SIDE * SIDE) / 1e6).toFixed(1)} MP, ${image.length} bytes), ${values.root}`,
);

const added = spawnSync(
  process.execPath,
  [
    bin,
    'user',
    'add',
    '--email',
    EMAIL,
    '--name',
    'Bench',
    '--role',
    'contributor',
    '--password-stdin',
  ],
  { env, input: `${PASSWORD}\n`, encoding: 'utf8' },
);
if (added.status !== 0) throw new Error(`user add failed: ${added.stderr}`);

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [bin, 'serve'], {
  cwd: values.root,
  env: { ...env, PORT: String(port), HOST: '127.0.0.1', MIDAD_BASE_URL: origin },
  stdio: ['ignore', 'inherit', 'inherit'],
});
track(child);
const pid = child.pid ?? 0;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/robots.txt`)).ok) break;
    } catch {
      if (i > 600) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const jar = new Jar();
  const loginToken = await csrfOf(origin, '/admin/login', jar);
  const login = await fetch(`${origin}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, _csrf: loginToken }),
  });
  jar.keep(login);
  if (login.status !== 303) throw new Error(`sign-in answered ${login.status}`);
  const token = await csrfOf(origin, '/admin/media', jar);

  const boundary = '----midad-upload-memory';
  const body = multipart(`large.${FORMAT}`, image, boundary);
  const before = residentBytes(pid);
  const reset = resetPeak(pid);
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, residentBytes(pid))), 10);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: COUNT }, async () => {
      const response = await fetch(`${origin}/admin/api/media`, {
        method: 'POST',
        headers: {
          cookie: jar.header,
          'x-csrf-token': token,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body: new Uint8Array(body),
      });
      const text = await response.text();
      return `${response.status} ${/"code":"(\w+)"/.exec(text)?.[1] ?? ''}`.trim();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = residentBytes(pid);
  const peak = reset ? peakBytes(pid) : sampled;
  const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
  console.log(`answers: ${answers.join(', ')} in ${seconds.toFixed(1)} s`);
  console.log(
    `resident memory: before ${mib(before)}, peak ${mib(peak)} (${reset ? 'VmHWM' : 'sampled'}; sampled ${mib(sampled)}), after ${mib(after)}`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
