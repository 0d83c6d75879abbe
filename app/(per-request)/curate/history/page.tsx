import type { Metadata } from 'next'
import { curatorHistory } from '@/db/curators'
import { formatDate } from '@/lib/format'
import { requireCuratorPage } from '../curator-page'

export const metadata: Metadata = { title: 'Curator history', robots: { index: false } }

const KIND_LABELS = { import: 'Import', correction: 'Judgement', featured: 'Featured list' }

export default async function CuratorHistoryPage() {
  await requireCuratorPage()
  const changes = await curatorHistory()
  return (
    <>
      <h1>History of curator changes</h1>
      {changes.length === 0 ? (
        <p>No curator has changed anything yet.</p>
      ) : (
        <table className="curate-table">
          <caption>Most recent first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">List</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.id}>
                <td>
                  <time dateTime={change.at.toISOString()}>
                    {formatDate(change.at)} {change.at.toISOString().slice(11, 16)} UTC
                  </time>
                </td>
                <td>{change.username}</td>
                <td>{KIND_LABELS[change.kind]}</td>
                <td>{change.listSlug}</td>
                <td className="curate-summary">{change.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
