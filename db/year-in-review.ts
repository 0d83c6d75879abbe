import 'server-only'
import { and, asc, between, eq, inArray } from 'drizzle-orm'
import { MAX_SCORE } from '@/lib/scores'
import { getDb, type Database } from './client'
import { credits, diaryEntries, films, people } from './schema'

export type YearInReview = {
  year: number
  viewings: number
  films: number
  /** Total running time of the viewings, in minutes (films without a known one count nothing). */
  minutes: number
  /** Viewings by the decade the film came out, oldest decade first. */
  byDecade: { decade: number; viewings: number }[]
  /** How many viewings had each score: index 0 for ½ star … 9 for 5 stars. */
  ratings: number[]
  /** The director (or directors, tied) of the most viewings, and how many. */
  topDirectors: { slug: string; name: string; viewings: number }[]
}

/**
 * A member's year from their diary. Only for an owner whose diary the viewer may see (see
 * visibleDiaryOwner).
 */
export async function yearInReview(
  owner: { id: string },
  year: number,
  db: Database = getDb(),
): Promise<YearInReview> {
  const viewings = await db
    .select({
      filmId: diaryEntries.filmId,
      yearStart: films.yearStart,
      runtime: films.runtimeMinutes,
      score: diaryEntries.score,
    })
    .from(diaryEntries)
    .innerJoin(films, eq(films.id, diaryEntries.filmId))
    .where(and(eq(diaryEntries.userId, owner.id), between(diaryEntries.watchedOn, `${year}-01-01`, `${year}-12-31`))) // prettier-ignore
  const filmIds = [...new Set(viewings.map((v) => v.filmId))]
  const directors = filmIds.length
    ? await db
        .select({ filmId: credits.filmId, slug: people.slug, name: people.name })
        .from(credits)
        .innerJoin(people, eq(people.id, credits.personId))
        .where(and(eq(credits.role, 'director'), inArray(credits.filmId, filmIds)))
        .orderBy(asc(people.name))
    : []

  const decades = new Map<number, number>()
  const ratings = Array.from({ length: MAX_SCORE }, () => 0)
  const byDirector = new Map<string, { slug: string; name: string; viewings: number }>()
  for (const viewing of viewings) {
    const decade = Math.floor(viewing.yearStart / 10) * 10
    decades.set(decade, (decades.get(decade) ?? 0) + 1)
    if (viewing.score !== null) ratings[viewing.score - 1]! += 1
    for (const director of directors.filter((d) => d.filmId === viewing.filmId)) {
      const seen = byDirector.get(director.slug) ?? { slug: director.slug, name: director.name, viewings: 0 } // prettier-ignore
      seen.viewings += 1
      byDirector.set(director.slug, seen)
    }
  }
  const most = Math.max(0, ...[...byDirector.values()].map((d) => d.viewings))
  return {
    year,
    viewings: viewings.length,
    films: filmIds.length,
    minutes: viewings.reduce((sum, v) => sum + (v.runtime ?? 0), 0),
    byDecade: [...decades.entries()].sort(([a], [b]) => a - b).map(([decade, n]) => ({ decade, viewings: n })), // prettier-ignore
    ratings,
    topDirectors: most > 0 ? [...byDirector.values()].filter((d) => d.viewings === most) : [],
  }
}
