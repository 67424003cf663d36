/**
 * The search index of a database's engine.
 */
import type { Database } from '../storage/database.js';
import type { SearchIndex } from './search-index.js';
import { sqliteFts5 } from './sqlite-fts5.js';

/** The index adapter for `database`. @throws Error for an engine without one. */
export function searchIndexFor(database: Pick<Database, 'dialect'>): SearchIndex {
  switch (database.dialect) {
    case 'sqlite':
      return sqliteFts5;
    case 'postgres':
      throw new Error('the PostgreSQL search index is not available yet');
  }
}
