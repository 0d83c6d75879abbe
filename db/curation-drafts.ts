import 'server-only'
import { and, desc, eq, notInArray } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { curationDrafts } from './schema'
import type { Curator } from './curators'

export type DraftInput = {
  listSlug: string
  listTitle: string
  createFilms: boolean
  fileName: string
  source: string
}

export type Draft = DraftInput & { id: number; createdAt: Date }

// A curator keeps a few previews at most: an abandoned one needs no clean-up of its own.
const KEPT_PER_CURATOR = 5

/** Keeps a previewed file until the curator applies it; returns its id. */
export async function saveDraft(
  curator: Curator,
  input: DraftInput,
  db: Database = getDb(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(curationDrafts)
      .values({ userId: curator.id, createdAt: new Date(), ...input })
      .returning({ id: curationDrafts.id })
    const kept = tx
      .select({ id: curationDrafts.id })
      .from(curationDrafts)
      .where(eq(curationDrafts.userId, curator.id))
      .orderBy(desc(curationDrafts.id))
      .limit(KEPT_PER_CURATOR)
    await tx
      .delete(curationDrafts)
      .where(and(eq(curationDrafts.userId, curator.id), notInArray(curationDrafts.id, kept)))
    return row!.id
  })
}

/** One of the curator's own drafts; another curator's is not found. */
export async function findDraft(
  curator: Curator,
  id: number,
  db: Database = getDb(),
): Promise<Draft | null> {
  const [row] = await db
    .select({
      id: curationDrafts.id,
      listSlug: curationDrafts.listSlug,
      listTitle: curationDrafts.listTitle,
      createFilms: curationDrafts.createFilms,
      fileName: curationDrafts.fileName,
      source: curationDrafts.source,
      createdAt: curationDrafts.createdAt,
    })
    .from(curationDrafts)
    .where(and(eq(curationDrafts.id, id), eq(curationDrafts.userId, curator.id)))
  return row ?? null
}

export async function deleteDraft(curator: Curator, id: number, db: Database = getDb()) {
  await db
    .delete(curationDrafts)
    .where(and(eq(curationDrafts.id, id), eq(curationDrafts.userId, curator.id)))
}
