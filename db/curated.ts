import 'server-only'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { entryFilmColumns, withDirectors, type PersonLink } from './catalogue'
import { correctionsByEntry, type CorrectionView } from './films'
import { corrections, curatedEntries, curatedLists, films } from './schema'

export type CuratedListView = {
  slug: string
  title: string
  introduction: string
  corrections: CorrectionView[]
  entries: {
    position: number
    listedTitle: string
    listedYear: string
    description: string
    fact: string
    /** Null when the film is not in the catalogue: the entry is shown as the curator's text. */
    film: { id: number; slug: string; title: string; yearStart: number; yearEnd: number | null; originalTitle: string | null; originalLanguage: string | null; directors: PersonLink[] } | null // prettier-ignore
    corrections: CorrectionView[]
  }[]
}

/** A curated list with its entries in the curator's order and its corrections. */
export async function findCuratedList(
  slug: string,
  db: Database = getDb(),
): Promise<CuratedListView | null> {
  const [list] = await db.select().from(curatedLists).where(eq(curatedLists.slug, slug))
  if (!list) return null
  const rows = await db
    .select({
      entryId: curatedEntries.id,
      position: curatedEntries.position,
      listedTitle: curatedEntries.listedTitle,
      listedYear: curatedEntries.listedYear,
      description: curatedEntries.description,
      fact: curatedEntries.fact,
      ...entryFilmColumns,
    })
    .from(curatedEntries)
    .leftJoin(films, eq(films.id, curatedEntries.filmId))
    .where(eq(curatedEntries.listId, list.id))
    .orderBy(asc(curatedEntries.position))
  const linked = rows.filter((r): r is typeof r & { id: number } => r.id !== null)
  const [withDirs, byEntry, listCorrections] = await Promise.all([
    withDirectors(linked, db),
    correctionsByEntry(
      rows.map((r) => r.entryId),
      db,
    ),
    db
      .select()
      .from(corrections)
      .where(and(eq(corrections.listId, list.id), isNull(corrections.entryId)))
      .orderBy(asc(corrections.position)),
  ])
  return {
    slug: list.slug,
    title: list.title,
    introduction: list.introduction,
    corrections: listCorrections.map((c) => ({
      field: c.field,
      verdict: c.verdict,
      claim: c.claim,
      finding: c.finding,
      sources: c.sources,
      relatedFilm: null,
    })),
    entries: rows.map((r) => {
      const film = withDirs.find((f) => f.entryId === r.entryId)
      return {
        position: r.position,
        listedTitle: r.listedTitle,
        listedYear: r.listedYear,
        description: r.description,
        fact: r.fact,
        film: film
          ? {
              id: film.id,
              slug: film.slug!,
              title: film.title!,
              yearStart: film.yearStart!,
              yearEnd: film.yearEnd,
              originalTitle: film.originalTitle,
              originalLanguage: film.originalLanguage,
              directors: film.directors,
            }
          : null,
        corrections: byEntry.get(r.entryId) ?? [],
      }
    }),
  }
}

/** The slugs of the films on the curated list `slug` (none when there is no such list). */
export async function curatedFilmSlugs(slug: string, db: Database = getDb()): Promise<string[]> {
  const rows = await db
    .select({ slug: films.slug })
    .from(curatedEntries)
    .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
    .innerJoin(films, eq(films.id, curatedEntries.filmId))
    .where(eq(curatedLists.slug, slug))
  return rows.map((row) => row.slug)
}
