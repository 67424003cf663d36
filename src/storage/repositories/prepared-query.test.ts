import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../database.js';
import { preparedQuery } from './prepared-query.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ file: ':memory:' });
});
afterAll(async () => {
  await database.close();
});

describe('preparedQuery', () => {
  it('runs the query compiled once with each call’s values in their places, constants kept', async () => {
    let builds = 0;
    const sections = preparedQuery(2, (db, values: [string, number]) => {
      builds += 1;
      return db
        .selectFrom('sections')
        .select('slug')
        .where('slug', '!=', values[0])
        .where('slug', 'like', 'zz-%')
        .orderBy('slug')
        .limit(values[1]);
    });
    await sql`insert into sections (slug, name, created_at) values ('zz-a', 'A', ''), ('zz-b', 'B', ''), ('zz-c', 'C', '')`.execute(
      database.db,
    );
    expect(await sections(database.db, ['zz-a', 1])).toEqual([{ slug: 'zz-b' }]);
    expect(await sections(database.db, ['zz-b', 2])).toEqual([{ slug: 'zz-a' }, { slug: 'zz-c' }]);
    expect(builds).toBe(1);
  });

  it('takes a raw sql query using one value twice', async () => {
    const twice = preparedQuery(
      1,
      (_db, values: [number]) => sql<{ n: number }>`
      select ${values[0]} + ${values[0]} as n`,
    );
    expect(await twice(database.db, [2])).toEqual([{ n: 4 }]);
    expect(await twice(database.db, [5])).toEqual([{ n: 10 }]);
  });
});
