'use client'

import type { ImportPreview } from '@/app/actions/letterboxd'
import { SubmitButton } from '@/components/form/submit-button'
import { countPhrases } from '@/lib/rules/letterboxd-counts'

const rowName = (note: { file: string; row: number; name: string; year: number | null }) =>
  `${note.name}${note.year !== null ? ` (${note.year})` : ''} — ${note.file}, row ${note.row}`

type Props = {
  preview: ImportPreview
  /** The import action's dispatch, whose answer the import form shows. */
  apply: (formData: FormData) => void
  applied: boolean
}

/** What importing the previewed file would add, the rows that match no film, and "Import". */
export function ImportPreviewView({ preview, apply, applied }: Props) {
  return (
    <section className="import-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">What importing {preview.fileName} adds</h3>
      <ul>
        {countPhrases(preview.counts).map((phrase) => (
          <li key={phrase}>{phrase}</li>
        ))}
      </ul>
      {preview.yearOff.length > 0 && (
        <>
          <h4>Matched with a year one off</h4>
          <ul>
            {preview.yearOff.map((note) => (
              <li key={`${note.file}-${note.row}`}>
                {rowName(note)}: matched to {note.matched.title} ({note.matched.year})
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.notInCatalogue.length > 0 && (
        <>
          <h4>Not in the catalogue</h4>
          <ul>
            {preview.notInCatalogue.map((note) => (
              <li key={`${note.file}-${note.row}`}>{rowName(note)}</li>
            ))}
          </ul>
        </>
      )}
      {!applied && (
        <form action={apply}>
          <input type="hidden" name="importId" value={preview.importId} />
          <SubmitButton pendingText="Importing…">Import</SubmitButton>
        </form>
      )}
    </section>
  )
}
