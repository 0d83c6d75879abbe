import { z } from 'zod'
import { checkbox, rowId, text } from './common'
import { CURATED_LIMITS } from './curated-limits'

export { CURATED_LIMITS }

export const LIST_SLUG_RULE = 'may use only lower-case letters a–z, digits and single hyphens'

/** A curated list's slug as it appears in /curated/<slug>. */
export const listSlugSchema = z
  .string()
  .trim()
  .min(1, { error: 'Give the list a slug, e.g. "films-about-partisans"' })
  .max(CURATED_LIMITS.slugCharacters, {
    error: `A list slug has at most ${CURATED_LIMITS.slugCharacters} characters`,
  })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `A list slug ${LIST_SLUG_RULE}` })

export const MAX_SOURCES = 10

export const curationMessages = {
  fileMissing: 'Choose a list file to upload',
  titleLong: `A list title has at most ${CURATED_LIMITS.titleCharacters} characters`,
  draftMissing: 'That preview has expired or was never made. Upload the file again.',
  correctionMissing: 'That correction no longer exists. Reload the page.',
  entryMissing: 'That entry is no longer on the list. Reload the page.',
  listMissing: 'Choose one of the curated lists',
  findingMissing: 'Write what the correction says',
  findingLong: `A correction has at most ${CURATED_LIMITS.textCharacters} characters`,
  claimMissing: 'Quote the words of the entry that this judges',
  claimLong: `A claim has at most ${CURATED_LIMITS.textCharacters} characters`,
  claimNotInText: 'The claim must quote the entry’s text word for word',
  fieldMissing: 'Choose which part of the entry this judges',
  verdictMissing: 'Choose Correction or Verified',
  sourcesBad:
    'Give each source as a full web address starting with https:// or http://, one a line',
  sourcesMany: `Give at most ${MAX_SOURCES} sources`,
  saved: 'Correction saved.',
  added: 'Judgement added.',
}

const sourcesSchema = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((urls) => urls.length <= MAX_SOURCES, { error: curationMessages.sourcesMany })
  .refine((urls) => urls.every((url) => /^https?:\/\/[^\s]+$/.test(url) && URL.canParse(url)), {
    error: curationMessages.sourcesBad,
  })

const findingSchema = z
  .string({ error: curationMessages.findingMissing })
  .pipe(text(CURATED_LIMITS.textCharacters, curationMessages.findingLong, { multiline: true }))
  .refine((finding) => finding.length > 0, curationMessages.findingMissing)

export const editCorrectionSchema = z.object({
  correction: rowId(curationMessages.correctionMissing),
  finding: findingSchema,
  sources: sourcesSchema,
})

export const judgedFields = ['title', 'year', 'description', 'fact'] as const

export const addCorrectionSchema = z.object({
  entry: rowId(curationMessages.entryMissing),
  field: z.enum(judgedFields, { error: curationMessages.fieldMissing }),
  verdict: z.enum(['corrected', 'verified'], { error: curationMessages.verdictMissing }),
  claim: z
    .string({ error: curationMessages.claimMissing })
    .pipe(text(CURATED_LIMITS.textCharacters, curationMessages.claimLong))
    .refine((claim) => claim.length > 0, curationMessages.claimMissing),
  finding: findingSchema,
  sources: sourcesSchema,
})

export const uploadListSchema = z.object({
  listSlug: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? '')
    .pipe(z.union([z.literal(''), listSlugSchema])),
  listTitle: z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .pipe(text(CURATED_LIMITS.titleCharacters, curationMessages.titleLong)),
  createFilms: checkbox('Tick the box or leave it empty'),
})

export const applyDraftSchema = z.object({ draft: rowId(curationMessages.draftMissing) })

// Chosen from a menu of the lists: whatever else arrives, the answer is to choose one of them.
export const chooseFeaturedSchema = z.object({
  list: z
    .string({ error: curationMessages.listMissing })
    .refine((slug) => listSlugSchema.safeParse(slug).success, curationMessages.listMissing),
})

export const CURATION_FIELDS_IN_MESSAGE = ['correction', 'entry', 'draft'] as const
