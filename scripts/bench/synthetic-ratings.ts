import type { InValue } from '@libsql/client'
import type { Database } from '@/db/client'
import { chunk, multiInsert, random } from './synthetic'

/**
 * Adds `raters` synthetic members who each rate `perRater` films, written to `ratings` so the
 * triggers keep the aggregates as the app would. Popularity is skewed towards low film ids, so
 * a few films have hundreds of ratings and about a third have none.
 */
export async function insertSyntheticRatings(
  db: Database,
  { raters = 2000, perRater = 150, batchSize = 20_000 } = {},
) {
  const next = random(1966)
  const { rows } = await db.$client.execute('select min(id) as first, max(id) as last from films')
  const first = Number(rows[0]!.first)
  const span = Number(rows[0]!.last) - first + 1
  // Each film's typical score, so averages spread out instead of all nearing the middle.
  const quality = (filmId: number) => 2 + ((Math.imul(filmId, 2654435761) >>> 0) % 7)
  const now = Date.now()

  const users: InValue[][] = []
  const ratings: InValue[][] = []
  for (let r = 0; r < raters; r++) {
    const userId = `synthetic-rater-${r}`
    users.push([userId, `${userId}@example.test`, now])
    const rated = new Set<number>()
    while (rated.size < perRater) rated.add(first + Math.floor(span * next() ** 3))
    for (const filmId of rated) {
      const score = Math.min(10, Math.max(1, quality(filmId) + Math.floor(next() * 5) - 2))
      ratings.push([userId, filmId, score, now])
    }
  }
  await db.$client.batch(
    chunk(users, 1000).map((rows) => multiInsert('users', ['id', 'email', 'created_at'], rows)),
    'write',
  )
  for (const batch of chunk(ratings, batchSize)) {
    await db.$client.batch(
      chunk(batch, 1000).map((rows) =>
        multiInsert('ratings', ['user_id', 'film_id', 'score', 'rated_at'], rows),
      ),
      'write',
    )
  }
  return { raters, ratings: ratings.length }
}
