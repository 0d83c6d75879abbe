'use server'

import { redirect } from 'next/navigation'
import { getDb } from '@/db/client'
import { addJudgement, updateJudgement } from '@/db/curated-corrections'
import {
  describeReport,
  importCuratedList,
  listSlugFromTitle,
  previewCuratedList,
} from '@/db/curated-import'
import { decodeListFile } from '@/db/curated-list-file'
import { parseCuratedList } from '@/db/curated-list-parser'
import { deleteDraft, findDraft, saveDraft } from '@/db/curation-drafts'
import { chooseFeaturedList } from '@/db/featured-choice'
import { recordCuratorChange } from '@/db/curators'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { curatorAction } from '@/lib/curator-action'
import { invalidate } from '@/lib/invalidate'
import {
  addCorrectionSchema,
  applyDraftSchema,
  chooseFeaturedSchema,
  CURATED_LIMITS,
  CURATION_FIELDS_IN_MESSAGE,
  curationMessages,
  editCorrectionSchema,
  uploadListSchema,
} from '@/lib/rules/curated'

const inMessage = CURATION_FIELDS_IN_MESSAGE

/** Reads an uploaded list file and shows what importing it would do, keeping it as a draft. */
export const previewListFile = curatorAction(
  uploadListSchema,
  async ({ listSlug, listTitle, createFilms }, { curator, formData }) => {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) {
      return failure(CHECK_FIELDS, { file: [curationMessages.fileMissing] })
    }
    if (file.size > CURATED_LIMITS.fileBytes) {
      const size = (file.size / 1024 / 1024).toFixed(1)
      return failure(CHECK_FIELDS, { file: [`The file is ${size} MB; a list file may be at most 1 MB`] }) // prettier-ignore
    }
    const decoded = decodeListFile(new Uint8Array(await file.arrayBuffer()))
    if (!decoded.ok) return failure(CHECK_FIELDS, { file: decoded.errors })
    const parsed = parseCuratedList(decoded.text)
    if (!parsed.ok) return failure(CHECK_FIELDS, { file: parsed.errors })
    const title = listTitle || parsed.list.title || file.name.replace(/\.[^.]*$/, '')
    const slug = listSlug || listSlugFromTitle(title)
    if (!slug) {
      return failure(CHECK_FIELDS, { listSlug: ['Give the list a slug, e.g. "films-about-partisans"'] }) // prettier-ignore
    }
    const target = { slug, title, createFilms }
    const preview = await previewCuratedList(decoded.text, target, getDb())
    if (!preview.ok) return failure(CHECK_FIELDS, { file: preview.errors })
    const fileName = file.name.slice(0, 200) || 'list.txt'
    const draft = await saveDraft(curator, { listSlug: slug, listTitle: title, createFilms, fileName, source: decoded.text }) // prettier-ignore
    redirect(`/curate?draft=${draft}#preview`)
  },
)

/** Applies a previewed file, recording who imported what. */
export const applyDraft = curatorAction(
  applyDraftSchema,
  async ({ draft: id }, { curator }) => {
    const draft = await findDraft(curator, id)
    if (!draft) return failure(curationMessages.draftMissing)
    const result = await importCuratedList(
      draft.source,
      {
        slug: draft.listSlug,
        title: draft.listTitle,
        createFilms: draft.createFilms,
        onApplied: (report, tx) =>
          recordCuratorChange(
            curator,
            { kind: 'import', listSlug: draft.listSlug, summary: `Imported ${draft.fileName}: ${describeReport(report)}` }, // prettier-ignore
            tx,
          ),
      },
      getDb(),
    )
    // The catalogue may have changed since the preview (a film added, say).
    if (!result.ok) return failure(`Nothing was imported: ${result.errors.join('; ')}`)
    await deleteDraft(curator, id)
    await invalidate.curatedList(
      { slug: result.report.list },
      result.report.changedFilms.map((slug) => ({ slug })),
    )
    redirect(`/curate?imported=${draft.listSlug}`)
  },
  { inMessage },
)

/** Rewrites a judgement's text and sources. */
export const saveJudgement = curatorAction(
  editCorrectionSchema,
  async ({ correction, finding, sources }, { curator }) => {
    const place = await getDb().transaction(async (tx) => {
      const place = await updateJudgement(correction, { finding, sources }, tx)
      if (place) {
        const summary = `Edited the judgement of “${place.claim}”: ${finding}`
        await recordCuratorChange(curator, { kind: 'correction', listSlug: place.listSlug, summary }, tx) // prettier-ignore
      }
      return place
    })
    if (!place) return failure(curationMessages.correctionMissing)
    await invalidate.curatedList({ slug: place.listSlug }, place.filmSlug ? [{ slug: place.filmSlug }] : []) // prettier-ignore
    return { ok: true, message: curationMessages.saved }
  },
  { inMessage },
)

/** Adds a correction or a verification to one entry, quoting the words it judges. */
export const addEntryJudgement = curatorAction(
  addCorrectionSchema,
  async ({ entry, ...judgement }, { curator }) => {
    const place = await getDb().transaction(async (tx) => {
      const place = await addJudgement(entry, judgement, tx)
      if ('listSlug' in place) {
        const mark = judgement.verdict === 'verified' ? 'Verified' : 'Corrected'
        const summary = `${mark} the ${judgement.field} “${judgement.claim}”: ${judgement.finding}`
        await recordCuratorChange(curator, { kind: 'correction', listSlug: place.listSlug, summary }, tx) // prettier-ignore
      }
      return place
    })
    if ('missing' in place) {
      return place.missing === 'entry'
        ? failure(curationMessages.entryMissing)
        : failure(CHECK_FIELDS, { claim: [curationMessages.claimNotInText] })
    }
    await invalidate.curatedList({ slug: place.listSlug }, place.filmSlug ? [{ slug: place.filmSlug }] : []) // prettier-ignore
    return { ok: true, message: curationMessages.added }
  },
  { inMessage },
)

/** Features another curated list on the home page, recording who chose it. */
export const featureList = curatorAction(chooseFeaturedSchema, async ({ list }, { curator }) => {
  const change = await chooseFeaturedList(curator, list)
  if ('missing' in change) return failure(CHECK_FIELDS, { list: [curationMessages.listMissing] })
  if ('from' in change) await invalidate.featuredList(change)
  redirect(`/curate?featured=${list}`)
})
