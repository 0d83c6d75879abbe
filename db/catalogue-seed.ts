import 'server-only'
import { readFileSync } from 'node:fs'
import { eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from './executor'
import { refreshFilmSearchRow } from './film-search-index'
import {
  corrections,
  creditRoles,
  credits,
  curatedEntries,
  curatedLists,
  filmParts,
  films,
  filmSlugAliases,
  people,
  type CreditRole,
} from './schema'
import { slugify, sortTitle } from './search-text'

const year = z.number().int().min(1880).max(2100)

const filmSeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  altTitles: z.array(z.string()).default([]),
  aliases: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  originalTitle: z.string().min(1),
  originalLanguage: z.string().default('ru'),
  transliteration: z.string().min(1),
  localTitles: z.array(z.object({ lang: z.string(), title: z.string() })).default([]),
  yearStart: year,
  yearEnd: year.optional(),
  runtimeMinutes: z.number().int().positive(),
  runtimeNote: z.string().optional(),
  studios: z.array(z.string()),
  country: z.string().default('Soviet Union'),
  synopsis: z.string().min(1),
  directors: z.array(z.string()).min(1),
  cast: z.array(z.string()),
  parts: z.array(z.object({ title: z.string(), year })).default([]),
})

const correctionSeedSchema = z.object({
  film: z.string().nullable(),
  field: z.enum(['title', 'year', 'description', 'fact', 'introduction']),
  verdict: z.enum(['corrected', 'verified']),
  claim: z.string().min(1),
  finding: z.string().min(1),
  relatedFilm: z.string().optional(),
  sources: z.array(z.url()),
})

export const catalogueSeedSchema = z.object({
  films: z.array(filmSeedSchema),
  corrections: z.array(correctionSeedSchema),
})

export type CatalogueSeed = z.infer<typeof catalogueSeedSchema>
export type FilmSeed = z.infer<typeof filmSeedSchema>

export const BUNDLED_LIST_PATH = new URL('./seed/curated-list.txt', import.meta.url)

export function readBundledCatalogue(): CatalogueSeed {
  const raw = readFileSync(new URL('./seed/catalogue.json', import.meta.url), 'utf8')
  return catalogueSeedSchema.parse(JSON.parse(raw))
}

/** Inserts or updates each film, keyed by slug, with its people, parts, aliases and search row. */
export async function upsertFilms(db: Executor, seeds: FilmSeed[]): Promise<void> {
  for (const seed of seeds) {
    const values = {
      slug: seed.slug,
      title: seed.title,
      altTitles: seed.altTitles,
      originalTitle: seed.originalTitle,
      originalLanguage: seed.originalLanguage,
      transliteration: seed.transliteration,
      localTitles: seed.localTitles,
      yearStart: seed.yearStart,
      yearEnd: seed.yearEnd ?? null,
      runtimeMinutes: seed.runtimeMinutes,
      runtimeNote: seed.runtimeNote ?? null,
      studios: seed.studios,
      country: seed.country,
      synopsis: seed.synopsis,
      sortTitle: sortTitle(seed.title),
    }
    const [film] = await db
      .insert(films)
      .values(values)
      .onConflictDoUpdate({ target: films.slug, set: values })
      .returning({ id: films.id })
    const filmId = film!.id

    await db.delete(credits).where(eq(credits.filmId, filmId))
    const roles: Record<CreditRole, string[]> = { director: seed.directors, cast: seed.cast }
    for (const role of creditRoles) {
      for (const [position, name] of roles[role].entries()) {
        const personId = await upsertPerson(db, name)
        await db.insert(credits).values({ filmId, personId, role, position })
      }
    }

    await db.delete(filmParts).where(eq(filmParts.filmId, filmId))
    if (seed.parts.length > 0) {
      await db
        .insert(filmParts)
        .values(seed.parts.map((part, position) => ({ filmId, position, ...part })))
    }
    for (const alias of seed.aliases) {
      await db
        .insert(filmSlugAliases)
        .values({ slug: alias, filmId })
        .onConflictDoUpdate({ target: filmSlugAliases.slug, set: { filmId } })
    }
    await refreshFilmSearchRow(db, filmId)
  }
}

async function upsertPerson(db: Executor, name: string): Promise<number> {
  const [person] = await db
    .insert(people)
    .values({ slug: slugify(name), name })
    .onConflictDoUpdate({ target: people.slug, set: { name } })
    .returning({ id: people.id })
  return person!.id
}

/** Replaces the list's corrections with the given ones; entries are found by their film's slug. */
export async function replaceCorrections(
  db: Executor,
  listSlug: string,
  seeds: CatalogueSeed['corrections'],
): Promise<void> {
  const [list] = await db
    .select({ id: curatedLists.id })
    .from(curatedLists)
    .where(eq(curatedLists.slug, listSlug))
  if (!list) throw new Error(`No curated list "${listSlug}" to attach corrections to`)

  const slugs = seeds.flatMap((s) => [s.film, s.relatedFilm]).filter((s): s is string => !!s)
  const filmRows = slugs.length
    ? await db.select({ id: films.id, slug: films.slug }).from(films).where(inArray(films.slug, slugs)) // prettier-ignore
    : []
  const filmIds = new Map(filmRows.map((f) => [f.slug, f.id]))
  const entryRows = await db
    .select({ id: curatedEntries.id, filmId: curatedEntries.filmId })
    .from(curatedEntries)
    .where(eq(curatedEntries.listId, list.id))
  const entryIds = new Map(entryRows.map((e) => [e.filmId, e.id]))

  await db.delete(corrections).where(eq(corrections.listId, list.id))
  for (const [position, seed] of seeds.entries()) {
    let entryId: number | null = null
    if (seed.film !== null) {
      const filmId = filmIds.get(seed.film)
      entryId = filmId === undefined ? null : (entryIds.get(filmId) ?? null)
      if (entryId === null) throw new Error(`Correction for "${seed.film}": no such list entry`)
    }
    await db.insert(corrections).values({
      listId: list.id,
      entryId,
      field: seed.field,
      verdict: seed.verdict,
      claim: seed.claim,
      finding: seed.finding,
      relatedFilmId: seed.relatedFilm ? (filmIds.get(seed.relatedFilm) ?? null) : null,
      sources: seed.sources,
      position,
    })
  }
}

export async function countFilms(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(films)
  return row?.n ?? 0
}
