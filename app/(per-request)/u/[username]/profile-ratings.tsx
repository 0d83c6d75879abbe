import Link from 'next/link'
import { formatDate, formatYears, plural } from '@/lib/format'
import { PROFILE_RATINGS_SHOWN, type ProfilePage } from '@/db/profiles'
import { starsLabel } from '@/components/rating/rating-format'
import { starGlyphs } from './stars'

/** A person's ratings, most recent first. */
export function ProfileRatings({ profile }: { profile: ProfilePage }) {
  const { ratings, ratingCount, username } = profile
  if (ratingCount === 0) return <p className="muted">{username} has not rated any films yet.</p>
  return (
    <>
      {ratingCount > ratings.length && (
        <p className="muted">
          The {PROFILE_RATINGS_SHOWN} most recent of {plural(ratingCount, 'rating')}.
        </p>
      )}
      <table className="profile-ratings">
        <caption className="visually-hidden">Ratings by {username}, most recent first</caption>
        <thead>
          <tr>
            <th scope="col">Film</th>
            <th scope="col">Rating</th>
            <th scope="col">Rated on</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map(({ film, score, ratedAt }) => (
            <tr key={film.slug}>
              <th scope="row">
                <Link href={`/films/${film.slug}`}>{film.title}</Link>{' '}
                <span className="muted">({formatYears(film)})</span>
              </th>
              <td>
                <span aria-hidden="true" className="profile-stars">
                  {starGlyphs(score)}
                </span>{' '}
                {starsLabel(score)}
              </td>
              <td>
                <time dateTime={ratedAt.toISOString()}>{formatDate(ratedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
