/**
 * Queries built and compiled once per database, then run with new values:
 * Kysely builds and compiles a query on every call, which cost an article
 * page some 120 µs of CPU for its row and its related articles at 100,000
 * articles (more than SQLite took to run them). Used for the queries every
 * uncached article page runs.
 */
import type { CompiledQuery } from 'kysely';
import type { Db } from '../db.js';

/** Where a value goes: built into the query in its place, found again in the compiled parameters. */
class Slot {
  constructor(readonly index: number) {}
}

/** A query builder (`compile()`) or a raw `sql` query (`compile(db)`). */
export interface Buildable<R> {
  compile(db: Db): CompiledQuery<R>;
}

/** A query compiled for one database: its SQL, and for each parameter its slot (or -1: a constant). */
interface Compiled<R> {
  query: CompiledQuery<R>;
  slots: number[];
}

/**
 * A function running the query that `build` makes, with `values` in the
 * places `build` puts them. `build` is called once per database (or
 * transaction) with a placeholder for each value, so it must only put
 * each value in the query as a bound value (`where(col, '=', v)`,
 * `limit(v)`, `${v}` in `sql`), never test it or spread it (an `in` list
 * of a varying length cannot be compiled once). `arity` is how many values
 * the query takes.
 */
export function preparedQuery<V extends readonly unknown[], R>(
  arity: V['length'],
  build: (db: Db, values: V) => Buildable<R>,
): (db: Db, values: V) => Promise<R[]> {
  const compiled = new WeakMap<Db, Compiled<R>>();
  return async (db, values) => {
    let kept = compiled.get(db);
    if (kept === undefined) {
      const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
      const query = build(db, slots as unknown as V).compile(db);
      kept = {
        query,
        slots: query.parameters.map((p) => (p instanceof Slot ? p.index : -1)),
      };
      compiled.set(db, kept);
    }
    const { query, slots } = kept;
    const parameters = slots.map((slot, i) => (slot === -1 ? query.parameters[i] : values[slot]));
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

/**
 * The query of `build`, compiled once for each limit, with the limit as a
 * literal: SQLite (3.51) prepares a statement with a bound `LIMIT ?` again
 * on every run, since the bound value may change its plan. That cost a tag
 * list 40 µs of CPU instead of 14 at 100,000 articles (issue 21). Limits
 * are the callers' constants, so few statements are kept.
 */
export function withLiteralLimit<V extends readonly unknown[], R>(
  arity: V['length'],
  build: (db: Db, values: V, limit: number) => Buildable<R>,
): (db: Db, values: V, limit: number) => Promise<R[]> {
  const byLimit = new Map<number, (db: Db, values: V) => Promise<R[]>>();
  return (db, values, limit) => {
    let query = byLimit.get(limit);
    if (query === undefined) {
      query = preparedQuery(arity, (d, v: V) => build(d, v, limit));
      byLimit.set(limit, query);
    }
    return query(db, values);
  };
}
