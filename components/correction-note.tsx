import Link from 'next/link'
import type { CorrectionView } from '@/db/films'

function sourceLabel(url: string) {
  try {
    const { hostname, pathname } = new URL(url)
    return `${hostname}${decodeURIComponent(pathname)}`
  } catch {
    return url
  }
}

/** A correction (or a verification) shown beside the curator's words it concerns. */
export function CorrectionNote({ correction }: { correction: CorrectionView }) {
  const verified = correction.verdict === 'verified'
  return (
    <div
      role="note"
      className={verified ? 'note note-verified' : 'note'}
      aria-label={`${verified ? 'Verified' : 'Correction'}: ${correction.field}`}
    >
      <p>
        <span className="note-label">{verified ? '✓ Verified' : '⚠ Correction'}</span>
        {': '}
        {correction.finding.replace(/^Verified: /, '')}
      </p>
      {correction.relatedFilm && (
        <p>
          See{' '}
          <Link href={`/films/${correction.relatedFilm.slug}`}>{correction.relatedFilm.title}</Link>
          .
        </p>
      )}
      {correction.sources.length > 0 && (
        <p>
          {correction.sources.length === 1 ? 'Source: ' : 'Sources: '}
          <span>
            {correction.sources.map((url, i) => (
              <span key={url}>
                {i > 0 && '; '}
                <a href={url} rel="external noopener">
                  {sourceLabel(url)}
                </a>
              </span>
            ))}
          </span>
        </p>
      )}
    </div>
  )
}

export function CorrectionNotes({ corrections }: { corrections: CorrectionView[] }) {
  return corrections.map((c) => <CorrectionNote key={`${c.field}:${c.claim}`} correction={c} />)
}
