import type { CSSProperties } from 'react'
import { formatYears } from '@/lib/format'

// Dark grounds that keep the cream lettering above 7:1 contrast.
const GROUNDS = ['#4a1c17', '#1e3a34', '#2b2f4a', '#4a3b1c', '#3a2340', '#1f3b4d', '#3b2a1f']

type PosterFilm = {
  id: number
  title: string
  originalTitle: string | null
  originalLanguage: string | null
  yearStart: number
  yearEnd: number | null
}

/** A typographic poster: decorative, since the same words are in the text beside it. */
export function FilmPoster({ film, small = false }: { film: PosterFilm; small?: boolean }) {
  const lettering = film.originalTitle ?? film.title
  const longestWord = Math.max(4, ...lettering.split(/\s+/).map((word) => word.length))
  const style = { background: GROUNDS[film.id % GROUNDS.length], '--chars': longestWord }
  return (
    <div className={small ? 'poster poster-small' : 'poster'} aria-hidden="true">
      <div className="poster-inner" style={style as CSSProperties}>
        <span className="poster-original" lang="ru">
          {lettering}
        </span>
        <span>
          <span className="poster-title">{film.title}</span>
          <span className="poster-year">{formatYears(film)}</span>
        </span>
      </div>
    </div>
  )
}
