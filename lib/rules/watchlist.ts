import { z } from 'zod'
import { checkbox, filmIdSchema } from './common'

export const watchlistChangeSchema = z.object({
  filmId: filmIdSchema,
  change: z.enum(['add', 'remove'], { error: 'Choose to add the film or to remove it.' }),
})

export const watchlistVisibilitySchema = z.object({
  watchlistPublic: checkbox('Tick the box or leave it empty.'),
})

export const watchlistMessages = {
  added: (title: string) => `Added “${title}” to your watchlist.`,
  removed: (title: string) => `Removed “${title}” from your watchlist.`,
  madePublic: 'Your watchlist is now public: anyone can see it on your profile.',
  madePrivate: 'Your watchlist is now private: only you can see it.',
}
