import 'server-only'
import { and, eq, inArray, lt } from 'drizzle-orm'
import { dayOf, startOfDay } from '@/lib/letterboxd/columns'
import { filmMatcher, type FilmMatch } from '@/lib/letterboxd/match-films'
import type { FilmMention, ParsedExport } from '@/lib/letterboxd/parse-export'
import type { EntryFields } from '@/lib/rules/diary'
import type { Counted } from '@/lib/rules/letterboxd-counts'
import { getDb, type Database } from './client'
import type { Executor } from './executor'
import {
  diaryEntries,
  films,
  filmSlugAliases,
  listEntries,
  lists,
  pendingImports,
  ratings,
  watchedFilms,
  watchlistEntries,
} from './schema'
import { slugify } from './search-text'
import type { Viewer } from './users'

// A Letterboxd import: rows matched to films, compared with what the member already has, and
// applied in one transaction. Only what is missing is added, so the same file twice changes
// nothing the second time.

type Dated = { filmId: number; date: string }
export type DiaryImport = { filmId: number; loggedOn: string } & EntryFields
export type ListImport = {
  title: string
  description: string
  date: string
  entries: { filmId: number; note: string }[]
}
export type ImportRows = {
  ratings: (Dated & { score: number })[]
  watched: Dated[]
  diary: DiaryImport[]
  watchlist: Dated[]
  lists: ListImport[]
}
export type RowNote = { file: string; row: number; name: string; year: number | null }
export type Resolved = {
  rows: ImportRows
  notInCatalogue: RowNote[]
  yearOff: (RowNote & { matched: { title: string; year: number } })[]
}

/** Matches every row of the export to a film, noting the rows that match none. */
export async function resolveExport(
  parsed: ParsedExport,
  db: Database = getDb(),
): Promise<Resolved> {
  const [catalogue, aliases] = await Promise.all([
    db.select().from(films),
    db.select({ slug: filmSlugAliases.slug, filmId: filmSlugAliases.filmId }).from(filmSlugAliases),
  ])
  const match = filmMatcher(
    catalogue.map((film) => ({
      ...film,
      titles: [film.title, ...film.altTitles, film.originalTitle ?? '', film.transliteration ?? ''],
    })),
    aliases,
  )
  const notInCatalogue: Resolved['notInCatalogue'] = []
  const yearOff: Resolved['yearOff'] = []
  const filmOf = (mention: FilmMention): FilmMatch | null => {
    const found = match(mention)
    const note = { file: mention.file, row: mention.row, name: mention.name, year: mention.year }
    if (!found) notInCatalogue.push(note)
    else if (found.yearOff) yearOff.push({ ...note, matched: { title: found.title, year: found.year } }) // prettier-ignore
    return found
  }
  const dated = <T extends FilmMention & { date: string }>(rows: T[]) =>
    rows.flatMap((row) => {
      const film = filmOf(row)
      return film ? [{ row, filmId: film.filmId }] : []
    })
  const diaryOf = dated(parsed.diary).map(({ row, filmId }) => toDiary(row, filmId))
  // Letterboxd lists a review in reviews.csv and its viewing in diary.csv: they become one entry.
  for (const { row, filmId } of dated(parsed.reviews)) {
    const review = toDiary(row, filmId)
    const same = diaryOf.find((e) => e.review === null && e.filmId === filmId && e.watchedOn === review.watchedOn && e.loggedOn === review.loggedOn) // prettier-ignore
    if (same) Object.assign(same, { review: review.review, spoilers: review.spoilers })
    else diaryOf.push(review)
  }
  const rows: ImportRows = {
    ratings: dated(parsed.ratings).map(({ row, filmId }) => ({ filmId, date: row.date, score: row.score })), // prettier-ignore
    watched: dated(parsed.watched).map(({ row, filmId }) => ({ filmId, date: row.date })),
    diary: diaryOf,
    watchlist: dated(parsed.watchlist).map(({ row, filmId }) => ({ filmId, date: row.date })),
    lists: parsed.lists.map((list) => ({
      title: list.title,
      description: list.description,
      date: list.date,
      entries: uniqueFilms(
        list.entries.flatMap((entry) => {
          const film = filmOf(entry)
          return film ? [{ filmId: film.filmId, note: entry.note }] : []
        }),
      ),
    })),
  }
  return { rows, notInCatalogue, yearOff }
}

function toDiary(row: ParsedExport['diary'][number], filmId: number): DiaryImport {
  const { date, watchedOn, score, rewatch, review, spoilers, tags } = row
  return { filmId, loggedOn: date, watchedOn, score, rewatch, review, spoilers, tags }
}

const uniqueFilms = <T extends { filmId: number }>(rows: T[]) => {
  const seen = new Set<number>()
  return rows.filter((row) => !seen.has(row.filmId) && seen.add(row.filmId))
}

const diaryKey = (e: DiaryImport) =>
  JSON.stringify([
    e.filmId,
    e.loggedOn,
    e.watchedOn,
    e.score,
    e.rewatch,
    e.review,
    e.spoilers,
    e.tags,
  ])

/** What applying the rows would add for this member now (ratings: new or changed). */
export async function planImport(
  viewer: Viewer,
  rows: ImportRows,
  db: Executor,
): Promise<ImportRows> {
  const [rated, watched, diary, watchlist, ownLists] = await Promise.all([
    db.select({ filmId: ratings.filmId, score: ratings.score }).from(ratings).where(eq(ratings.userId, viewer.id)), // prettier-ignore
    db.select({ filmId: watchedFilms.filmId }).from(watchedFilms).where(eq(watchedFilms.userId, viewer.id)), // prettier-ignore
    db.select().from(diaryEntries).where(eq(diaryEntries.userId, viewer.id)),
    db.select({ filmId: watchlistEntries.filmId }).from(watchlistEntries).where(eq(watchlistEntries.userId, viewer.id)), // prettier-ignore
    db.select({ title: lists.title }).from(lists).where(eq(lists.userId, viewer.id)),
  ])
  const scores = new Map(rated.map((r) => [r.filmId, r.score]))
  const seen = new Set(watched.map((r) => r.filmId))
  const listed = new Set(watchlist.map((r) => r.filmId))
  const titles = new Set(ownLists.map((l) => l.title.toLowerCase()))
  // Two identical viewings may both be real: only those beyond the ones already logged are added.
  const logged = new Map<string, number>()
  for (const e of diary) {
    const key = diaryKey({ ...e, loggedOn: dayOf(e.loggedAt) })
    logged.set(key, (logged.get(key) ?? 0) + 1)
  }
  const lastRating = new Map(rows.ratings.map((r) => [r.filmId, r]))
  return {
    ratings: [...lastRating.values()].filter((r) => scores.get(r.filmId) !== r.score),
    watched: uniqueFilms(rows.watched).filter((r) => !seen.has(r.filmId)),
    diary: rows.diary.filter((e) => {
      const key = diaryKey(e)
      const left = logged.get(key) ?? 0
      logged.set(key, left - 1)
      return left <= 0
    }),
    watchlist: uniqueFilms(rows.watchlist).filter((r) => !listed.has(r.filmId)),
    lists: rows.lists.filter((l) => !titles.has(l.title.toLowerCase())),
  }
}

/** How many of each kind an import adds: the same counts the preview shows. */
export type ImportCounts = Counted

export const countsOf = (plan: ImportRows): ImportCounts => ({
  ratings: plan.ratings.length,
  diary: plan.diary.length,
  reviews: plan.diary.filter((e) => e.review !== null).length,
  watched: plan.watched.length,
  watchlist: plan.watchlist.length,
  lists: plan.lists.length,
})

/**
 * Applies the viewer's previewed import in one transaction, which also uses it up; null when the
 * viewer has no such import (someone else's id, or applied already).
 */
export async function applyPendingImport(
  viewer: Viewer,
  pendingId: string,
  db: Database = getDb(),
): Promise<{ counts: ImportCounts; films: { slug: string }[] } | null> {
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .delete(pendingImports)
      .where(and(eq(pendingImports.id, pendingId), eq(pendingImports.userId, viewer.id)))
      .returning({ rows: pendingImports.rows })
    if (!pending) return null
    const plan = await planImport(viewer, pending.rows as ImportRows, tx)
    const userId = viewer.id
    for (const r of plan.watched) {
      await tx.insert(watchedFilms).values({ userId, filmId: r.filmId, markedAt: startOfDay(r.date) }).onConflictDoNothing() // prettier-ignore
    }
    for (const r of plan.ratings) {
      await tx
        .insert(ratings)
        .values({ userId, filmId: r.filmId, score: r.score, ratedAt: startOfDay(r.date) })
        .onConflictDoUpdate({ target: [ratings.userId, ratings.filmId], set: { score: r.score, ratedAt: startOfDay(r.date) } }) // prettier-ignore
    }
    for (const { loggedOn, ...e } of plan.diary) {
      await tx.insert(diaryEntries).values({ userId, ...e, loggedAt: startOfDay(loggedOn) })
      await tx.insert(watchedFilms).values({ userId, filmId: e.filmId, markedAt: startOfDay(loggedOn) }).onConflictDoNothing() // prettier-ignore
    }
    for (const r of plan.watchlist) {
      await tx.insert(watchlistEntries).values({ userId, filmId: r.filmId, addedAt: startOfDay(r.date) }).onConflictDoNothing() // prettier-ignore
    }
    const slugs = new Set((await tx.select({ slug: lists.slug }).from(lists).where(eq(lists.userId, userId))).map((l) => l.slug)) // prettier-ignore
    for (const list of plan.lists) {
      const base = slugify(list.title).slice(0, 80).replace(/-+$/, '') || 'list'
      let slug = base
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`
      slugs.add(slug)
      const at = startOfDay(list.date)
      const [created] = await tx
        .insert(lists)
        .values({
          userId,
          slug,
          title: list.title,
          description: list.description,
          visibility: 'private',
          createdAt: at,
          updatedAt: at,
        }) // prettier-ignore
        .returning({ id: lists.id })
      for (const [position, entry] of list.entries.entries()) {
        await tx.insert(listEntries).values({ listId: created!.id, filmId: entry.filmId, position, note: entry.note, addedAt: at }) // prettier-ignore
      }
    }
    const filmIds = [...new Set([...plan.ratings, ...plan.diary].map((r) => r.filmId))]
    const changed = filmIds.length
      ? await tx.select({ slug: films.slug }).from(films).where(inArray(films.id, filmIds))
      : []
    return { counts: countsOf(plan), films: changed }
  })
}

const PENDING_FOR_MS = 24 * 3600_000

/** Keeps a previewed import for the "Import" button; older ones of anyone's are dropped. */
export async function savePendingImport(viewer: Viewer, rows: ImportRows, db: Database = getDb()) {
  const id = crypto.randomUUID()
  const now = new Date()
  await db.batch([
    db.delete(pendingImports).where(lt(pendingImports.createdAt, new Date(now.getTime() - PENDING_FOR_MS))), // prettier-ignore
    db.delete(pendingImports).where(eq(pendingImports.userId, viewer.id)),
    db.insert(pendingImports).values({ id, userId: viewer.id, createdAt: now, rows }),
  ])
  return id
}
