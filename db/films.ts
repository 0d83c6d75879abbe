import 'server-only'
import { asc, eq, inArray, sql } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { featuredListId } from './featured-choice'
import { cardColumns, withDirectors, type FilmCard, type PersonLink } from './catalogue'
import { alias } from 'drizzle-orm/sqlite-core'
import {
  corrections,
  credits,
  curatedEntries,
  curatedLists,
  filmParts,
  films,
  filmFacts,
  filmSlugAliases,
  filmSources,
  filmStudios,
  people,
  personSources,
  type CorrectionVerdict,
  type CreditRole,
  type FilmColour,
  type FilmFact,
  type LocalTitle,
} from './schema'

export type CorrectionView = {
  field: string
  verdict: CorrectionVerdict
  claim: string
  finding: string
  sources: string[]
  relatedFilm: { slug: string; title: string } | null
}

export type CuratedMention = {
  /** `featured`: the list the home page shows. */
  list: { slug: string; title: string; featured: boolean }
  listedTitle: string
  listedYear: string
  position: number
  description: string
  fact: string
  corrections: CorrectionView[]
}

export type FilmDetails = {
  id: number
  slug: string
  title: string
  altTitles: string[]
  originalTitle: string | null
  originalLanguage: string | null
  transliteration: string | null
  localTitles: LocalTitle[]
  yearStart: number
  yearEnd: number | null
  runtimeMinutes: number | null
  runtimeNote: string | null
  studios: string[]
  country: string | null
  synopsis: string | null
  colour: FilmColour | null
  parts: { title: string; year: number }[]
  directors: PersonLink[]
  writers: PersonLink[]
  cinematographers: PersonLink[]
  composers: PersonLink[]
  cast: (PersonLink & { character: string | null })[]
  sources: FactSources[]
  curated: CuratedMention[]
}

export type FactSources = { fact: FilmFact; urls: string[]; note: string | null }

/** What a change to a member's ratings, watchlist or lists names a film by. */
export type FilmRef = { id: number; slug: string; title: string }

/** The film with this id, or null when there is none (a forged or stale form). */
export async function findFilmRef(filmId: number, db: Database = getDb()): Promise<FilmRef | null> {
  const [film] = await db
    .select({ id: films.id, slug: films.slug, title: films.title })
    .from(films)
    .where(eq(films.id, filmId))
  return film ?? null
}

export type FilmLookup =
  { kind: 'film'; film: FilmDetails } | { kind: 'redirect'; slug: string } | { kind: 'missing' }

/** The film page's data, or where an old slug now lives. */
export async function findFilmBySlug(slug: string, db: Database = getDb()): Promise<FilmLookup> {
  const [film] = await db.select().from(films).where(eq(films.slug, slug))
  if (!film) {
    const [aliased] = await db
      .select({ slug: films.slug })
      .from(filmSlugAliases)
      .innerJoin(films, eq(films.id, filmSlugAliases.filmId))
      .where(eq(filmSlugAliases.slug, slug))
    return aliased ? { kind: 'redirect', slug: aliased.slug } : { kind: 'missing' }
  }
  const [parts, people, curated, studios, sources] = await Promise.all([
    db
      .select({ title: filmParts.title, year: filmParts.year })
      .from(filmParts)
      .where(eq(filmParts.filmId, film.id))
      .orderBy(asc(filmParts.position)),
    creditsOf(film.id, db),
    curatedMentions(film.id, db),
    db
      .select({ name: filmStudios.name })
      .from(filmStudios)
      .where(eq(filmStudios.filmId, film.id))
      .orderBy(asc(filmStudios.position)),
    sourcesOf(film.id, db),
  ])
  const { sortTitle: _sortTitle, ...details } = film
  return {
    kind: 'film',
    film: {
      ...details,
      parts,
      studios: studios.map((s) => s.name),
      directors: credited(people, 'director'),
      writers: credited(people, 'writer'),
      cinematographers: credited(people, 'cinematographer'),
      composers: credited(people, 'composer'),
      cast: people
        .filter((p) => p.role === 'cast')
        .map(({ slug, name, character }) => ({ slug, name, character })),
      sources,
      curated,
    },
  }
}

const credited = (rows: { slug: string; name: string; role: CreditRole }[], role: CreditRole) =>
  rows.filter((p) => p.role === role).map(({ slug, name }) => ({ slug, name }))

/** The sources of each fact, in the order the facts are shown, each with its note. */
async function sourcesOf(filmId: number, db: Database): Promise<FactSources[]> {
  const rows = await db
    .select({ fact: filmSources.fact, url: filmSources.url, note: filmSources.note })
    .from(filmSources)
    .where(eq(filmSources.filmId, filmId))
    .orderBy(asc(filmSources.position))
  return filmFacts.flatMap((fact) => {
    const own = rows.filter((row) => row.fact === fact)
    if (own.length === 0) return []
    return [{ fact, urls: own.map((r) => r.url), note: own.find((r) => r.note)?.note ?? null }]
  })
}

function creditsOf(filmId: number, db: Database) {
  return db
    .select({
      slug: people.slug,
      name: people.name,
      role: credits.role,
      character: credits.character,
    })
    .from(credits)
    .innerJoin(people, eq(people.id, credits.personId))
    .where(eq(credits.filmId, filmId))
    .orderBy(asc(credits.position))
}

async function curatedMentions(filmId: number, db: Database): Promise<CuratedMention[]> {
  const entries = await db
    .select({
      id: curatedEntries.id,
      listSlug: curatedLists.slug,
      listTitle: curatedLists.title,
      featured: sql<boolean>`${curatedLists.id} = ${featuredListId}`.mapWith(Boolean),
      listedTitle: curatedEntries.listedTitle,
      listedYear: curatedEntries.listedYear,
      position: curatedEntries.position,
      description: curatedEntries.description,
      fact: curatedEntries.fact,
    })
    .from(curatedEntries)
    .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
    .where(eq(curatedEntries.filmId, filmId))
    // The featured list's notes first.
    .orderBy(sql`${curatedLists.id} = ${featuredListId} desc`, asc(curatedLists.id))
  const byEntry = await correctionsByEntry(
    entries.map((e) => e.id),
    db,
  )
  return entries.map(({ id, listSlug, listTitle, featured, ...entry }) => ({
    list: { slug: listSlug, title: listTitle, featured },
    ...entry,
    corrections: byEntry.get(id) ?? [],
  }))
}

/** Corrections of the given curated entries, grouped by entry id. */
export async function correctionsByEntry(
  entryIds: number[],
  db: Database,
): Promise<Map<number, CorrectionView[]>> {
  const grouped = new Map<number, CorrectionView[]>()
  if (entryIds.length === 0) return grouped
  const related = alias(films, 'related')
  const rows = await db
    .select({
      entryId: corrections.entryId,
      field: corrections.field,
      verdict: corrections.verdict,
      claim: corrections.claim,
      finding: corrections.finding,
      sources: corrections.sources,
      relatedSlug: related.slug,
      relatedTitle: related.title,
    })
    .from(corrections)
    .leftJoin(related, eq(related.id, corrections.relatedFilmId))
    .where(inArray(corrections.entryId, entryIds))
    .orderBy(asc(corrections.position))
  for (const { entryId, relatedSlug, relatedTitle, ...row } of rows) {
    if (entryId === null) continue
    const view = {
      ...row,
      relatedFilm: relatedSlug && relatedTitle ? { slug: relatedSlug, title: relatedTitle } : null,
    }
    grouped.set(entryId, [...(grouped.get(entryId) ?? []), view])
  }
  return grouped
}

export type PersonCredit = { role: CreditRole; character: string | null }

export type PersonPage = {
  slug: string
  name: string
  originalName: string | null
  otherNames: string[]
  birthYear: number | null
  deathYear: number | null
  sources: string[]
  films: (FilmCard & { credits: PersonCredit[] })[]
}

export async function findPersonBySlug(
  slug: string,
  db: Database = getDb(),
): Promise<PersonPage | null> {
  const [person] = await db
    .select({
      id: people.id,
      slug: people.slug,
      name: people.name,
      originalName: people.originalName,
      otherNames: people.otherNames,
      birthYear: people.birthYear,
      deathYear: people.deathYear,
    })
    .from(people)
    .where(eq(people.slug, slug))
  if (!person) return null
  const [rows, sources] = await Promise.all([
    db
      .select({ ...cardColumns, role: credits.role, character: credits.character })
      .from(credits)
      .innerJoin(films, eq(films.id, credits.filmId))
      .where(eq(credits.personId, person.id))
      .orderBy(asc(films.yearStart), asc(films.sortTitle)),
    db
      .select({ url: personSources.url })
      .from(personSources)
      .where(eq(personSources.personId, person.id))
      .orderBy(asc(personSources.position)),
  ])
  const byFilm = new Map<number, FilmCard & { credits: PersonCredit[] }>()
  const cards = await withDirectors(rows, db)
  for (const { role, character, ...film } of cards) {
    const seen = byFilm.get(film.id)
    if (seen) seen.credits.push({ role, character })
    else byFilm.set(film.id, { ...film, credits: [{ role, character }] })
  }
  const { id: _id, ...details } = person
  return { ...details, sources: sources.map((s) => s.url), films: [...byFilm.values()] }
}

/** Every film's slug, for the sitemap. */
export async function allFilmSlugs(db: Database = getDb()) {
  return db.select({ slug: films.slug }).from(films).orderBy(asc(films.id))
}

export async function allPersonSlugs(db: Database = getDb()) {
  return db.select({ slug: people.slug }).from(people).orderBy(asc(people.id))
}

/** A film's reference by its slug, where an old slug now points, or null for neither. */
export async function findFilmRefBySlug(
  slug: string,
  db: Database = getDb(),
): Promise<{ kind: 'film'; film: FilmRef } | { kind: 'redirect'; slug: string } | null> {
  const [film] = await db
    .select({ id: films.id, slug: films.slug, title: films.title })
    .from(films)
    .where(eq(films.slug, slug))
  if (film) return { kind: 'film', film }
  const [aliased] = await db
    .select({ slug: films.slug })
    .from(filmSlugAliases)
    .innerJoin(films, eq(films.id, filmSlugAliases.filmId))
    .where(eq(filmSlugAliases.slug, slug))
  return aliased ? { kind: 'redirect', slug: aliased.slug } : null
}
