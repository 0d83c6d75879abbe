import { describe, expect, it } from 'vitest'
import { logViewing } from '@/db/diary'
import { yearInReview } from '@/db/year-in-review'
import { catalogueIds, personMaker } from '../helpers/people'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase({ seed: 'ten' })
const { filmId } = await catalogueIds(db)
const newPerson = personMaker(db, 'yearly')

const log = (viewer: { id: string }, slug: string, watchedOn: string, score: number | null) =>
  logViewing(viewer, { filmId: filmId(slug), watchedOn, score, review: null, spoilers: false, rewatch: false, tags: [] }, db) // prettier-ignore

describe('the year in review', () => {
  it('counts films, viewings and hours, by decade, by rating, and the most-watched director', async () => {
    const ann = await newPerson()
    await log(ann, 'the-cranes-are-flying', '2025-01-01', 10) // 1957, Kalatozov, 95 min
    await log(ann, 'the-cranes-are-flying', '2025-12-31', 9)
    await log(ann, 'the-ascent', '2025-06-01', null) // 1977, Shepitko, 109 min
    await log(ann, 'come-and-see', '2024-12-31', 10) // another year
    await log(ann, 'come-and-see', '2026-01-01', 10)
    const year = await yearInReview(ann, 2025, db)
    expect(year).toEqual({
      year: 2025,
      viewings: 3,
      films: 2,
      minutes: 95 * 2 + 109,
      byDecade: [
        { decade: 1950, viewings: 2 },
        { decade: 1970, viewings: 1 },
      ],
      ratings: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      topDirectors: [{ slug: 'mikhail-kalatozov', name: 'Mikhail Kalatozov', viewings: 2 }],
    })
  })

  it('is empty for a year without viewings', async () => {
    const ben = await newPerson()
    expect(await yearInReview(ben, 2020, db)).toMatchObject({ viewings: 0, films: 0, minutes: 0, byDecade: [], topDirectors: [] }) // prettier-ignore
  })
})
