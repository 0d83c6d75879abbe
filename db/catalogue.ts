import 'server-only'
import { and, asc, between, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { getDb, type Database } from './client'
import type { CatalogueQuery } from './catalogue-query'
import { filmSearch } from './film-search-table'
import { withRatingTotals, type RatingTotals } from './ratings'
import { credits, filmRatingTotals, films, filmStudios, people } from './schema'
import { toFtsQuery } from './search-text'

export type PersonLink = { slug: string; name: string }

export type FilmCard = {
  id: number
  slug: string
  title: string
  originalTitle: string | null
  originalLanguage: string | null
  transliteration: string | null
  yearStart: number
  yearEnd: number | null
  runtimeMinutes: number | null
  directors: PersonLink[]
}

/** A catalogue card also shows the film's average rating. */
export type CatalogueCard = FilmCard & RatingTotals

export type CataloguePage = {
  films: CatalogueCard[]
  total: number
  page: number
  pageCount: number
  pageSize: number
}

export const CATALOGUE_PAGE_SIZE = 20

/** What a list entry (curated or a member's) shows of its film. */
export const entryFilmColumns = {
  id: films.id,
  slug: films.slug,
  title: films.title,
  yearStart: films.yearStart,
  yearEnd: films.yearEnd,
  originalTitle: films.originalTitle,
  originalLanguage: films.originalLanguage,
}

/** The columns a film card shows, for every query that lists films. */
export const cardColumns = {
  id: films.id,
  slug: films.slug,
  title: films.title,
  originalTitle: films.originalTitle,
  originalLanguage: films.originalLanguage,
  transliteration: films.transliteration,
  yearStart: films.yearStart,
  yearEnd: films.yearEnd,
  runtimeMinutes: films.runtimeMinutes,
}

export async function searchCatalogue(
  query: CatalogueQuery,
  { pageSize = CATALOGUE_PAGE_SIZE }: { pageSize?: number } = {},
  db: Database = getDb(),
): Promise<CataloguePage> {
  const fts = query.q ? toFtsQuery(query.q) : null
  const conditions: SQL[] = []
  if (query.q && fts === null) return { films: [], total: 0, page: 1, pageCount: 0, pageSize }
  if (fts !== null) conditions.push(sql`${filmSearch} match ${fts}`)
  if (query.decade !== null) {
    // Films made in the decade, or series that started earlier and ran into it; each side of
    // the OR has its own index.
    const { decade } = query
    conditions.push(
      or(
        between(films.yearStart, decade, decade + 9),
        and(lt(films.yearStart, decade), gte(films.yearEnd, decade)),
      )!,
    )
  }
  if (query.director !== null) {
    conditions.push(
      inArray(
        films.id,
        db
          .select({ filmId: credits.filmId })
          .from(credits)
          .where(
            and(
              inArray(credits.personId, peopleNamed(query.director, db)),
              eq(credits.role, 'director'),
            ),
          ),
      ),
    )
  }
  if (query.person !== null) {
    conditions.push(
      inArray(
        films.id,
        db
          .select({ filmId: credits.filmId })
          .from(credits)
          .where(inArray(credits.personId, peopleNamed(query.person, db))),
      ),
    )
  }
  if (query.studio !== null) {
    conditions.push(
      inArray(
        films.id,
        db
          .select({ filmId: filmStudios.filmId })
          .from(filmStudios)
          .where(eq(filmStudios.name, query.studio)),
      ),
    )
  }
  if (query.colour !== null) conditions.push(eq(films.colour, query.colour))
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const sort = fts === null && query.sort === 'relevance' ? 'title' : query.sort
  const byRating = sort === 'rating' || sort === 'most-rated'
  const base = () => {
    const from = db.select(cardColumns).from(films)
    const searched =
      fts === null ? from : from.innerJoin(filmSearch, eq(filmSearch.rowid, films.id))
    return byRating
      ? searched.innerJoin(filmRatingTotals, eq(filmRatingTotals.filmId, films.id))
      : searched
  }
  const counted = db.select({ n: sql<number>`count(*)` }).from(films)
  const [countRow] = await (fts === null
    ? counted.where(where)
    : counted.innerJoin(filmSearch, eq(filmSearch.rowid, films.id)).where(where))
  const total = countRow?.n ?? 0
  const pageCount = Math.ceil(total / pageSize)
  const page = Math.min(query.page, Math.max(pageCount, 1))

  const order = {
    relevance: [asc(filmSearch.rank), asc(films.sortTitle)],
    title: [asc(films.sortTitle), asc(films.yearStart)],
    year: [asc(films.yearStart), asc(films.sortTitle)],
    'year-desc': [desc(films.yearStart), asc(films.sortTitle)],
    // Each is the exact column order of one index on film_rating_totals, whose entries end in
    // film_id: films nobody has rated (null average) come last, and equal titles keep their order.
    rating: [
      desc(filmRatingTotals.average),
      desc(filmRatingTotals.ratingCount),
      asc(filmRatingTotals.sortTitle),
      asc(filmRatingTotals.filmId),
    ],
    'most-rated': [
      desc(filmRatingTotals.ratingCount),
      desc(filmRatingTotals.average),
      asc(filmRatingTotals.sortTitle),
      asc(filmRatingTotals.filmId),
    ],
  }[sort]

  const rows = await base()
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const cards = await withRatingTotals(await withDirectors(rows, db), db)
  return { films: cards, total, page, pageCount, pageSize }
}

/** Adds each film's directors, in credit order, with one query for the whole page. */
export async function withDirectors<T extends { id: number }>(
  rows: T[],
  db: Database,
): Promise<(T & { directors: PersonLink[] })[]> {
  if (rows.length === 0) return []
  const directorRows = await db
    .select({ filmId: credits.filmId, slug: people.slug, name: people.name })
    .from(credits)
    .innerJoin(people, eq(people.id, credits.personId))
    .where(
      and(
        inArray(
          credits.filmId,
          rows.map((r) => r.id),
        ),
        eq(credits.role, 'director'),
      ),
    )
    .orderBy(asc(credits.position))
  return rows.map((row) => ({
    ...row,
    directors: directorRows
      .filter((d) => d.filmId === row.id)
      .map(({ slug, name }) => ({ slug, name })),
  }))
}

/** People whose slug is `text`, or whose name (English or original) contains it. */
function peopleNamed(text: string, db: Database) {
  const part = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return db
    .select({ id: people.id })
    .from(people)
    .where(
      or(
        eq(people.slug, text),
        sql`${people.name} like ${part} escape '\\'`,
        sql`${people.originalName} like ${part} escape '\\'`,
      ),
    )
}

/** Every studio with films in the catalogue, for the studio filter: a walk of one index. */
export async function catalogueStudios(db: Database = getDb()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: filmStudios.name })
    .from(filmStudios)
    .orderBy(asc(filmStudios.name))
  return rows.map((row) => row.name)
}

/** The directors a catalogue filter's text names, for showing what it matched. */
export async function directorsNamed(text: string, db: Database = getDb()): Promise<PersonLink[]> {
  return db
    .selectDistinct({ slug: people.slug, name: people.name })
    .from(credits)
    .innerJoin(people, eq(people.id, credits.personId))
    .where(and(inArray(credits.personId, peopleNamed(text, db)), eq(credits.role, 'director')))
    .orderBy(asc(people.name))
    .limit(10)
}

/**
 * The decades that have films, for the decade filter. Each decade between the first and last
 * year is one index probe, so the cost does not grow with the catalogue.
 */
export async function catalogueDecades(db: Database = getDb()): Promise<number[]> {
  const rows = await db.all<{ decade: number }>(sql`
    with recursive decade(start) as (
      select (min(${films.yearStart}) / 10) * 10 from ${films}
      union all
      select start + 10 from decade where start + 10 <= (select max(${films.yearStart}) from ${films})
    )
    select start as decade from decade
    where exists (select 1 from ${films} where ${films.yearStart} between start and start + 9)`)
  return rows.map((row) => row.decade).filter((decade) => decade !== null)
}

export type DecadeCount = { decade: number; films: number }

/** How many films each decade has, for the walk through the canon by decade. */
export async function decadeCounts(db: Database = getDb()): Promise<DecadeCount[]> {
  const decades = await catalogueDecades(db)
  return Promise.all(
    decades.map(async (decade) => {
      const [row] = await db
        .select({ n: sql<number>`count(*)` })
        .from(films)
        .where(between(films.yearStart, decade, decade + 9))
      return { decade, films: row?.n ?? 0 }
    }),
  )
}

/** The films first released in a decade, oldest first, as cards; at most `limit` of them. */
export async function filmsOfDecade(decade: number, limit = 200, db: Database = getDb()) {
  const rows = await db
    .select(cardColumns)
    .from(films)
    .where(between(films.yearStart, decade, decade + 9))
    .orderBy(asc(films.yearStart), asc(films.sortTitle))
    .limit(limit)
  return withDirectors(rows, db)
}
