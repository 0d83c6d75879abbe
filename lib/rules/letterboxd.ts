import { z } from 'zod'
import { countPhrases, type Counted } from './letterboxd-counts'
import type { UploadError } from '../letterboxd/read-upload'

export const importMessages = {
  noFile: 'Choose the ZIP Letterboxd gave you, or one CSV from it.',
  expired: 'This preview is no longer there (it was imported, or a newer one replaced it). Preview the file again.', // prettier-ignore
  nothingNew: 'Nothing to import: everything in this file is already here.',
}

export const previewImportSchema = z.object({})
export const applyImportSchema = z.object({
  importId: z.uuid({ error: importMessages.expired }),
})

/** "diary.csv, row 12: The Rating “7” is not …" */
export const describeUploadError = ({ file, row, message }: UploadError) =>
  `${file}${row !== undefined ? `, row ${row}` : ''}: ${message}`

export { countPhrases, type Counted }

export const importedMessage = (counts: Counted) => `Imported ${countPhrases(counts).join(', ')}.`
