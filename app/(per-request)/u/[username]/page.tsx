import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { formatMonthYear, formatYears, plural } from '@/lib/format'
import { ListSummaries } from '@/components/lists/list-summaries'
import { findProfilePage } from '@/db/profiles'
import { currentSession } from '@/lib/viewer'
import { ProfileRatings } from './profile-ratings'
import '@/components/lists/lists.css'

type Props = { params: Promise<{ username: string }> }

const loadProfile = cache(findProfilePage)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).username)
  return profile ? { title: profile.username, robots: { index: false } } : {}
}

export default async function ProfilePage({ params }: Props) {
  const profile = await loadProfile((await params).username)
  if (!profile) notFound()
  const session = await currentSession()
  const own = session?.username === profile.username
  const counts = [
    plural(profile.ratingCount, 'rating'),
    plural(profile.lists.length, 'public list'),
    ...(profile.watchlist ? [plural(profile.watchlist.length, 'film') + ' on the watchlist'] : []),
  ]
  return (
    <>
      <h1>{profile.username}</h1>
      <p className="muted">Member since {formatMonthYear(profile.memberSince)}</p>
      <p className="profile-counts">{counts.join(' · ')}</p>
      {own && (
        <p className="hint">
          This is your page as others see it. Private lists show only on{' '}
          <Link href="/lists">your lists</Link>.
        </p>
      )}
      <section aria-labelledby="profile-lists">
        <h2 id="profile-lists">Lists</h2>
        {profile.lists.length === 0 ? (
          <p className="muted">{profile.username} has no public lists.</p>
        ) : (
          <ListSummaries
            lists={profile.lists}
            ownerUsername={profile.username}
            label={`Public lists by ${profile.username}`}
            headingLevel={3}
          />
        )}
      </section>
      <section aria-labelledby="profile-ratings">
        <h2 id="profile-ratings">Ratings</h2>
        <ProfileRatings profile={profile} />
      </section>
      {profile.watchlist && (
        <section aria-labelledby="profile-watchlist">
          <h2 id="profile-watchlist">Watchlist</h2>
          {profile.watchlist.length === 0 ? (
            <p className="muted">The watchlist is empty.</p>
          ) : (
            <ul>
              {profile.watchlist.map((film) => (
                <li key={film.slug}>
                  <Link href={`/films/${film.slug}`}>{film.title}</Link>{' '}
                  <span className="muted">({formatYears(film)})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  )
}
