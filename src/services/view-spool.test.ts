import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../../test/helpers/temp-folder.js';
import { workerSpoolFile, workerSpoolFiles } from './view-spool.js';

describe('workerSpoolFiles', () => {
  it('lists the workers whose spool or half-applied spool is there, not reserves or other files', () => {
    const folder = testFolder('worker-spools');
    const file = join(folder, 'midad.db.views-spool.jsonl');
    for (const name of [
      'midad.db.views-spool.jsonl',
      'midad.db.views-spool.jsonl.w2',
      'midad.db.views-spool.jsonl.w10.applying-123-1796431986607',
      'midad.db.views-spool.jsonl.w3.reserve',
      'midad.db.views-spool.jsonl.wx',
      'other.db.views-spool.jsonl.w4',
    ])
      writeFileSync(join(folder, name), '');
    expect(workerSpoolFiles(file)).toEqual([workerSpoolFile(file, 2), workerSpoolFile(file, 10)]);
    expect(workerSpoolFile(file, 2)).toBe(`${file}.w2`);
  });

  it('finds none when the folder does not exist', () => {
    expect(workerSpoolFiles(join(testFolder('worker-spools'), 'gone', 'x.jsonl'))).toEqual([]);
  });
});
