import { join } from 'node:path'
import type { InStatement, ResultSet } from '@libsql/client'
import { searchCatalogue } from '@/db/catalogue'
import { parseCatalogueQuery } from '@/db/catalogue-query'
import { countFilms } from '@/db/catalogue-seed'
import { openDatabaseFile, type Database } from '@/db/client'
import { migrateDatabase, seedIfEmpty } from '@/db/prepare'
import { insertSyntheticFilms } from './synthetic'
import { insertSyntheticRatings } from './synthetic-ratings'

export type SearchTiming = {
  label: string
  params: Record<string, string>
  total: number
  medianMs: number
  p95Ms: number
}

export type QueryPlan = { sql: string; plan: string[] }

export type SearchRun = {
  films: number
  synthetic: number
  insertMs: number
  ratings: number
  ratingsInsertMs: number
  runs: number
  timings: SearchTiming[]
  explain: { params: Record<string, string>; statements: QueryPlan[] }[]
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!

async function time(db: Database, params: Record<string, string>, runs: number) {
  const query = parseCatalogueQuery(params)
  let total = 0
  for (let i = 0; i < 3; i++) total = (await searchCatalogue(query, {}, db)).total
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await searchCatalogue(query, {}, db)
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return { total, medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) }
}

/** Records the statements one catalogue search sends, with SQLite's plan for each. */
async function explain(db: Database, params: Record<string, string>): Promise<QueryPlan[]> {
  const client = db.$client
  const original = client.execute
  const execute = original.bind(client) as (statement: InStatement) => Promise<ResultSet>
  const seen: InStatement[] = []
  client.execute = ((statement: InStatement) => {
    seen.push(statement)
    return execute(statement)
  }) as typeof client.execute
  try {
    await searchCatalogue(parseCatalogueQuery(params), {}, db)
  } finally {
    client.execute = original
  }
  const plans: QueryPlan[] = []
  for (const statement of seen) {
    const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
    const { rows } = await client.execute({ sql: `explain query plan ${sql}`, args })
    const depth = new Map<number, number>([[0, -1]])
    const plan = rows.map((row) => {
      const level = (depth.get(Number(row.parent)) ?? 0) + 1
      depth.set(Number(row.id), level)
      return `${'  '.repeat(level)}${row.detail}`
    })
    plans.push({ sql, plan })
  }
  return plans
}

export async function runSearchBench(
  dir: string,
  filmCount: number,
  runs = 50,
): Promise<SearchRun> {
  const filePath = join(dir, 'search.db')
  const db = openDatabaseFile(filePath)
  try {
    await migrateDatabase({ embedded: true }, db)
    await seedIfEmpty(db)
    const start = performance.now()
    const { directorSlugs } = await insertSyntheticFilms(db, filmCount)
    const insertMs = performance.now() - start
    const films = await countFilms(db)
    console.log(`Inserted ${filmCount} synthetic films in ${(insertMs / 1000).toFixed(1)} s`)
    const ratingsStart = performance.now()
    const { ratings } = await insertSyntheticRatings(db)
    const ratingsInsertMs = performance.now() - ratingsStart
    console.log(`Inserted ${ratings} synthetic ratings in ${(ratingsInsertMs / 1000).toFixed(1)} s`)

    const cases: [string, Record<string, string>][] = [
      ['q=zhuravli (transliteration)', { q: 'zhuravli' }],
      ['q=журавли (Cyrillic)', { q: 'журавли' }],
      ['q=cranes', { q: 'cranes' }],
      ['q=the (common prefix)', { q: 'the' }],
      ['q=the, page 50', { q: 'the', page: '50' }],
      ['q=road, decade 1960', { q: 'road', decade: '1960' }],
      ['decade 1950', { decade: '1950' }],
      ['director (synthetic)', { director: directorSlugs[0]! }],
      ['director mikhail-kalatozov', { director: 'mikhail-kalatozov' }],
      ['all films, sort by year', { sort: 'year' }],
      ['all films, page 50', { page: '50' }],
      ['all films, sort by rating', { sort: 'rating' }],
      ['all films, sort by rating, page 50', { sort: 'rating', page: '50' }],
      ['all films, sort by rating, page 4000', { sort: 'rating', page: '4000' }],
      ['all films, sort by most rated', { sort: 'most-rated' }],
      ['decade 1950, sort by rating', { decade: '1950', sort: 'rating' }],
    ]
    const timings: SearchTiming[] = []
    for (const [label, params] of cases) {
      const timing = await time(db, params, runs)
      timings.push({ label, params, ...timing })
      console.log(
        `  ${label}: ${timing.total} found, median ${timing.medianMs.toFixed(2)} ms, p95 ${timing.p95Ms.toFixed(2)} ms`,
      )
    }
    const explained: Record<string, string>[] = [
      { q: 'zhuravli' },
      { sort: 'rating' },
      { sort: 'most-rated' },
    ]
    const plans: SearchRun['explain'] = []
    for (const params of explained) plans.push({ params, statements: await explain(db, params) })
    return {
      films,
      synthetic: filmCount,
      insertMs,
      ratings,
      ratingsInsertMs,
      runs,
      timings,
      explain: plans,
    }
  } finally {
    db.$client.close()
  }
}
