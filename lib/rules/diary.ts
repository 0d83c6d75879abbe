import { z } from 'zod'
import { MAX_SCORE, MIN_SCORE } from '../scores'
import { checkbox, filmIdSchema, rowId, text } from './common'
import { MAX_REVIEW, MAX_TAGS } from './diary-limits'

export { MAX_REVIEW, MAX_TAGS }
export const MAX_TAG = 50

export const ENTRY_NOT_FOUND = 'This diary entry is not there any more.'

export const diaryMessages = {
  dateMissing: 'Enter the date you watched the film, as day, month and year.',
  dateInFuture: 'The date watched cannot be in the future.',
  dateBeforeFilm: (year: number) => `The film came out in ${year}: enter a date from then on.`,
  score: 'Choose a rating from 0.5 to 5 stars, or no rating.',
  reviewTooLong: `Keep the review to ${MAX_REVIEW.toLocaleString('en-GB')} characters.`,
  tooManyTags: `Use at most ${MAX_TAGS} tags.`,
  tagTooLong: `Keep each tag to ${MAX_TAG} characters.`,
  tick: 'Tick the box or leave it empty.',
  logged: (title: string) => `Logged “${title}” in your diary.`,
  loggedOffWatchlist: (title: string) =>
    `Logged “${title}” in your diary and took it off your watchlist.`,
  updated: (title: string) => `Saved your diary entry for “${title}”.`,
  confirmDelete: 'Delete this entry for good? Press “Confirm delete” to delete it.',
  deleted: (title: string) => `Deleted your diary entry for “${title}”.`,
  markedWatched: (title: string) => `Marked “${title}” as watched.`,
  unmarkedWatched: (title: string) => `Marked “${title}” as not watched.`,
  stillLogged: 'This film is in your diary: delete its entries first to mark it as not watched.',
  madePublic: 'Your diary is now public: anyone can see it and your reviews.',
  madePrivate: 'Your diary is now private: only you can see it and your reviews.',
}

/** A calendar day as YYYY-MM-DD that exists (no 31 February). */
export function isCalendarDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Today as YYYY-MM-DD in UTC, what the form offers by default. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10)

/**
 * The latest day that is already today somewhere (UTC+14): a member east of the server has
 * reached their tomorrow before the server has.
 */
export const latestTodayOnEarth = (now = new Date()) =>
  new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10)

export const watchedOnSchema = z
  .string({ error: diaryMessages.dateMissing })
  .trim()
  .refine(isCalendarDay, { error: diaryMessages.dateMissing, abort: true })
  .refine((day) => day <= latestTodayOnEarth(), diaryMessages.dateInFuture)

/** Whether a day is not before the film's year. */
export const notBeforeFilm = (watchedOn: string, yearStart: number) =>
  Number(watchedOn.slice(0, 4)) >= yearStart

/** A half-star score, or none: the "No rating" choice sends an empty value. */
export const optionalScoreSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === '') return null
    const score = Number(value)
    if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
      context.addIssue({ code: 'custom', message: diaryMessages.score })
      return z.NEVER
    }
    return score
  })

/** Comma-separated tags, trimmed, empty ones dropped, each kept once (ignoring case). */
export function splitTags(value: string): string[] {
  const seen = new Set<string>()
  return value
    .split(',')
    .map((tag) => tag.trim().replace(/\s+/g, ' '))
    .filter((tag) => {
      const key = tag.toLowerCase()
      if (!tag || seen.has(key)) return false
      seen.add(key)
      return true
    })
}

export const tagsSchema = text(MAX_TAGS * (MAX_TAG + 2), diaryMessages.tooManyTags)
  .optional()
  .transform((value) => splitTags(value ?? ''))
  .refine((tags) => tags.length <= MAX_TAGS, diaryMessages.tooManyTags)
  .refine((tags) => tags.every((tag) => [...tag].length <= MAX_TAG), diaryMessages.tagTooLong)

const reviewSchema = text(MAX_REVIEW, diaryMessages.reviewTooLong, { multiline: true })
  .optional()
  .transform((value) => (value ? value : null))

const entryFields = {
  watchedOn: watchedOnSchema,
  score: optionalScoreSchema,
  review: reviewSchema,
  spoilers: checkbox(diaryMessages.tick),
  rewatch: checkbox(diaryMessages.tick),
  tags: tagsSchema,
}

export const logEntrySchema = z.object({ filmId: filmIdSchema, ...entryFields })
export const entryIdSchema = rowId(ENTRY_NOT_FOUND)
export const editEntrySchema = z.object({ entryId: entryIdSchema, ...entryFields })
export const deleteEntrySchema = z.object({
  entryId: entryIdSchema,
  confirmed: z.enum(['yes']).optional(),
})
export const watchedChangeSchema = z.object({
  filmId: filmIdSchema,
  change: z.enum(['mark', 'unmark'], { error: 'Choose to mark the film as watched or not.' }),
})
export const diaryVisibilitySchema = z.object({
  diaryPublic: z.enum(['public', 'private'], { error: 'Choose public or private.' }),
})

export type EntryInput = z.output<typeof editEntrySchema>
export type LogInput = z.output<typeof logEntrySchema>
export type EntryFields = Omit<EntryInput, 'entryId'>
