'use client'

import { useActionState, useState, type FormEvent } from 'react'
import { applyImport, previewImport } from '@/app/actions/letterboxd'
import { CHECK_FIELDS, failure, type ActionFailure } from '@/lib/action-result'
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '@/lib/letterboxd/upload-limit'
import { FieldFrame } from '@/components/form/field-frame'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { ImportPreviewView } from './import-preview'
import './letterboxd.css'

const tooLargeFailure = (file?: string) =>
  failure(CHECK_FIELDS, { file: [file ? `${file}: ${UPLOAD_TOO_LARGE}` : UPLOAD_TOO_LARGE] })

/**
 * The file to import and "Preview import"; the preview then offers "Import". `fileWasTooLarge`:
 * the page was sent back by server.ts because the file sent without JavaScript was too large.
 */
export function ImportForm({ fileWasTooLarge = false }: { fileWasTooLarge?: boolean }) {
  const [previewed, dispatch] = useActionState(
    previewImport,
    fileWasTooLarge ? tooLargeFailure() : null,
  )
  // A file too large to send is refused here, before its upload.
  const [refused, setRefused] = useState<ActionFailure | null>(null)
  const state = refused ?? previewed
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const field = event.currentTarget.elements.namedItem('file')
    const file = field instanceof HTMLInputElement ? field.files?.[0] : undefined
    const tooLarge = file !== undefined && file.size > MAX_UPLOAD_BYTES
    if (tooLarge) event.preventDefault()
    setRefused(tooLarge ? tooLargeFailure(file.name) : null)
  }
  // Here rather than in the preview: without JavaScript the page that answers "Import" has no
  // preview any more, and must still say what was imported.
  const [applied, apply] = useActionState(applyImport, null)
  const errors = state && !state.ok ? state.fieldErrors : undefined
  return (
    <>
      <FormMessage state={applied} />
      <form action={dispatch} onSubmit={checkSize} className="account-form">
        <FormMessage state={state?.ok ? null : state} />
        <FieldFrame id="import-file" label="Letterboxd export (ZIP or CSV)" errors={errors?.file}>
          {(control) => (
            <input
              type="file"
              name="file"
              accept=".zip,.csv,application/zip,text/csv"
              required
              {...control}
            />
          )}
        </FieldFrame>
        <SubmitButton pendingText="Reading the file…">Preview import</SubmitButton>
      </form>
      {state?.ok && (
        <ImportPreviewView
          key={state.preview.importId}
          preview={state.preview}
          apply={apply}
          applied={applied?.ok === true}
        />
      )}
    </>
  )
}
