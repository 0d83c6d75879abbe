import type { Metadata } from 'next'
import Link from 'next/link'
import { curatedListSummaries } from '@/db/curated-corrections'
import { previewCuratedList } from '@/db/curated-import'
import { findDraft } from '@/db/curation-drafts'
import { getDb } from '@/db/client'
import { featuredList } from '@/db/featured-choice'
import { ApplyForm, FeaturedListForm, UploadForm } from './curate-forms'
import { requireCuratorPage } from './curator-page'
import { ImportPreview } from './import-preview'

export const metadata: Metadata = { title: 'Curate', robots: { index: false } }

type Props = { searchParams: Promise<{ draft?: string; imported?: string; featured?: string }> }

export default async function CuratePage({ searchParams }: Props) {
  const curator = await requireCuratorPage()
  const params = await searchParams
  const draftId = Number(params.draft)
  const draft = Number.isSafeInteger(draftId) && draftId > 0 ? await findDraft(curator, draftId) : null // prettier-ignore
  const preview = draft
    ? await previewCuratedList(draft.source, { slug: draft.listSlug, title: draft.listTitle, createFilms: draft.createFilms }, getDb()) // prettier-ignore
    : null
  const [lists, featured] = await Promise.all([curatedListSummaries(), featuredList()])
  const listPath = (slug: string) => (slug === featured.slug ? '/' : `/curated/${slug}`)
  const imported = lists.find((list) => list.slug === params.imported)
  return (
    <>
      <h1>Curate</h1>
      <p>
        <Link href="/curate/history">History of curator changes</Link>
      </p>
      {imported && (
        <p role="status" className="form-success">
          Imported “{imported.title}”: <Link href={listPath(imported.slug)}>see the list</Link>.
        </p>
      )}
      {params.featured === featured.slug && (
        <p role="status" className="form-success">
          The home page now shows “{featured.title}”: <Link href="/">see it</Link>.
        </p>
      )}
      {params.draft !== undefined && !draft && (
        <p role="alert" className="form-error">
          That preview has expired or was never made. Upload the file again.
        </p>
      )}
      {draft && preview && (
        <section aria-labelledby="preview" className="curate-preview">
          <h2 id="preview">Preview of {draft.fileName}</h2>
          {preview.ok ? (
            <>
              <ImportPreview
                report={preview.report}
                listTitle={draft.listTitle}
                isNew={!lists.some((l) => l.slug === draft.listSlug)}
              />
              <ApplyForm draftId={draft.id} />
            </>
          ) : (
            <ul>
              {preview.errors.map((error) => (
                <li key={error} className="field-error">
                  {error}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="upload">
        <h2 id="upload">Import a list</h2>
        <UploadForm />
      </section>
      <section aria-labelledby="featured">
        <h2 id="featured">Featured list</h2>
        <p>The home page shows “{featured.title}”.</p>
        <FeaturedListForm key={featured.slug} lists={lists} featured={featured.slug} />
      </section>
      <section aria-labelledby="lists">
        <h2 id="lists">Curated lists</h2>
        <ul>
          {lists.map((list) => (
            <li key={list.slug}>
              <Link href={listPath(list.slug)}>{list.title}</Link> ({list.entries}{' '}
              {list.entries === 1 ? 'entry' : 'entries'}) —{' '}
              <Link href={`/curate/lists/${list.slug}`}>
                Edit judgements<span className="visually-hidden"> of {list.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
