/**
 * The search index of a database's engine.
 */
import type { Database } from '../storage/database.js';
import { postgresTsvector } from './postgres-tsvector.js';
import type { SearchIndex } from './search-index.js';
import { sqliteFts5 } from './sqlite-fts5.js';

/** The index adapter for `database`: FTS5 on SQLite, tsvector on PostgreSQL. */
export function searchIndexFor(database: Pick<Database, 'dialect'>): SearchIndex {
  switch (database.dialect) {
    case 'sqlite':
      return sqliteFts5;
    case 'postgres':
      return postgresTsvector;
  }
}
