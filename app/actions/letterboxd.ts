'use server'

import {
  applyPendingImport,
  countsOf,
  planImport,
  resolveExport,
  savePendingImport,
} from '@/db/letterboxd-import'
import { getDb } from '@/db/client'
import { memberAction } from '@/lib/action'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { invalidate } from '@/lib/invalidate'
import { parseExport } from '@/lib/letterboxd/parse-export'
import { readUpload } from '@/lib/letterboxd/read-upload'
import {
  applyImportSchema,
  describeUploadError,
  importedMessage,
  importMessages,
  previewImportSchema,
  type Counted,
} from '@/lib/rules/letterboxd'

export type ImportPreview = {
  importId: string
  fileName: string
  counts: Counted
  notInCatalogue: { file: string; row: number; name: string; year: number | null }[]
  yearOff: { file: string; row: number; name: string; year: number | null; matched: { title: string; year: number } }[] // prettier-ignore
}

/** Reads the uploaded export and says what importing it would add; writes nothing of the member's. */
export const previewImport = memberAction<typeof previewImportSchema, { preview: ImportPreview }>(
  previewImportSchema,
  async (_input, { viewer, formData }) => {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) {
      return failure(CHECK_FIELDS, { file: [importMessages.noFile] })
    }
    const upload = readUpload(file.name, new Uint8Array(await file.arrayBuffer()))
    if (!upload.ok) return failure(CHECK_FIELDS, { file: [describeUploadError(upload.error)] })
    const parsed = parseExport(upload.files)
    if (!parsed.ok) return failure(CHECK_FIELDS, { file: [describeUploadError(parsed.error)] })
    const resolved = await resolveExport(parsed.data)
    const counts = countsOf(await planImport(viewer, resolved.rows, getDb()))
    const importId = await savePendingImport(viewer, resolved.rows)
    const { notInCatalogue, yearOff } = resolved
    return { ok: true, preview: { importId, fileName: file.name, counts, notInCatalogue, yearOff } }
  },
  { returnTo: '/settings/data' },
)

export const applyImport = memberAction<typeof applyImportSchema, { counts: Counted }>(
  applyImportSchema,
  async ({ importId }, { viewer }) => {
    const applied = await applyPendingImport(viewer, importId)
    if (!applied) return failure(importMessages.expired)
    const { counts, films } = applied
    await invalidate.diary(viewer)
    await invalidate.watchlist()
    await invalidate.filmRatings(films)
    await invalidate.filmReviews(films)
    if (counts.lists > 0) await invalidate.lists()
    const total = Object.values(counts).reduce((n, c) => n + c, 0)
    return {
      ok: true,
      counts,
      message: total === 0 ? importMessages.nothingNew : importedMessage(counts),
    }
  },
  { inMessage: ['importId'], returnTo: '/settings/data' },
)
