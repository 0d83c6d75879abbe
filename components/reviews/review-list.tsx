'use client'

import { usePersonalView } from '@/components/personal/personal-state'
import type { Review } from '@/db/reviews'
import { ReviewItem } from './review-item'

type Props = {
  /** The viewer's own reviews, when the page is rendered for them. */
  own: Review[]
  newest: Review[]
}

/**
 * The viewer's own reviews first, then the newest of everyone else's. On the shared page a
 * member's own come with their personal state (db/personal-state.ts), which is never cached: so
 * every review of theirs in the shared list leaves it, and one they have just deleted or edited
 * is not shown from a copy of the page made before.
 */
export function ReviewList({ own, newest }: Props) {
  const view = usePersonalView()
  const member = view.status === 'member' ? view.state : null
  const mine = member ? (member.film?.ownReviews ?? own) : own
  const mineIds = new Set(mine.map((review) => review.id))
  const others = newest.filter(
    (review) => !mineIds.has(review.id) && review.author !== member?.username,
  )
  if (mine.length === 0 && others.length === 0) return <p className="muted">No reviews yet.</p>
  return (
    <>
      {mine.map((review) => (
        <ReviewItem key={review.id} review={review} own />
      ))}
      {others.map((review) => (
        <ReviewItem key={review.id} review={review} />
      ))}
    </>
  )
}
