import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { listForCuration, type JudgementView } from '@/db/curated-corrections'
import { AddJudgementForm, EditJudgementForm } from '../../curate-forms'
import { requireCuratorPage } from '../../curator-page'

export const metadata: Metadata = { title: 'Edit judgements', robots: { index: false } }

type Props = { params: Promise<{ slug: string }> }

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  year: 'title and year',
  description: 'description',
  fact: 'fact',
  introduction: 'introduction',
}

export default async function CurateListPage({ params }: Props) {
  await requireCuratorPage()
  const list = await listForCuration((await params).slug)
  if (!list) notFound()
  return (
    <>
      <p>
        <Link href="/curate">Curate</Link>
      </p>
      <h1>Judgements of “{list.title}”</h1>
      {list.judgements.length > 0 && (
        <section aria-labelledby="introduction">
          <h2 id="introduction">Introduction</h2>
          <Judgements judgements={list.judgements} />
        </section>
      )}
      {list.entries.map((entry) => (
        <section key={entry.id} aria-labelledby={`entry-${entry.id}`} className="curate-entry">
          <h2 id={`entry-${entry.id}`}>
            No. {entry.position + 1}: {entry.listedTitle} ({entry.listedYear})
          </h2>
          <p>
            {entry.film ? (
              <Link href={`/films/${entry.film.slug}`}>{entry.film.title}</Link>
            ) : (
              'Not in our catalogue'
            )}
          </p>
          <dl className="curate-texts">
            <dt>Description</dt>
            <dd>{entry.description.slice(0, 2000)}</dd>
            <dt>Fact</dt>
            <dd>{entry.fact.slice(0, 2000)}</dd>
          </dl>
          <Judgements judgements={entry.judgements} />
          <h3>Add a judgement</h3>
          <AddJudgementForm entryId={entry.id} />
        </section>
      ))}
    </>
  )
}

function Judgements({ judgements }: { judgements: JudgementView[] }) {
  return judgements.map((judgement) => (
    <fieldset key={judgement.id} className="curate-judgement">
      <legend>
        {judgement.verdict === 'verified' ? 'Verification' : 'Correction'} of the{' '}
        {FIELD_LABELS[judgement.field] ?? judgement.field}: “{judgement.claim}”
      </legend>
      <EditJudgementForm judgement={judgement} />
    </fieldset>
  ))
}
