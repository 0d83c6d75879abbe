import { sql } from 'drizzle-orm'
import { openDatabaseFile } from '@/db/client'
import { MAX_SCORE } from '@/lib/scores'
import { median } from './load'

// The rating load's database side: the write counter, and the checks made once the load stopped.

export type RatingAggregates = {
  /** Rows in `ratings` for the film once the load has stopped. */
  ratings: number
  /** Whether every trigger-kept count and total equals a fresh count over `ratings`. */
  exact: boolean
  mismatches: {
    filmId: number
    what: string | number
    kept: string | number
    counted: string | number
  }[]
}

/**
 * A bench-only counter of the rows the load really changes: a trigger on `ratings` adds one for
 * every inserted rating and every update that changes a score. It costs each write one more row
 * update in the same transaction (measured by `counterCost`).
 */
export async function installWriteCounter(dbFile: string) {
  const db = openDatabaseFile(dbFile)
  await db.$client.batch(
    [
      'create table bench_rating_writes (id integer primary key check (id = 1), n integer not null)',
      'insert into bench_rating_writes (id, n) values (1, 0)',
      ...COUNTER_TRIGGERS,
    ],
    'write',
  )
  return {
    read: async () =>
      Number((await db.$client.execute('select n from bench_rating_writes')).rows[0]!.n),
    close: () => db.$client.close(),
  }
}

const COUNTER_TRIGGERS = [
  `create trigger bench_rating_writes_insert after insert on ratings
     begin update bench_rating_writes set n = n + 1 where id = 1; end`,
  `create trigger bench_rating_writes_update after update of score on ratings
     when old.score is not new.score
     begin update bench_rating_writes set n = n + 1 where id = 1; end`,
]

export type CounterCost = { writes: number; withCounterMs: number; withoutCounterMs: number }

/**
 * What the counter's trigger adds to one rating write: the same single-row update, each in its own
 * transaction as the action's, timed in turns with the counter's triggers present and dropped.
 */
export async function counterCost(
  dbFile: string,
  { userId, filmId }: { userId: string; filmId: number },
  writes = 300,
): Promise<CounterCost> {
  const db = openDatabaseFile(dbFile)
  const client = db.$client
  const time = async () => {
    const start = performance.now()
    for (let i = 0; i < writes; i++) {
      await client.execute({
        sql: 'update ratings set score = ? where user_id = ? and film_id = ?',
        args: [(i % MAX_SCORE) + 1, userId, filmId],
      })
    }
    return (performance.now() - start) / writes
  }
  const drop = () =>
    client.batch(
      ['drop trigger bench_rating_writes_insert', 'drop trigger bench_rating_writes_update'],
      'write',
    )
  try {
    const withCounter: number[] = []
    const withoutCounter: number[] = []
    for (let round = 0; round < 3; round++) {
      withCounter.push(await time())
      await drop()
      withoutCounter.push(await time())
      await client.batch(COUNTER_TRIGGERS, 'write')
    }
    return { writes, withCounterMs: median(withCounter), withoutCounterMs: median(withoutCounter) }
  } finally {
    client.close()
  }
}

/** Members whose rating of the film is neither the last score confirmed nor the last one sent. */
export async function unexpectedScores(
  dbFile: string,
  filmId: number,
  expected: Map<string, Set<number>>,
) {
  const db = openDatabaseFile(dbFile)
  try {
    const rows = await db.all<{ userId: string; score: number }>(
      sql`select user_id as userId, score from ratings where film_id = ${filmId}`,
    )
    const scores = new Map(rows.map((row) => [row.userId, row.score]))
    return [...expected].flatMap(([userId, allowed]) => {
      const score = scores.get(userId) ?? 0
      return allowed.has(score) ? [] : [{ userId, score, expected: [...allowed] }]
    })
  } finally {
    db.$client.close()
  }
}

export function filmIdOf(dbFile: string, slug: string): Promise<number> {
  const db = openDatabaseFile(dbFile)
  return db
    .get<{ id: number }>(sql`select id from films where slug = ${slug}`)
    .then((row) => row.id)
    .finally(() => db.$client.close())
}

/**
 * Compares what the triggers kept (per-score counts and per-film totals) with a fresh count over
 * every rating.
 */
export async function ratingAggregates(dbFile: string, filmId: number): Promise<RatingAggregates> {
  const db = openDatabaseFile(dbFile)
  try {
    const scoreMismatches = await db.all<RatingAggregates['mismatches'][number]>(sql`
      with counted as (select film_id, score, count(*) as n from ratings group by film_id, score),
           kept as (select film_id, score, count as n from film_rating_counts where count <> 0)
      select coalesce(kept.film_id, counted.film_id) as filmId,
             coalesce(kept.score, counted.score) as what,
             coalesce(kept.n, 0) as kept, coalesce(counted.n, 0) as counted
      from kept full outer join counted using (film_id, score)
      where coalesce(kept.n, 0) <> coalesce(counted.n, 0)`)
    const totalMismatches = await db.all<RatingAggregates['mismatches'][number]>(sql`
      with counted as (
        select films.id as film_id, count(ratings.score) as n, coalesce(sum(ratings.score), 0) as s
        from films left join ratings on ratings.film_id = films.id group by films.id)
      select counted.film_id as filmId, 'count, sum' as what,
             film_rating_totals.rating_count || ', ' || film_rating_totals.half_star_sum as kept,
             counted.n || ', ' || counted.s as counted
      from counted left join film_rating_totals using (film_id)
      where film_rating_totals.film_id is null
         or film_rating_totals.rating_count <> counted.n
         or film_rating_totals.half_star_sum <> counted.s`)
    const mismatches = [...scoreMismatches, ...totalMismatches]
    const row = await db.get<{ n: number }>(
      sql`select count(*) as n from ratings where film_id = ${filmId}`,
    )
    return { ratings: row.n, exact: mismatches.length === 0, mismatches }
  } finally {
    db.$client.close()
  }
}
