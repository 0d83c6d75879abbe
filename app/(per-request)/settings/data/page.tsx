import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { ImportForm } from '@/components/letterboxd/import-form'
import { TOO_LARGE_QUERY } from '@/lib/letterboxd/upload-limit'
import { signInPath } from '@/lib/safe-callback'
import { currentViewer } from '@/lib/viewer'

export const metadata: Metadata = { title: 'Your data', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function DataPage({ searchParams }: Props) {
  if (!(await currentViewer())) redirect(signInPath('/settings/data'))
  // Sent back by server.ts: the file was over the limit of what this page's form may send.
  const tooLarge = (await searchParams)[TOO_LARGE_QUERY.name] === TOO_LARGE_QUERY.value
  return (
    <div className="narrow">
      <h1>Your data</h1>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>
          A ZIP in Letterboxd’s layout: what you watched, your ratings, diary, reviews, watchlist
          and lists, as CSV files that Letterboxd and spreadsheets read.
        </p>
        <p>
          <a href="/settings/data/export" className="button" download>
            Download my data
          </a>
        </p>
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import from Letterboxd</h2>
        <p>
          Choose the ZIP from Letterboxd’s “Export your data”, or one CSV from it. You see what
          would be added before anything is saved; importing the same file twice adds nothing the
          second time.
        </p>
        <ImportForm fileWasTooLarge={tooLarge} />
      </section>
    </div>
  )
}
