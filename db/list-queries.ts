import 'server-only'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { entryFilmColumns } from './catalogue'
import { getDb, type Database } from './client'
import { films, listEntries, lists, users, type ListVisibility } from './schema'
import type { Viewer } from './users'

export type ListSummary = {
  id: number
  slug: string
  title: string
  description: string
  visibility: ListVisibility
  filmCount: number
  updatedAt: Date
}

export type ListEntryView = {
  position: number
  note: string
  film: {
    id: number
    slug: string
    title: string
    yearStart: number
    yearEnd: number | null
    originalTitle: string | null
    originalLanguage: string | null
  }
}

export type ListPage = Omit<ListSummary, 'filmCount' | 'updatedAt'> & {
  ownerUsername: string
  isOwner: boolean
  entries: ListEntryView[]
}

const summaryColumns = {
  id: lists.id,
  slug: lists.slug,
  title: lists.title,
  description: lists.description,
  visibility: lists.visibility,
  updatedAt: lists.updatedAt,
  filmCount: sql<number>`(select count(*) from ${listEntries} where ${listEntries.listId} = ${lists.id})`,
}

/** All of the viewer's own lists, private ones included, most recently changed first. */
export async function listsOf(viewer: Viewer, db: Database = getDb()): Promise<ListSummary[]> {
  return db
    .select(summaryColumns)
    .from(lists)
    .where(eq(lists.userId, viewer.id))
    .orderBy(desc(lists.updatedAt), desc(lists.id))
}

/** What anyone may see of a person's lists. */
export async function publicListsOf(
  username: string,
  db: Database = getDb(),
): Promise<ListSummary[]> {
  return db
    .select(summaryColumns)
    .from(lists)
    .innerJoin(users, eq(users.id, lists.userId))
    .where(and(eq(users.username, username), eq(lists.visibility, 'public')))
    .orderBy(desc(lists.updatedAt), desc(lists.id))
}

/** The viewer's lists for the film page's "Add to list", saying which already hold the film. */
export async function listsForFilm(viewer: Viewer, filmId: number, db: Database = getDb()) {
  return db
    .select({
      id: lists.id,
      slug: lists.slug,
      title: lists.title,
      hasFilm: sql<boolean>`exists (select 1 from ${listEntries}
        where ${listEntries.listId} = ${lists.id} and ${listEntries.filmId} = ${filmId})`.mapWith(
        Boolean,
      ),
    })
    .from(lists)
    .where(eq(lists.userId, viewer.id))
    .orderBy(asc(lists.title), asc(lists.id))
}

/** A list's page: null when there is none, or when it is private and `viewer` is not its owner. */
export async function findListPage(
  username: string,
  slug: string,
  viewer: Viewer | null,
  db: Database = getDb(),
): Promise<ListPage | null> {
  const [list] = await db
    .select({
      id: lists.id,
      slug: lists.slug,
      title: lists.title,
      description: lists.description,
      visibility: lists.visibility,
      ownerId: lists.userId,
      ownerUsername: users.username,
    })
    .from(lists)
    .innerJoin(users, eq(users.id, lists.userId))
    .where(and(eq(users.username, username), eq(lists.slug, slug)))
  if (!list?.ownerUsername) return null
  const isOwner = viewer?.id === list.ownerId
  if (list.visibility !== 'public' && !isOwner) return null
  const rows = await db
    .select({
      position: listEntries.position,
      note: listEntries.note,
      film: entryFilmColumns,
    })
    .from(listEntries)
    .innerJoin(films, eq(films.id, listEntries.filmId))
    .where(eq(listEntries.listId, list.id))
    .orderBy(asc(listEntries.position), asc(listEntries.addedAt))
  const { ownerId: _ownerId, ownerUsername, ...rest } = list
  return { ...rest, ownerUsername, isOwner, entries: rows }
}
