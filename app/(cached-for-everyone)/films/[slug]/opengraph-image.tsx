import { ImageResponse } from 'next/og'
import { findFilmBySlug, type FilmDetails } from '@/db/films'
import { formatYears } from '@/lib/format'
import { PREVIEW_FONT_FAMILY, previewFonts } from '@/lib/og/fonts'

// The picture a link to a film page shows in chats and feeds: the title, the original title and
// the year. Made on the first request for each film, then served from the cache.
export const revalidate = 3600
export { generateStaticParams } from '@/lib/page-params'

export const alt = 'The film’s title, original title and year on Kinofront'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

const PAPER = '#fbfaf7'
const INK = '#1f1d1a'
const MUTED = '#575148'
const ACCENT = '#8a2b1d'

const byline = (film: FilmDetails) =>
  [formatYears(film), film.directors.map((d) => d.name).join(' and ')].filter(Boolean).join(' · ')

export default async function FilmPreviewImage({ params }: { params: Promise<{ slug: string }> }) {
  const found = await findFilmBySlug((await params).slug)
  const film = found.kind === 'film' ? found.film : null
  const title = film?.title ?? 'Kinofront'
  const original =
    film?.originalTitle && film.originalTitle !== film.title ? film.originalTitle : null
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px',
        background: PAPER,
        borderTop: `24px solid ${ACCENT}`,
        fontFamily: PREVIEW_FONT_FAMILY,
        color: INK,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
        <div style={{ fontSize: title.length > 40 ? 64 : 84, fontWeight: 700, lineHeight: 1.1 }}>
          {title}
        </div>
        {original && <div style={{ fontSize: 44, color: MUTED }}>{original}</div>}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 40 }}>
        <span>{film ? byline(film) : 'Soviet films of the Great Patriotic War'}</span>
        <span style={{ color: ACCENT, fontWeight: 700 }}>Kinofront</span>
      </div>
    </div>,
    { ...size, fonts: await previewFonts() },
  )
}
