/**
 * The case lists in SQL: a query's filters (role, status, applicant, matter, region, state, reference prefix,
 * overdue) as one WHERE clause, its order and its page, so a queue of any length is filtered and paged by SQLite, not
 * in memory; and reference numbers, claimed inside the transaction of the submit that takes them.
 */
import type Database from 'better-sqlite3';
import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { CaseFacet, CaseQuery, ReferenceClaim } from '../types.ts';
import * as schema from './schema.ts';

type Db = BetterSQLite3Database<typeof schema>;
const c = schema.cases;

/** Thrown inside a case write's transaction when its reference number was taken first: rolls the write back. */
export class ReferenceTaken extends Error {}

/** The WHERE clause of a case query (undefined: every case). */
export function caseWhere(query: CaseQuery): SQL | undefined {
  const where: SQL[] = [];
  // a parallel state's regions keep their roles space-separated ("clerk police"): a queue is each one's
  const owns = (role: string) => or(eq(c.role, role), sql`instr(' ' || ${c.role} || ' ', ${` ${role} `}) > 0`)!;
  if (query.role) where.push(owns(query.role));
  if (query.roles) where.push(query.roles.length > 0 ? or(...query.roles.map(owns))! : sql`0`);
  if (query.status) where.push(eq(c.status, query.status));
  if (query.applicant) where.push(eq(c.applicant, query.applicant));
  if (query.matterId) where.push(eq(c.matterId, query.matterId));
  if (query.region) where.push(eq(c.region, query.region));
  if (query.state) {
    // the state column joins a parallel state's leaf paths with ","; a path's children continue it with "."
    const s = query.state;
    where.push(or(eq(c.state, s), sql`instr(',' || ${c.state} || ',', ${`,${s},`}) > 0`, sql`instr(',' || ${c.state}, ${`,${s}.`}) > 0`)!);
  }
  if (query.reference !== undefined) {
    // references are upper case ASCII: a prefix is a range of the unique index (U+FFFF sorts after every one)
    const prefix = query.reference.toUpperCase();
    where.push(and(gte(c.reference, prefix), lt(c.reference, `${prefix}\uffff`))!);
  }
  if (query.overdue) {
    const late = sql`exists (select 1 from deadlines d where d.case_id = ${c.id} and d.kind = 'promised' and d.met_at is null and d.paused_at is null and d.due_at < ${query.overdue.now})`;
    where.push(query.overdue.overdue ? late : sql`not ${late}`);
  }
  return where.length ? and(...where) : undefined;
}

const dueAt = sql`(select d.due_at from deadlines d where d.case_id = ${c.id} and d.kind = 'promised')`;

/** The ORDER BY of a case query: always ends with the id, so pages never overlap or skip. */
function caseOrder(query: CaseQuery): SQL[] {
  if (query.order === 'newest') return [desc(c.createdAt), desc(c.id)];
  if (query.order === 'due') return [sql`${dueAt} is null`, asc(dueAt), asc(c.createdAt), asc(c.id)];
  return [asc(c.createdAt), asc(c.id)];
}

// A page's bounds must be whole numbers (the HTTP layer checks its own; an embedder's bad page is a programmer error).
function checkPage(query: CaseQuery): void {
  for (const key of ['offset', 'limit'] as const) {
    const value = query[key];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(`query.${key} must be a whole number from 0, not ${String(value)}`);
  }
  if (query.overdue && !Number.isFinite(query.overdue.now)) throw new RangeError('query.overdue.now must be a time in milliseconds');
}

/** The case rows a query selects, in its order, its page only. */
export function selectCases(db: Db, query: CaseQuery): (typeof schema.cases.$inferSelect)[] {
  checkPage(query);
  const ordered = db.select().from(c).where(caseWhere(query)).orderBy(...caseOrder(query));
  if (query.limit === undefined && !query.offset) return ordered.all();
  return ordered.limit(query.limit ?? -1).offset(query.offset ?? 0).all();
}

/** How many cases a query selects. */
export function countCases(db: Db, query: CaseQuery): number {
  return db.select({ n: count() }).from(c).where(caseWhere(query)).get()?.n ?? 0;
}

/** Each matter version, region and state of a query's cases, with how many. */
export function caseFacets(db: Db, query: CaseQuery): CaseFacet[] {
  return db.select({ matterId: c.matterId, version: c.version, region: c.region, state: c.state, count: count() }).from(c).where(caseWhere(query))
    .groupBy(c.matterId, c.version, c.region, c.state).orderBy(asc(c.matterId), asc(c.region), asc(c.version), asc(c.state)).all();
}

/** The year's reference counter: read, and claimed (the next number only) inside a case write's transaction. */
export class ReferenceCounter {
  private readonly last;
  private readonly claimNext;

  constructor(sqlite: Database.Database) {
    this.last = sqlite.prepare<[number], { last: number }>('select last from reference_counters where year = ?');
    // a year's first number (1) inserts its row; later ones move the counter only from the number before theirs
    this.claimNext = sqlite.prepare(`insert into reference_counters (year, last)
      select @year, @seq where @seq = 1 or exists (select 1 from reference_counters where year = @year)
      on conflict (year) do update set last = excluded.last where reference_counters.last = excluded.last - 1`);
  }

  lastOf(year: number): number {
    return this.last.get(year)?.last ?? 0;
  }

  /** Claims `seq` of `year` (call inside the write's transaction); throws ReferenceTaken unless it was the next. */
  claim(claim: ReferenceClaim): void {
    if (!Number.isSafeInteger(claim.year) || !Number.isSafeInteger(claim.seq) || claim.seq < 1) throw new RangeError(`a reference claim needs a year and a number from 1: ${JSON.stringify(claim)}`);
    if (this.claimNext.run({ year: claim.year, seq: claim.seq }).changes !== 1) throw new ReferenceTaken();
  }
}
