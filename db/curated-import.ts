import 'server-only'
import { eq } from 'drizzle-orm'
import type { Database } from './client'
import type { Executor } from './executor'
import { parseCuratedList, type ParsedEntry, type ParsedList } from './curated-list-parser'
import { refreshFilmSearchRow } from './film-search-index'
import { curatedEntries, curatedLists, films, filmSlugAliases } from './schema'
import { slugify, sortTitle } from './search-text'

export type ImportReport = {
  entries: number
  added: number
  changed: number
  unchanged: number
  removed: number
  createdFilms: string[]
  warnings: string[]
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; errors: string[] }

export type ListIdentity = { slug: string; title: string }

/** Rolls the transaction back with messages meant for the person importing. */
class ImportRejected extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'))
  }
}

/**
 * Imports a curated list file into the list `identity.slug`, all or nothing. Entries are keyed
 * by their film, so importing an edited file updates entries in place.
 */
export async function importCuratedList(
  source: string,
  identity: ListIdentity,
  db: Database,
): Promise<ImportResult> {
  const parsed = parseCuratedList(source)
  if (!parsed.ok) return parsed
  try {
    const report = await db.transaction((tx) => applyCuratedList(parsed.list, identity, tx))
    return { ok: true, report }
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, errors: error.errors }
    throw error
  }
}

export async function applyCuratedList(
  list: ParsedList,
  identity: ListIdentity,
  db: Executor,
): Promise<ImportReport> {
  const report: ImportReport = {
    entries: list.entries.length,
    added: 0,
    changed: 0,
    unchanged: 0,
    removed: 0,
    createdFilms: [],
    warnings: [...list.warnings],
  }
  const listId = await upsertList(
    identity.slug,
    list.title ?? identity.title,
    list.introduction,
    db,
  )

  const filmIds: number[] = []
  const firstLineOfFilm = new Map<number, number>()
  const duplicates: string[] = []
  for (const entry of list.entries) {
    const film = await resolveFilm(entry, report, db)
    const earlier = firstLineOfFilm.get(film.id)
    if (earlier !== undefined) {
      duplicates.push(`line ${entry.line}: "${entry.title}" is the same film as line ${earlier}`)
    }
    firstLineOfFilm.set(film.id, entry.line)
    filmIds.push(film.id)
  }
  if (duplicates.length > 0) throw new ImportRejected(duplicates)

  const existing = await db.select().from(curatedEntries).where(eq(curatedEntries.listId, listId))
  const byFilm = new Map(existing.map((row) => [row.filmId, row]))
  for (const [position, entry] of list.entries.entries()) {
    const filmId = filmIds[position]!
    const values = {
      position,
      listedTitle: entry.title,
      listedYear: entry.yearText,
      description: entry.description,
      fact: entry.fact,
    }
    const row = byFilm.get(filmId)
    byFilm.delete(filmId)
    if (!row) {
      await db.insert(curatedEntries).values({ listId, filmId, ...values })
      report.added++
    } else if (
      row.position === values.position &&
      row.listedTitle === values.listedTitle &&
      row.listedYear === values.listedYear &&
      row.description === values.description &&
      row.fact === values.fact
    ) {
      report.unchanged++
    } else {
      await db.update(curatedEntries).set(values).where(eq(curatedEntries.id, row.id))
      report.changed++
    }
  }
  for (const stale of byFilm.values()) {
    await db.delete(curatedEntries).where(eq(curatedEntries.id, stale.id))
    report.removed++
  }
  return report
}

async function upsertList(slug: string, title: string, introduction: string, db: Executor) {
  const [row] = await db
    .insert(curatedLists)
    .values({ slug, title, introduction })
    .onConflictDoUpdate({ target: curatedLists.slug, set: { title, introduction } })
    .returning({ id: curatedLists.id })
  return row!.id
}

/** Finds the entry's film by slug or old slug, creating a bare film when the catalogue lacks it. */
async function resolveFilm(entry: ParsedEntry, report: ImportReport, db: Executor) {
  const slug = slugify(entry.title)
  const columns = { id: films.id, yearStart: films.yearStart, yearEnd: films.yearEnd }
  const bySlug = await db.select(columns).from(films).where(eq(films.slug, slug))
  const [film] =
    bySlug.length > 0
      ? bySlug
      : await db
          .select(columns)
          .from(filmSlugAliases)
          .innerJoin(films, eq(films.id, filmSlugAliases.filmId))
          .where(eq(filmSlugAliases.slug, slug))
  if (film) {
    if (film.yearStart !== entry.yearStart || film.yearEnd !== entry.yearEnd) {
      const catalogued = film.yearEnd ? `${film.yearStart}–${film.yearEnd}` : `${film.yearStart}`
      report.warnings.push(
        `line ${entry.line}: "${entry.title}" is listed as ${entry.yearText}; the catalogue has ${catalogued}`,
      )
    }
    return film
  }
  const [created] = await db
    .insert(films)
    .values({
      slug,
      title: entry.title,
      yearStart: entry.yearStart,
      yearEnd: entry.yearEnd,
      sortTitle: sortTitle(entry.title),
    })
    .returning(columns)
  await refreshFilmSearchRow(created!.id, db)
  report.createdFilms.push(slug)
  return created!
}

export function describeReport(report: ImportReport): string {
  const parts = [`${report.added} added`, `${report.changed} changed`]
  if (report.unchanged > 0) parts.push(`${report.unchanged} unchanged`)
  if (report.removed > 0) parts.push(`${report.removed} removed`)
  return `${report.entries} entries: ${parts.join(', ')}`
}
