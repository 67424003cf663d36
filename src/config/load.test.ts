import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCode } from '../lib/errors.js';
import { loadConfig } from './load.js';

describe('loadConfig', () => {
  it('gives documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dbFile: 'data/midad.db',
      timeZone: 'Asia/Damascus',
      numerals: 'latn',
      monthNames: 'dual',
      showHijri: false,
      viewFlushMs: 5000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the environment and lets flags win', () => {
    const config = loadConfig(
      { PORT: '8080', MIDAD_DB: '/tmp/x.db', MIDAD_NUMERALS: 'arab' },
      { port: 9090 },
    );
    expect([config.port, config.dbFile, config.numerals]).toEqual([9090, '/tmp/x.db', 'arab']);
  });

  it('reads a PostgreSQL URL and refuses anything else', () => {
    const url = 'postgres://midad@127.0.0.1:5432/midad';
    expect(loadConfig({ MIDAD_DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ MIDAD_DATABASE_URL: 'mysql://x/y' })).toThrow(
      /MIDAD_DATABASE_URL: not a PostgreSQL URL/,
    );
  });

  it('reads the number of workers from MIDAD_WORKERS or the flag, 1 to 64', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ MIDAD_WORKERS: '4' }).workers).toBe(4);
    expect(loadConfig({ MIDAD_WORKERS: '4' }, { workers: '2' }).workers).toBe(2);
    expect(loadConfig({ MIDAD_WORKERS: '64' }).workers).toBe(64);
    for (const bad of ['0', '65', '2.5', 'two', '-1', '007'])
      expect(() => loadConfig({ MIDAD_WORKERS: bad })).toThrow(
        'Invalid settings: MIDAD_WORKERS: the number of workers must be a whole number from 1 to 64',
      );
  });

  it('names every invalid setting by its variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', MIDAD_TIMEZONE: 'Mars/Olympus' });
    } catch (e) {
      error = e;
    }
    expect(hasCode(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/PORT: .*; MIDAD_TIMEZONE: not an IANA time zone/);
  });
});

describe('loadConfig, strict values', () => {
  it.each(['abc', '0x10', '1e3', '65536', '-1', '80.5'])('refuses the port %j', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(
      'PORT: not a port number: a whole number from 0 to 65535',
    );
  });

  it('takes a port given as a number by a flag', () => {
    expect(loadConfig({}, { port: 8080 }).port).toBe(8080);
  });

  it.each([
    'https://news.example/sub/',
    'news.example',
    'ftp://news.example',
    'https://news.example/?a=1',
  ])('refuses the base URL %j, which is not an origin', (url) => {
    expect(() => loadConfig({ MIDAD_BASE_URL: url })).toThrow(/MIDAD_BASE_URL: not an origin/);
  });

  it('keeps the origin of a base URL with a trailing slash', () => {
    expect(loadConfig({ MIDAD_BASE_URL: 'https://News.Example/' }).baseUrl).toBe(
      'https://news.example',
    );
  });
});

describe('loadConfig, wire folders', () => {
  it('allows the newsroom data/wire from the working directory by default', () => {
    expect(loadConfig({}).wireFolders).toEqual([resolve('data/wire')]);
  });

  it('reads a comma-separated list, relative folders from the working directory', () => {
    expect(loadConfig({ MIDAD_WIRE_FOLDERS: ' /srv/wire/sana , agencies,,' }).wireFolders).toEqual([
      '/srv/wire/sana',
      resolve('agencies'),
    ]);
  });

  it('refuses a list that names no folder', () => {
    expect(() => loadConfig({ MIDAD_WIRE_FOLDERS: ' , ' })).toThrow(/MIDAD_WIRE_FOLDERS: /);
  });
});

describe('loadConfig, media settings', () => {
  it('keeps uploads under data/media, up to 10 MiB, by default', () => {
    const config = loadConfig({});
    expect([config.mediaDir, config.uploadMaxBytes]).toEqual(['data/media', 10_485_760]);
  });

  it('reads the media folder and the upload limit from the environment', () => {
    const config = loadConfig({
      MIDAD_MEDIA_DIR: '/srv/midad/media',
      MIDAD_UPLOAD_MAX_BYTES: '2097152',
    });
    expect([config.mediaDir, config.uploadMaxBytes]).toEqual(['/srv/midad/media', 2_097_152]);
  });

  it.each(['ten', '1.5', '100', '999999999999'])('refuses the upload limit %j', (limit) => {
    expect(() => loadConfig({ MIDAD_UPLOAD_MAX_BYTES: limit })).toThrow(/MIDAD_UPLOAD_MAX_BYTES: /);
  });

  it('decodes images of at most 50 megapixels by default, or the number of MIDAD_UPLOAD_MAX_PIXELS', () => {
    expect(loadConfig({}).uploadMaxPixels).toBe(50_000_000);
    expect(loadConfig({ MIDAD_UPLOAD_MAX_PIXELS: '24000000' }).uploadMaxPixels).toBe(24_000_000);
  });

  it.each(['fifty', '0', '2.5', '268402690'])('refuses the pixel limit %j', (limit) => {
    expect(() => loadConfig({ MIDAD_UPLOAD_MAX_PIXELS: limit })).toThrow(
      /MIDAD_UPLOAD_MAX_PIXELS: /,
    );
  });
});

describe('loadConfig, trusted proxies (MIDAD_TRUST_PROXY)', () => {
  it('holds at most 10,000 event streams, 50 per client address, unless told otherwise', () => {
    const defaults = loadConfig({});
    expect([defaults.sseMaxConnections, defaults.sseMaxPerAddress]).toEqual([10_000, 50]);
    const set = loadConfig({ MIDAD_SSE_MAX_CONNECTIONS: '300', MIDAD_SSE_MAX_PER_ADDRESS: '200' });
    expect([set.sseMaxConnections, set.sseMaxPerAddress]).toEqual([300, 200]);
    expect(() => loadConfig({ MIDAD_SSE_MAX_PER_ADDRESS: '0' })).toThrow(
      /MIDAD_SSE_MAX_PER_ADDRESS/,
    );
  });

  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ MIDAD_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it.each([
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8,127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    [' ::1 , fd00::/8 ', ['::1', 'fd00::/8']],
    ['loopback', ['loopback']],
  ])('reads the proxies %j', (value, proxies) => {
    expect(loadConfig({ MIDAD_TRUST_PROXY: value }).trustProxy).toEqual(proxies);
  });

  it('refuses true, and says what to write instead', () => {
    expect(() => loadConfig({ MIDAD_TRUST_PROXY: 'true' })).toThrow(
      "Invalid settings: MIDAD_TRUST_PROXY: true would believe the X-Forwarded-For header of any client, so readers could pick their own address; name the proxies' addresses instead: 127.0.0.1 for nginx on this server, or addresses and CIDRs such as 10.0.0.0/8,127.0.0.1",
    );
  });

  it('refuses a count of proxies, which Fastify ignores', () => {
    expect(() => loadConfig({ MIDAD_TRUST_PROXY: '1' })).toThrow(
      /MIDAD_TRUST_PROXY: a count of proxies is not taken .*127\.0\.0\.1 for nginx on this server/,
    );
  });

  it.each(['0.0.0.0/0', '::/0', '0.0.0.0/1,128.0.0.0/1', '127.0.0.1,2000::/3'])(
    'refuses %j, a range that takes in much of the Internet, like true',
    (value) => {
      expect(() => loadConfig({ MIDAD_TRUST_PROXY: value })).toThrow(
        /MIDAD_TRUST_PROXY: ".*" takes in much of the Internet, so readers could pick their own address; name the proxies' addresses instead/,
      );
    },
  );

  it.each(['127.1', '10.0.0.0/33', 'nginx', '127.0.0.1,', '*', '0x7f.0.0.1'])(
    'refuses %j, naming it',
    (value) => {
      expect(() => loadConfig({ MIDAD_TRUST_PROXY: value })).toThrow(
        /MIDAD_TRUST_PROXY: ".*" is not an address, a CIDR or loopback\/linklocal\/uniquelocal/,
      );
    },
  );
});

describe('loadConfig, allowed hosts (MIDAD_ALLOWED_HOSTS)', () => {
  it('is unset by default', () => {
    expect(loadConfig({}).allowedHosts).toBeUndefined();
  });

  it('reads hosts, with or without a port, lower-cased', () => {
    expect(
      loadConfig({ MIDAD_ALLOWED_HOSTS: 'News.Example, www.news.example:8080,[::1]:3000' })
        .allowedHosts,
    ).toEqual(['news.example', 'www.news.example:8080', '[::1]:3000']);
  });

  it.each(['https://news.example', 'news.example/', 'news.example,', '*', 'news example'])(
    'refuses %j, naming the bad entry',
    (value) => {
      expect(() => loadConfig({ MIDAD_ALLOWED_HOSTS: value })).toThrow(
        /MIDAD_ALLOWED_HOSTS: ".*" is not a host such as news.example or news.example:8080/,
      );
    },
  );
});

describe('loadConfig, the mirror kept by the server', () => {
  const dir = { MIDAD_MIRROR_DIR: '/srv/mirror' };

  it('keeps no mirror by default, and waits 60 s after a change when it does', () => {
    const config = loadConfig({});
    expect([config.mirrorDir, config.mirrorPush, config.mirrorHook]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(config.mirrorDelaySeconds).toBe(60);
  });

  it('reads the folder, the push destination, the hook (made absolute) and the delay', () => {
    const config = loadConfig({
      ...dir,
      MIDAD_MIRROR_PUSH: 'deploy@mirror.example:/srv/news/',
      MIDAD_MIRROR_HOOK: 'bin/after-mirror',
      MIDAD_MIRROR_DELAY: '5',
    });
    expect(config).toMatchObject({
      mirrorDir: '/srv/mirror',
      mirrorPush: 'deploy@mirror.example:/srv/news/',
      mirrorHook: resolve('bin/after-mirror'),
      mirrorDelaySeconds: 5,
    });
  });

  it.each(['mirror', './data/mirror', '~/mirror'])('refuses the relative folder %j', (folder) => {
    expect(() => loadConfig({ MIDAD_MIRROR_DIR: folder })).toThrow(
      'Invalid settings: MIDAD_MIRROR_DIR: not an absolute folder such as /srv/mirror',
    );
  });

  it.each([
    [
      'rsync://host/news/ --rsh=x',
      'has a space, a line break or another control character: give one rsync destination',
    ],
    [
      'host:/srv\n/etc',
      'has a space, a line break or another control character: give one rsync destination',
    ],
    ['-e/tmp/x.sh', "starts with '-', which rsync would read as an option"],
    ['mirror/', 'neither rsync://host/module/, [user@]host:path nor an absolute folder'],
  ])('refuses the push destination %j', (push, problem) => {
    expect(() => loadConfig({ ...dir, MIDAD_MIRROR_PUSH: push })).toThrow(
      `Invalid settings: MIDAD_MIRROR_PUSH: ${problem}`,
    );
  });

  it.each([
    ['MIDAD_MIRROR_PUSH', 'rsync://mirror.example/news/'],
    ['MIDAD_MIRROR_HOOK', '/usr/local/bin/after-mirror'],
  ])('refuses %s without MIDAD_MIRROR_DIR', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      `Invalid settings: ${name}: sends the mirror kept in MIDAD_MIRROR_DIR, which is not set`,
    );
  });

  it.each([
    ['MIDAD_MIRROR_DIR', '/tmp/m\nx', 'holds a control character (a line break, a tab)'],
    ['MIDAD_MIRROR_DIR', `/${'m'.repeat(4096)}`, 'longer than 4096 characters'],
    ['MIDAD_MIRROR_PUSH', `h:/${'m'.repeat(100_000)}`, 'longer than 4096 characters'],
    ['MIDAD_MIRROR_HOOK', '/bin/x\ty', 'holds a control character (a line break, a tab)'],
  ])('refuses %s %#', (name, value, problem) => {
    expect(() => loadConfig({ ...dir, [name]: value })).toThrow(
      `Invalid settings: ${name}: ${problem}`,
    );
  });

  it.each(['-1', '3601', '1.5', 'soon', '0x10', '1e2', ' 5 '])('refuses the delay %j', (delay) => {
    expect(() => loadConfig({ ...dir, MIDAD_MIRROR_DELAY: delay })).toThrow(
      /^Invalid settings: MIDAD_MIRROR_DELAY: /,
    );
  });
});
