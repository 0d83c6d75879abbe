'use client'

import { useActionState } from 'react'
import { applyImport, previewImport } from '@/app/actions/letterboxd'
import { FieldFrame } from '@/components/form/field-frame'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { ImportPreviewView } from './import-preview'
import './letterboxd.css'

/** The file to import and "Preview import"; the preview then offers "Import". */
export function ImportForm() {
  const [state, dispatch] = useActionState(previewImport, null)
  // Here rather than in the preview: without JavaScript the page that answers "Import" has no
  // preview any more, and must still say what was imported.
  const [applied, apply] = useActionState(applyImport, null)
  const errors = state && !state.ok ? state.fieldErrors : undefined
  return (
    <>
      <FormMessage state={applied} />
      <form action={dispatch} className="account-form">
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
