import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { canonProblems, FIRST_YEAR, LAST_YEAR, readCanon, type CanonFilm } from '@/db/canon-files'
import { searchCatalogue } from '@/db/catalogue'
import { parseCatalogueQuery } from '@/db/catalogue-query'
import { findFilmBySlug, findPersonBySlug } from '@/db/films'
import { migrateDatabase, seedIfEmpty, syncCanon } from '@/db/prepare'
import { films, filmStudios, listEntries, lists, ratings, watchlistEntries } from '@/db/schema'
import { slugify } from '@/db/search-text'
import { FILMS_BEFORE_CANON, insertFilmsBeforeCanon } from '../helpers/films-before-canon'
import { insertEarlyUsers } from '../helpers/early-users'
import { createTestDatabase, migrationsBefore } from '../helpers/test-db'

const canon = readCanon()

describe('the bundled canon', () => {
  it('holds at least 120 films, each dated within the war films’ Soviet years', () => {
    expect(canon.films.length).toBeGreaterThanOrEqual(120)
    for (const film of canon.films) {
      expect(film.yearStart).toBeGreaterThanOrEqual(FIRST_YEAR)
      expect(film.yearStart).toBeLessThanOrEqual(LAST_YEAR)
    }
  })

  it('has a source for every fact, a file for every person, and no slug or title twice', () => {
    expect(canonProblems(canon)).toEqual([])
  })

  it('gives every film a synopsis of one to three sentences', () => {
    for (const film of canon.films) {
      const sentences = film.synopsis.split(/(?<=[.!?…])\s+(?=[A-ZА-Я“"'(])/)
      expect([film.slug, sentences.length <= 3]).toEqual([film.slug, true])
    }
  })

  it('names every problem it finds', () => {
    const [film] = canon.films as [CanonFilm]
    const broken: CanonFilm = {
      ...film,
      writers: ['nobody-of-that-name'],
      facts: { ...film.facts, writers: { sources: [] } },
    }
    expect(canonProblems({ films: [broken, film], people: canon.people })).toEqual([
      `films/${film.slug}.json: no person file for nobody-of-that-name`,
      `films/${film.slug}.json: writers has no source`,
      `films/${film.slug}.json: slug ${film.slug} also used by films/${film.slug}.json`,
      `films/${film.slug}.json: title ${film.title} also used by films/${film.slug}.json`,
    ])
  })
})

describe('a fresh database', async () => {
  const db = await createTestDatabase({ seed: true })

  it('finds every film by its English, original and transliterated titles', async () => {
    const found = async (q: string) =>
      (await searchCatalogue(parseCatalogueQuery({ q }), { pageSize: 200 }, db)).films.map(
        (f) => f.slug,
      )
    for (const film of canon.films) {
      const titles = [film.title, film.originalTitle, film.transliteration, film.localTitle?.title]
      for (const title of titles.filter((t): t is string => !!t)) {
        expect([title, await found(title)]).toEqual([title, expect.arrayContaining([film.slug])])
      }
    }
  })

  it('shows each film’s credits and sources, and each person’s roles', async () => {
    const lookup = await findFilmBySlug('twenty-days-without-war', db)
    if (lookup.kind !== 'film') throw new Error('Twenty Days Without War is missing')
    const { film } = lookup
    expect(film.directors.map((d) => d.name)).toEqual(['Aleksei German'])
    expect(film.writers.map((d) => d.name)).toContain('Konstantin Simonov')
    expect(film.cast[0]).toMatchObject({ name: 'Yuri Nikulin', character: 'Major Lopatin' })
    expect(film.studios).toEqual(['Lenfilm'])
    expect(film.sources.map((s) => s.fact)).toEqual(expect.arrayContaining(['titles', 'runtime']))
    const simonov = await findPersonBySlug('konstantin-simonov', db)
    const roles = simonov!.films.flatMap((f) => f.credits.map((c) => c.role))
    expect(roles).toContain('writer')
    expect(simonov!.sources.length).toBeGreaterThan(0)
  })

  it('filters by studio, colour and person', async () => {
    const slugs = async (params: Record<string, string>) =>
      (await searchCatalogue(parseCatalogueQuery(params), { pageSize: 200 }, db)).films.map(
        (f) => f.slug,
      )
    expect(await slugs({ studio: 'Lenfilm' })).toContain('twenty-days-without-war')
    expect(await slugs({ studio: 'Lenfilm' })).not.toContain('come-and-see')
    expect(await slugs({ colour: 'bw' })).toContain('the-cranes-are-flying')
    expect(await slugs({ colour: 'bw' })).not.toContain('come-and-see')
    expect(await slugs({ person: 'nikulin' })).toContain('twenty-days-without-war')
    expect(await slugs({ person: 'nikulin', studio: 'Mosfilm' })).not.toContain(
      'twenty-days-without-war',
    )
  })
})

describe('upgrading a database made before the canon', async () => {
  const db = await createTestDatabase({ migrationsFolder: migrationsBefore('0007_canon') })
  await insertFilmsBeforeCanon(db)
  const before = await db.select({ id: films.id, slug: films.slug }).from(films)
  const [member] = await insertEarlyUsers(db, [{ email: 'early@example.test', username: 'early' }])
  const at = new Date('2026-11-01T00:00:00Z')
  await db.insert(ratings).values(before.map((f, i) => ({ userId: member!.id, filmId: f.id, score: (i % 10) + 1, ratedAt: at }))) // prettier-ignore
  await db.insert(watchlistEntries).values({ userId: member!.id, filmId: before[0]!.id, addedAt: at }) // prettier-ignore
  const [list] = await db
    .insert(lists)
    .values({
      userId: member!.id,
      slug: 'mine',
      title: 'Mine',
      visibility: 'public',
      createdAt: at,
      updatedAt: at,
    }) // prettier-ignore
    .returning({ id: lists.id })
  await db.insert(listEntries).values(before.slice(0, 3).map((f, position) => ({ listId: list!.id, filmId: f.id, position, note: 'kept', addedAt: at }))) // prettier-ignore
  const membersData = async () => ({
    ratings: await db.select().from(ratings).orderBy(asc(ratings.filmId)),
    watchlist: await db.select().from(watchlistEntries),
    entries: await db.select().from(listEntries).orderBy(asc(listEntries.position)),
  })
  const kept = await membersData()

  it('moves the studios into their own rows', async () => {
    await migrateDatabase({ embedded: true }, db)
    const ascent = before.find((f) => f.slug === 'the-ascent')!
    expect(await db.select({ name: filmStudios.name }).from(filmStudios).where(eq(filmStudios.filmId, ascent.id))).toEqual([{ name: 'Mosfilm' }]) // prettier-ignore
  })

  it('adds the new films, updates edited facts and leaves members’ data alone', async () => {
    await seedIfEmpty(db)
    const after = await db.select({ id: films.id, slug: films.slug }).from(films)
    expect(after).toHaveLength(canon.films.length)
    for (const film of before) expect(after).toContainEqual(film)
    const ballad = canon.films.find((f) => f.slug === 'ballad-of-a-soldier')!
    const [row] = await db.select().from(films).where(eq(films.slug, 'ballad-of-a-soldier'))
    expect(row).toMatchObject({ runtimeMinutes: ballad.runtimeMinutes, synopsis: ballad.synopsis })
    expect(await membersData()).toEqual(kept)
  })

  it('changes nothing when started again with the same canon', async () => {
    expect(await syncCanon(db)).toBeNull()
    expect(await membersData()).toEqual(kept)
  })

  it('keeps people’s slugs as the earlier catalogue made them', () => {
    // Their pages are linked from elsewhere: a person's slug stays what the old loader made it.
    for (const name of FILMS_BEFORE_CANON.flatMap((f) => f.directors)) {
      expect(canon.people.map((p) => p.slug)).toContain(slugify(name))
    }
  })
})
