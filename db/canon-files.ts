import 'server-only'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { filmColours, filmFacts, type FilmFact } from './schema'

// The bundled canon: one reviewable JSON file per film and per person under db/seed/canon/, every
// fact with the sources it was taken from (see db/seed/canon/FORMAT.md).

export const CANON_DIR = new URL('./seed/canon/', import.meta.url).pathname
export const FIRST_YEAR = 1941
export const LAST_YEAR = 1991

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug: a-z, 0-9 and single hyphens')
const url = z.url({ protocol: /^https?$/ })
const name = z.string().trim().min(1).max(200)
const year = z.number().int().min(1800).max(2100)

const factSchema = z.strictObject({
  sources: z.array(url),
  note: z.string().min(1).optional(),
})

const filmFileSchema = z.strictObject({
  slug,
  aliases: z.array(slug).optional(),
  title: name,
  otherTitles: z.array(name),
  originalTitle: name.nullable(),
  originalLanguage: z.string().regex(/^[a-z]{2,3}$/),
  localTitle: z.strictObject({ lang: z.string().regex(/^[a-z]{2,3}$/), title: name }).nullable(),
  transliteration: name.nullable(),
  yearStart: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  yearEnd: z.number().int().min(FIRST_YEAR).max(LAST_YEAR).nullable(),
  parts: z.array(z.strictObject({ title: name, year })).optional(),
  directors: z.array(slug).min(1),
  writers: z.array(slug),
  cinematographers: z.array(slug),
  composers: z.array(slug),
  cast: z.array(z.strictObject({ person: slug, role: name.nullable() })).max(6),
  studios: z.array(name),
  runtimeMinutes: z.number().int().positive().max(1000).nullable(),
  runtimeNote: z.string().min(1).optional(),
  colour: z.enum(filmColours).nullable(),
  synopsis: z.string().trim().min(20).max(800),
  facts: z.partialRecord(z.enum(filmFacts), factSchema),
})

const personFileSchema = z.strictObject({
  slug,
  name,
  otherNames: z.array(name),
  originalName: name.nullable(),
  birthYear: year.nullable(),
  deathYear: year.nullable(),
  sources: z.array(url).min(1),
})

export type CanonFilm = z.output<typeof filmFileSchema>
export type CanonPerson = z.output<typeof personFileSchema>
export type Canon = { films: CanonFilm[]; people: CanonPerson[]; version: string }

/** Which facts a film states: each of these needs at least one source. */
export function statedFacts(film: CanonFilm): FilmFact[] {
  const stated: Record<FilmFact, boolean> = {
    titles: true,
    year: true,
    directors: true,
    writers: film.writers.length > 0,
    cinematographers: film.cinematographers.length > 0,
    composers: film.composers.length > 0,
    cast: film.cast.length > 0,
    studios: film.studios.length > 0,
    runtime: film.runtimeMinutes !== null,
    colour: film.colour !== null,
    synopsis: true,
  }
  return filmFacts.filter((fact) => stated[fact])
}

/** What is wrong with the canon as a whole, each problem named by its file. */
export function canonProblems({ films, people }: Omit<Canon, 'version'>): string[] {
  const problems: string[] = []
  const personSlugs = new Set(people.map((p) => p.slug))
  const seen = new Map<string, string>()
  const once = (key: string, file: string, what: string) => {
    const other = seen.get(key)
    if (other) problems.push(`${file}: ${what} also used by ${other}`)
    else seen.set(key, file)
  }
  for (const person of people) once(`person:${person.slug}`, `people/${person.slug}.json`, 'slug')
  for (const film of films) {
    const file = `films/${film.slug}.json`
    for (const s of [film.slug, ...(film.aliases ?? [])]) once(`film:${s}`, file, `slug ${s}`)
    once(`title:${film.title.toLowerCase()}|${film.yearStart}`, file, `title ${film.title}`)
    if (film.yearEnd !== null && film.yearEnd < film.yearStart)
      problems.push(`${file}: yearEnd before yearStart`)
    const credited = [...film.directors, ...film.writers, ...film.cinematographers, ...film.composers, ...film.cast.map((c) => c.person)] // prettier-ignore
    for (const person of credited) {
      if (!personSlugs.has(person)) problems.push(`${file}: no person file for ${person}`)
    }
    for (const fact of statedFacts(film)) {
      if (!film.facts[fact]?.sources.length) problems.push(`${file}: ${fact} has no source`)
    }
  }
  return problems
}

function readJsonFiles<T>(folder: string, schema: z.ZodType<T>): T[] {
  const dir = join(CANON_DIR, folder)
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')))
      if (parsed.success) return parsed.data
      throw new Error(`${folder}/${file}: ${z.prettifyError(parsed.error)}`)
    })
}

/** Reads and checks every canon file; `version` changes whenever any of them does. */
export function readCanon(): Canon {
  const films = readJsonFiles('films', filmFileSchema)
  const people = readJsonFiles('people', personFileSchema)
  const problems = canonProblems({ films, people })
  if (problems.length > 0) throw new Error(`The bundled canon is invalid:\n${problems.join('\n')}`)
  const version = createHash('sha256').update(JSON.stringify({ films, people })).digest('hex')
  return { films, people, version }
}
