'use server'

import { redirect } from 'next/navigation'
import { deleteEntry, logViewing, setWatched, updateEntry, type DiaryChange } from '@/db/diary'
import { setDiaryPublic } from '@/db/diary-pages'
import { reviewedFilmSlugs } from '@/db/reviews'
import type { Viewer } from '@/db/users'
import { memberAction } from '@/lib/action'
import { CHECK_FIELDS, failure, type ActionResult } from '@/lib/action-result'
import { invalidate } from '@/lib/invalidate'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import {
  deleteEntrySchema,
  diaryMessages,
  diaryVisibilitySchema,
  editEntrySchema,
  ENTRY_NOT_FOUND,
  logEntrySchema,
  watchedChangeSchema,
} from '@/lib/rules/diary'

type Saved = { entryId: number }

/** What a saved entry changed on the pages: the diary, reviews and, with a score, the ratings. */
async function afterSave(
  viewer: Viewer,
  change: DiaryChange,
  message: (title: string) => string,
): Promise<ActionResult<Saved>> {
  if ('missing' in change)
    return failure(change.missing === 'film' ? FILM_NOT_FOUND : ENTRY_NOT_FOUND)
  if ('tooEarly' in change) {
    return failure(CHECK_FIELDS, { watchedOn: [diaryMessages.dateBeforeFilm(change.tooEarly)] })
  }
  await invalidate.diary(viewer)
  await invalidate.filmReviews([change.film])
  if (change.rated) await invalidate.filmRatings([change.film])
  if (change.offWatchlist) await invalidate.watchlist()
  return { ok: true, entryId: change.entryId, message: message(change.film.title) }
}

export const logFilm = memberAction<typeof logEntrySchema, Saved>(
  logEntrySchema,
  async (input, { viewer }) => {
    const change = await logViewing(viewer, input)
    const offWatchlist = 'offWatchlist' in change && change.offWatchlist
    return afterSave(
      viewer,
      change,
      offWatchlist ? diaryMessages.loggedOffWatchlist : diaryMessages.logged,
    )
  },
  { inMessage: ['filmId'], returnTo: '/films' },
)

export const editEntry = memberAction<typeof editEntrySchema, Saved>(
  editEntrySchema,
  async (input, { viewer }) =>
    afterSave(viewer, await updateEntry(viewer, input), diaryMessages.updated),
  { inMessage: ['entryId'], returnTo: '/diary' },
)

/** The first press asks to confirm; the second (with `confirmed`) deletes, then goes to the diary. */
export const removeEntry = memberAction<typeof deleteEntrySchema, { confirm?: true }>(
  deleteEntrySchema,
  async ({ entryId, confirmed }, { viewer }) => {
    if (!confirmed) return { ok: true, confirm: true, message: diaryMessages.confirmDelete }
    const film = await deleteEntry(viewer, entryId)
    if (!film) return failure(ENTRY_NOT_FOUND)
    await invalidate.diary(viewer)
    await invalidate.filmReviews([film])
    redirect(`/films/${film.slug}?deleted=entry`)
  },
  { inMessage: ['entryId', 'confirmed'], returnTo: '/diary' },
)

export const updateWatched = memberAction<typeof watchedChangeSchema, { watched: boolean }>(
  watchedChangeSchema,
  async ({ filmId, change }, { viewer }) => {
    const watched = change === 'mark'
    const outcome = await setWatched(viewer, { filmId, watched })
    if ('missing' in outcome) return failure(FILM_NOT_FOUND)
    if ('stillLogged' in outcome) return failure(diaryMessages.stillLogged)
    await invalidate.watched()
    const title = outcome.film.title
    const message = watched
      ? diaryMessages.markedWatched(title)
      : diaryMessages.unmarkedWatched(title)
    return { ok: true, watched, message }
  },
  { inMessage: ['filmId', 'change'], returnTo: '/films' },
)

export const updateDiaryVisibility = memberAction<
  typeof diaryVisibilitySchema,
  { diaryPublic: boolean }
>(
  diaryVisibilitySchema,
  async ({ diaryPublic }, { viewer }) => {
    const isPublic = diaryPublic === 'public'
    await setDiaryPublic(viewer, isPublic)
    await invalidate.diary(viewer)
    // The film pages that show this member's reviews show them no longer, or now.
    await invalidate.filmReviews(await reviewedFilmSlugs(viewer))
    const message = isPublic ? diaryMessages.madePublic : diaryMessages.madePrivate
    return { ok: true, diaryPublic: isPublic, message }
  },
  { inMessage: ['diaryPublic'], returnTo: '/settings' },
)
