import 'server-only'
import { asc, eq, sql } from 'drizzle-orm'
import type { Executor } from './executor'
import { credits, films, people } from './schema'
import { foldText } from './search-text'

/** Rewrites one film's row in the full-text index from its titles and credited people. */
export async function refreshFilmSearchRow(filmId: number, db: Executor): Promise<void> {
  const [film] = await db.select().from(films).where(eq(films.id, filmId))
  if (!film) return
  const names = await db
    .select({ name: people.name, originalName: people.originalName })
    .from(credits)
    .innerJoin(people, eq(people.id, credits.personId))
    .where(eq(credits.filmId, filmId))
    .orderBy(asc(credits.position))
  const body = foldText(
    [
      film.title,
      ...film.altTitles,
      film.originalTitle,
      film.transliteration,
      ...film.localTitles.map((t) => t.title),
      ...names.flatMap((n) => [n.name, n.originalName]),
    ]
      .filter(Boolean)
      .join(' '),
  )
  await db.run(sql`delete from film_search where rowid = ${filmId}`)
  await db.run(sql`insert into film_search (rowid, body) values (${filmId}, ${body})`)
}
