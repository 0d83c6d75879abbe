import 'server-only'
import { readFileSync } from 'node:fs'
import { eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from './executor'
import { refreshFilmSearchRow } from './film-search-index'
import type { Canon, CanonFilm } from './canon-files'
import {
  corrections,
  credits,
  curatedEntries,
  curatedLists,
  filmFacts,
  filmParts,
  films,
  filmSlugAliases,
  filmSources,
  filmStudios,
  people,
  personSources,
  type CreditRole,
} from './schema'
import { sortTitle } from './search-text'

const correctionSeedSchema = z.object({
  film: z.string().nullable(),
  field: z.enum(['title', 'year', 'description', 'fact', 'introduction']),
  verdict: z.enum(['corrected', 'verified']),
  claim: z.string().min(1),
  finding: z.string().min(1),
  relatedFilm: z.string().optional(),
  sources: z.array(z.url()),
})

const correctionsSeedSchema = z.object({ corrections: z.array(correctionSeedSchema) })
export type CorrectionSeed = z.infer<typeof correctionSeedSchema>

export const BUNDLED_LIST_PATH = new URL('./seed/curated-list.txt', import.meta.url)

/** The curator's corrections of the bundled list, with their sources. */
export function readBundledCorrections(): CorrectionSeed[] {
  const raw = readFileSync(new URL('./seed/corrections.json', import.meta.url), 'utf8')
  return correctionsSeedSchema.parse(JSON.parse(raw)).corrections
}

const CREDITED: Record<
  Exclude<CreditRole, 'cast'>,
  'directors' | 'writers' | 'cinematographers' | 'composers'
> = {
  director: 'directors',
  writer: 'writers',
  cinematographer: 'cinematographers',
  composer: 'composers',
}

/**
 * Inserts or updates every person and film of the canon, keyed by slug, with credits, studios,
 * parts, aliases, sources and search rows. Members' ratings, watchlists and lists refer to films
 * by id, which an update keeps, so they are untouched.
 */
export async function upsertCanon({ films: filmFiles, people: personFiles }: Canon, db: Executor) {
  const personIds = new Map<string, number>()
  // In chunks: one statement per person would make the first start several times slower.
  for (const chunk of chunks(personFiles, 100)) {
    const rows = await db
      .insert(people)
      .values(
        chunk.map((person) => ({
          slug: person.slug,
          name: person.name,
          originalName: person.originalName,
          otherNames: person.otherNames,
          birthYear: person.birthYear,
          deathYear: person.deathYear,
        })),
      )
      .onConflictDoUpdate({
        target: people.slug,
        set: {
          name: sql`excluded.name`,
          originalName: sql`excluded.original_name`,
          otherNames: sql`excluded.other_names`,
          birthYear: sql`excluded.birth_year`,
          deathYear: sql`excluded.death_year`,
        },
      })
      .returning({ id: people.id, slug: people.slug })
    for (const row of rows) personIds.set(row.slug, row.id)
    const ids = rows.map((row) => row.id)
    await db.delete(personSources).where(inArray(personSources.personId, ids))
    await db.insert(personSources).values(
      chunk.flatMap((person) =>
        person.sources.map((url, position) => ({
          personId: personIds.get(person.slug)!,
          position,
          url,
        })),
      ),
    )
  }
  for (const film of filmFiles) await upsertFilm(film, personIds, db)
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
}

async function upsertFilm(seed: CanonFilm, personIds: Map<string, number>, db: Executor) {
  const values = {
    slug: seed.slug,
    title: seed.title,
    altTitles: seed.otherTitles,
    originalTitle: seed.originalTitle,
    originalLanguage: seed.originalLanguage,
    transliteration: seed.transliteration,
    localTitles: seed.localTitle ? [seed.localTitle] : [],
    yearStart: seed.yearStart,
    yearEnd: seed.yearEnd,
    runtimeMinutes: seed.runtimeMinutes,
    runtimeNote: seed.runtimeNote ?? null,
    country: 'Soviet Union',
    synopsis: seed.synopsis,
    colour: seed.colour,
    sortTitle: sortTitle(seed.title),
  }
  const [film] = await db
    .insert(films)
    .values(values)
    .onConflictDoUpdate({ target: films.slug, set: values })
    .returning({ id: films.id })
  const filmId = film!.id
  const personId = (slug: string) => personIds.get(slug)!

  await db.delete(credits).where(eq(credits.filmId, filmId))
  const creditRows = [
    ...Object.entries(CREDITED).flatMap(([role, key]) =>
      seed[key].map((person, position) => ({
        filmId,
        personId: personId(person),
        role: role as CreditRole,
        position,
        character: null,
      })),
    ),
    ...seed.cast.map(({ person, role }, position) => ({
      filmId,
      personId: personId(person),
      role: 'cast' as const,
      position,
      character: role,
    })),
  ]
  if (creditRows.length > 0) await db.insert(credits).values(creditRows).onConflictDoNothing()

  await db.delete(filmStudios).where(eq(filmStudios.filmId, filmId))
  if (seed.studios.length > 0) {
    await db
      .insert(filmStudios)
      .values(seed.studios.map((name, position) => ({ filmId, position, name })))
  }

  await db.delete(filmSources).where(eq(filmSources.filmId, filmId))
  const sourceRows = filmFacts.flatMap((fact) =>
    (seed.facts[fact]?.sources ?? []).map((url, position) => ({
      filmId,
      fact,
      position,
      url,
      note: position === 0 ? (seed.facts[fact]?.note ?? null) : null,
    })),
  )
  if (sourceRows.length > 0) await db.insert(filmSources).values(sourceRows)

  await db.delete(filmParts).where(eq(filmParts.filmId, filmId))
  if (seed.parts?.length) {
    await db
      .insert(filmParts)
      .values(seed.parts.map((part, position) => ({ filmId, position, ...part })))
  }
  for (const alias of seed.aliases ?? []) {
    await db
      .insert(filmSlugAliases)
      .values({ slug: alias, filmId })
      .onConflictDoUpdate({ target: filmSlugAliases.slug, set: { filmId } })
  }
  await refreshFilmSearchRow(filmId, db)
}

/** Replaces the list's corrections with the given ones; entries are found by their film's slug. */
export async function replaceCorrections(
  listSlug: string,
  seeds: CorrectionSeed[],
  db: Executor,
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
