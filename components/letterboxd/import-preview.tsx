'use client'

import { useActionState } from 'react'
import { applyImport, type ImportPreview } from '@/app/actions/letterboxd'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { countPhrases } from '@/lib/rules/letterboxd'

const rowName = (note: { file: string; row: number; name: string; year: number | null }) =>
  `${note.name}${note.year !== null ? ` (${note.year})` : ''} — ${note.file}, row ${note.row}`

/** What importing the previewed file would add, the rows that match no film, and "Import". */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const [state, dispatch] = useActionState(applyImport, null)
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
      {state?.ok ? (
        <FormMessage state={state} />
      ) : (
        <form action={dispatch}>
          <FormMessage state={state} />
          <input type="hidden" name="importId" value={preview.importId} />
          <SubmitButton pendingText="Importing…">Import</SubmitButton>
        </form>
      )}
    </section>
  )
}
