import Link from 'next/link'
import type { DiaryLine } from '@/db/diary-pages'
import { DIARY_PAGE_SIZE, EXCERPT_LENGTH } from '@/db/diary-pages'
import { starsLabel } from '@/components/rating/rating-format'
import { formatDay, formatMonthOfDay } from './diary-format'
import './diary.css'

type Props = { lines: DiaryLine[]; total: number; page: number; basePath: string; own: boolean }

/** A page of a diary, grouped by the month watched, newest first. */
export function DiaryView({ lines, total, page, basePath, own }: Props) {
  if (total === 0) {
    return (
      <p className="muted">
        {own ? 'Your diary is empty: log a viewing from a film’s page.' : 'No entries yet.'}
      </p>
    )
  }
  const months = groupByMonth(lines)
  const pageCount = Math.ceil(total / DIARY_PAGE_SIZE)
  return (
    <>
      {months.map(({ month, lines: inMonth }) => (
        <section key={month} className="diary-month" aria-labelledby={`month-${month}`}>
          <h2 id={`month-${month}`}>{formatMonthOfDay(`${month}-01`)}</h2>
          <ul className="diary-lines">
            {inMonth.map((line) => (
              <DiaryLineView key={line.id} line={line} own={own} />
            ))}
          </ul>
        </section>
      ))}
      {pageCount > 1 && (
        <nav className="pagination" aria-label="Pages">
          {page > 1 && (
            <Link href={page === 2 ? basePath : `${basePath}?page=${page - 1}`} rel="prev">
              Newer entries
            </Link>
          )}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && (
            <Link href={`${basePath}?page=${page + 1}`} rel="next">
              Older entries
            </Link>
          )}
        </nav>
      )}
    </>
  )
}

function DiaryLineView({ line, own }: { line: DiaryLine; own: boolean }) {
  const excerpt =
    line.excerpt && line.excerpt.length > EXCERPT_LENGTH
      ? `${line.excerpt.slice(0, EXCERPT_LENGTH).trimEnd()}…`
      : line.excerpt
  // Each run of text as one string: a line costs its bytes twice (the HTML and the page's
  // server-component payload), and adjacent text pieces cost separators in both. Plain links, not
  // next/link: a page holds 50 lines, and each <Link> is a client component to render and
  // hydrate, and a film page to prefetch; following one loads a page that is cached anyway.
  const facts = [
    formatDay(line.watchedOn),
    line.score !== null && starsLabel(line.score),
    line.rewatch && 'rewatch',
  ]
  return (
    <li>
      <span className="diary-day" aria-hidden="true">
        {Number(line.watchedOn.slice(8, 10))}
      </span>
      <div className="diary-line-body">
        <h3>
          <a href={`/films/${line.film.slug}`}>{line.film.title}</a>{' '}
          <span className="muted">{`(${line.film.yearStart})`}</span>
        </h3>
        <p>
          {facts.filter(Boolean).join(' · ')}
          {own && (
            <>
              {' · '}
              <a href={`/diary/entries/${line.id}`}>Edit entry</a>
            </>
          )}
        </p>
        {excerpt && (
          <p className="diary-excerpt">
            {line.spoilers ? <em>This review contains spoilers.</em> : excerpt}
          </p>
        )}
      </div>
    </li>
  )
}

function groupByMonth(lines: DiaryLine[]) {
  const months: { month: string; lines: DiaryLine[] }[] = []
  for (const line of lines) {
    const month = line.watchedOn.slice(0, 7)
    const last = months.at(-1)
    if (last?.month === month) last.lines.push(line)
    else months.push({ month, lines: [line] })
  }
  return months
}
