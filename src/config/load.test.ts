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
