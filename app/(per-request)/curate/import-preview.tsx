import Link from 'next/link'
import type { ImportReport } from '@/db/curated-import'
import { describeReport } from '@/db/curated-import'

const CHANGE_LABELS = { added: 'New on the list', changed: 'Changed', unchanged: 'Unchanged' }

/** What applying an uploaded file would do to the list, entry by entry. */
export function ImportPreview({
  report,
  listTitle,
  isNew,
}: {
  report: ImportReport
  listTitle: string
  isNew: boolean
}) {
  return (
    <>
      <p>
        {isNew ? 'A new list' : 'Replaces the list'} “{listTitle}” at /curated/{report.list}:{' '}
        {describeReport(report)}.
        {report.droppedJudgements > 0 &&
          ` ${report.droppedJudgements} judgements of text that changes will be dropped.`}
      </p>
      {report.warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul>
            {report.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </>
      )}
      <table className="curate-table">
        <caption>Entries of the file</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Listed as</th>
            <th scope="col">Film in our catalogue</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>
                {row.listedTitle} ({row.listedYear})
              </td>
              <td>
                {!row.film ? (
                  'Not in our catalogue'
                ) : report.createdFilms.includes(row.film.slug) ? (
                  `A new film, /films/${row.film.slug}`
                ) : (
                  <Link href={`/films/${row.film.slug}`}>{row.film.title}</Link>
                )}
              </td>
              <td>{CHANGE_LABELS[row.change]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.removedTitles.length > 0 && (
        <>
          <h3>Taken off the list</h3>
          <ul>
            {report.removedTitles.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
