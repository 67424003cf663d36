import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { readGhostExport } from './read-ghost-export.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/ghost');
const options = { timeZone: 'Asia/Amman' };

async function refusal(file: string, maxBytes?: number): Promise<AppError> {
  try {
    await readGhostExport(file, { ...options, ...(maxBytes === undefined ? {} : { maxBytes }) });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${file} was read`);
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'midad-ghost-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readGhostExport refuses', () => {
  it('a file that is not well-formed JSON, naming line and column, never the secret beside the error', async () => {
    const error = await refusal(join(FIXTURES, 'malformed.json'));
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      "The Ghost export is not well-formed JSON: Expected ',' or '}' after property value at line 7, column 7.",
    );
    expect(error.details).toEqual({ line: 7, column: 7 });
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify([error.message, error.details, error.toUserMessage()])).not.toContain(
      'FAKE-SECRET',
    );
  });

  it('a broken file where V8 would quote the text around the error', async () => {
    const path = await file(
      'quoted.json',
      '{"db": [{"data": {"api_keys": [{"secret": "FAKE-KEY-77"}], "x": tru}}]}',
    );
    const error = await refusal(path);
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The Ghost export is not well-formed JSON: Unexpected character at line 1, column 65.',
    );
    expect(error.message).not.toContain('FAKE-KEY');
  });

  it('nesting deeper than any Ghost export, even inside a table it does not use', async () => {
    const path = await file('deep.json', `{"db": [{"data": {"members": ${'['.repeat(100_000)}`);
    const error = await refusal(path);
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The Ghost export is not well-formed JSON: Nested deeper than 256 levels at line 1, column 282.',
    );
  });

  it.each<[string, string]>([
    [
      '{"foo":1}',
      'The JSON document is not a Ghost export: it has neither a "db" list nor a "data" object of tables.',
    ],
    ['[1, 2]', 'The JSON document is not a Ghost export: it is not a JSON object.'],
    ['{"db": {}}', 'The JSON document is not a Ghost export: its "db" is not a list of exports.'],
    [
      '{"db": [{"meta": {}, "data": {"users": []}}]}',
      'The JSON document is not a Ghost export: it has no "posts" table.',
    ],
    [
      '{"meta": {}, "data": {"posts": [], "tags": {"a": 1}}}',
      'The JSON document is not a Ghost export: its table "tags" is not a list of rows.',
    ],
  ])('a JSON document that is not a Ghost export: %s', async (json, message) => {
    const error = await refusal(await file('other.json', json));
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(message);
  });

  it('the fixture that is not Ghost', async () => {
    const error = await refusal(join(FIXTURES, 'not-ghost.json'));
    expect(error.message).toBe(
      'The JSON document is not a Ghost export: it has neither a "db" list nor a "data" object of tables.',
    );
  });

  it("a row of a used table that is not of Ghost's shape, naming the field and never the value", async () => {
    const json = JSON.stringify({
      meta: {},
      data: {
        posts: [],
        users: [{ id: '1', name: 'أ', slug: 'a', email: { secret: 'FAKE-EMAIL-OBJECT' } }],
      },
    });
    const error = await refusal(await file('row.json', json));
    expect(error.message).toBe(
      'The Ghost export\'s table "users", row 1: field "email" is not of the expected type.',
    );
  });

  it('a post whose body is not text, before any post is yielded', async () => {
    const json = JSON.stringify({
      meta: {},
      data: { posts: [{ id: 'p1', title: 'خبر', status: 'published', html: ['FAKE'] }] },
    });
    const error = await refusal(await file('body.json', json));
    expect(error.message).toBe(
      'The Ghost export\'s table "posts", row 1: field "html" is not of the expected type.',
    );
  });

  it('the posts of a file changed since it was first read', async () => {
    const path = await file(
      'changed.json',
      JSON.stringify({
        meta: {},
        data: { posts: [{ id: 'p1', title: 'خبر', status: 'published' }] },
      }),
    );
    const site = await readGhostExport(path, options);
    expect(site.postCount).toBe(1);
    await utimes(path, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const error: unknown = await (async () => {
      for await (const post of site.posts()) void post;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_FILE_CHANGED');
    expect((error as AppError).message).toBe(
      `The Ghost export ${path} changed while it was imported (size 80 → 80 bytes); run the import again.`,
    );
  });

  it('never reads the rows of a table it does not use', async () => {
    const json = JSON.stringify({
      meta: {},
      data: { posts: [], members: [42, 'x'], api_keys: 'FAKE' },
    });
    const site = await readGhostExport(await file('ignored.json', json), options);
    expect(site.postCount).toBe(0);
    expect(
      JSON.stringify([...site.linkTargets.entries(), site.tally, site.authors, site.tags]),
    ).not.toContain('FAKE');
  });

  it('a file over the size limit, before reading it', async () => {
    const path = await file('large.json', new Uint8Array(2_500_000).fill(0x20));
    const error = await refusal(path, 1_000_000);
    expect(error.code).toBe('IMPORT_FILE_TOO_LARGE');
    expect(error.message).toBe('The Ghost export is 2.5 MB; at most 1.0 MB is read.');
    expect(error.details).toEqual({ bytes: 2_500_000, max: 1_000_000 });
  });

  it('a file that is not UTF-8', async () => {
    const error = await refusal(
      await file('latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])),
    );
    expect(error.message).toBe('The Ghost export is not UTF-8 text.');
  });

  it('a device, which is not a regular file', async () => {
    const error = await refusal('/dev/null');
    expect(error.message).toBe('The Ghost export is not a regular file.');
  });

  it('a named pipe, without waiting for a writer', async () => {
    const fifo = join(dir, 'export.fifo');
    execFileSync('mkfifo', [fifo]);
    const error = await refusal(fifo);
    expect(error.message).toBe('The Ghost export is not a regular file.');
  });

  it("with the file system's error when there is no such file", async () => {
    await expect(readGhostExport(join(dir, 'missing.json'), options)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('readGhostExport reads', () => {
  it('a file that starts with a byte-order mark', async () => {
    const path = await file('bom.json', '\uFEFF{"meta": {}, "data": {"posts": []}}');
    expect((await readGhostExport(path, options)).postCount).toBe(0);
  });
});
