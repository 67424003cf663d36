/**
 * The migrations that add columns to existing tables are idempotent and
 * undo cleanly on both engines (storage/dialects/migration-types.ts:
 * addColumnIfMissing, dropColumnIfPresent).
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as liveCoverage from '../../src/storage/migrations/2026_12_05_1000_create_live_coverage.js';
import * as tagsDescription from '../../src/storage/migrations/2026_12_04_1300_add_tags_description.js';
import * as usersPhoto from '../../src/storage/migrations/2026_12_04_1300_add_users_photo_and_links.js';
import * as wire from '../../src/storage/migrations/2026_12_04_1500_create_wire.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';

/** The column names of `table`, sorted. */
async function columns(db: Kysely<unknown>, table: string, postgres: boolean): Promise<string[]> {
  const { rows } = postgres
    ? await sql<{
        name: string;
      }>`select column_name as name from information_schema.columns where table_name = ${table}`.execute(
        db,
      )
    : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return rows.map((r) => r.name).sort();
}

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  const postgres = dialect === 'postgres';
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    db = database.db as unknown as Kysely<unknown>;
  });
  afterEach(async () => database.close());

  it('running an applied migration again changes nothing', async () => {
    const before = await columns(db, 'articles', postgres);
    await liveCoverage.up(db);
    await wire.up(db);
    await tagsDescription.up(db);
    await usersPhoto.up(db);
    expect(await columns(db, 'articles', postgres)).toEqual(before);
    expect(before).toEqual(
      expect.arrayContaining(['live_state', 'live_next_number', 'wire_item_id']),
    );
  });

  it('down drops the added columns, and up adds them back with their defaults', async () => {
    await usersPhoto.down(db);
    await tagsDescription.down(db);
    expect(await columns(db, 'users', postgres)).not.toContain('links');
    expect(await columns(db, 'tags', postgres)).not.toContain('description');
    await sql`insert into tags (name, slug) values ('سوريا', 'syria')`.execute(db);
    await tagsDescription.up(db);
    await usersPhoto.up(db);
    const { rows } = await sql<{ description: string }>`select description from tags`.execute(db);
    expect(rows).toEqual([{ description: '' }]);
    expect(await columns(db, 'users', postgres)).toEqual(
      expect.arrayContaining(['links', 'photo_media_id']),
    );
  });
});
