import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { sortTitle } from '@/db/search-text'

// The catalogue as the code before the canon (migration 0007) made it: ten films, studios in a
// JSON column. For tests of migrations that a database of that time went through.
type FilmBeforeCanon = {
  slug: string
  title: string
  originalTitle: string
  transliteration: string
  yearStart: number
  yearEnd?: number
  runtimeMinutes: number
  studios: string[]
  synopsis: string
  directors: string[]
  cast: string[]
}

export const FILMS_BEFORE_CANON = (
  JSON.parse(
    readFileSync(new URL('../fixtures/catalogue-before-canon.json', import.meta.url), 'utf8'),
  ) as { films: FilmBeforeCanon[] }
).films

export async function insertFilmsBeforeCanon(db: Database) {
  for (const film of FILMS_BEFORE_CANON) {
    await db.run(sql`insert into films (slug, title, original_title, original_language,
      transliteration, year_start, year_end, runtime_minutes, studios, country, synopsis, sort_title)
      values (${film.slug}, ${film.title}, ${film.originalTitle}, 'ru', ${film.transliteration},
      ${film.yearStart}, ${film.yearEnd ?? null}, ${film.runtimeMinutes},
      ${JSON.stringify(film.studios)}, 'Soviet Union', ${film.synopsis}, ${sortTitle(film.title)})`)
  }
}
