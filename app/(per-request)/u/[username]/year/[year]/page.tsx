import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { BarChart } from '@/components/diary/bar-chart'
import { starsLabel } from '@/components/rating/rating-format'
import { visibleDiaryOwner } from '@/db/diary-pages'
import { yearInReview } from '@/db/year-in-review'
import { formatNumber, plural } from '@/lib/format'
import { currentViewer } from '@/lib/viewer'
import '@/components/diary/diary.css'

// Shown to whoever may see the member's diary: server.ts answers anyone else with a 404 first.
type Props = { params: Promise<{ username: string; year: string }> }

const yearOf = (segment: string) => {
  const year = /^\d{4}$/.test(segment) ? Number(segment) : null
  return year !== null && year >= 1941 && year <= 9999 ? year : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username, year } = await params
  return { title: `${decodeURIComponent(username)}’s ${year} in films` }
}

export default async function YearInReviewPage({ params }: Props) {
  const { username, year: segment } = await params
  const year = yearOf(segment)
  const owner =
    year && (await visibleDiaryOwner(decodeURIComponent(username), await currentViewer()))
  if (!year || !owner) notFound()
  const review = await yearInReview(owner, year)
  const hours = Math.round(review.minutes / 6) / 10
  return (
    <>
      <h1>
        {owner.username}’s {year} in films
      </h1>
      <p>
        From <Link href={`/u/${owner.username}/diary`}>{owner.username}’s diary</Link>.
      </p>
      <dl className="year-totals">
        <div>
          <dt>Films watched</dt>
          <dd>{formatNumber(review.films)}</dd>
        </div>
        <div>
          <dt>Viewings</dt>
          <dd>{formatNumber(review.viewings)}</dd>
        </div>
        <div>
          <dt>Hours watched</dt>
          <dd>{hours.toLocaleString('en-GB')}</dd>
        </div>
      </dl>
      {review.viewings === 0 ? (
        <p className="muted">No viewings logged in {year}.</p>
      ) : (
        <>
          <h2>By decade of release</h2>
          <BarChart
            title={`Viewings in ${year} by decade of release`}
            labelHeading="Decade"
            valueHeading="Viewings"
            bars={review.byDecade.map((d) => ({ label: `${d.decade}s`, value: d.viewings }))}
          />
          <h2>Ratings</h2>
          <BarChart
            title={`Ratings given in ${year}`}
            labelHeading="Rating"
            valueHeading="Viewings"
            bars={review.ratings.map((n, i) => ({ label: starsLabel(i + 1), value: n }))}
          />
          <h2>Most-watched director</h2>
          {review.topDirectors.length === 0 ? (
            <p className="muted">No director is credited on these films.</p>
          ) : (
            <p>
              {review.topDirectors.map((d, i) => (
                <span key={d.slug}>
                  {i > 0 && ', '}
                  <Link href={`/people/${d.slug}`}>{d.name}</Link>
                </span>
              ))}{' '}
              — {plural(review.topDirectors[0]!.viewings, 'viewing')}
            </p>
          )}
        </>
      )}
    </>
  )
}
