'use client'

import { AccountForm } from '@/components/form/account-form'
import { Field } from '@/components/form/field'
import { FieldFrame } from '@/components/form/field-frame'
import {
  addEntryJudgement,
  applyDraft,
  featureList,
  previewListFile,
  saveJudgement,
} from '@/app/actions/curation'
import { CURATED_LIMITS } from '@/lib/rules/curated-limits'

/** Several messages under one control (a list file can have many problems at once). */
function Problems({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-error-list">
      {errors.map((error) => (
        <li key={error} className="field-error">
          {error}
        </li>
      ))}
    </ul>
  )
}

export function UploadForm() {
  return (
    <AccountForm action={previewListFile} submit="Preview import" pendingText="Reading the file…">
      {({ errors, values }) => (
        <>
          <div className="form-field">
            <label htmlFor="list-file">List file</label>
            <p id="list-file-hint" className="hint">
              A text file in the article format: an introduction, then “Title (Year)” with
              Description: and Fact: lines. UTF-8 or UTF-16, at most 1 MB.
            </p>
            <input
              id="list-file"
              name="file"
              type="file"
              accept=".txt,text/plain"
              required
              aria-invalid={errors?.file ? true : undefined}
              aria-describedby={errors?.file ? 'list-file-errors list-file-hint' : 'list-file-hint'}
            />
            <Problems id="list-file-errors" errors={errors?.file} />
          </div>
          <Field
            id="list-slug"
            name="listSlug"
            label="List slug"
            required={false}
            maxLength={CURATED_LIMITS.slugCharacters}
            hint="Optional. Its address will be /curated/<slug>; an existing slug replaces that list. Left empty, it is made from the title."
            errors={errors?.listSlug}
            defaultValue={values?.listSlug}
          />
          <Field
            id="list-title"
            name="listTitle"
            label="List title"
            required={false}
            maxLength={CURATED_LIMITS.titleCharacters}
            hint="Optional. Used when the file does not start with a title of its own."
            errors={errors?.listTitle}
            defaultValue={values?.listTitle}
          />
          <div className="form-field form-check">
            <input
              id="create-films"
              name="createFilms"
              type="checkbox"
              defaultChecked={values?.createFilms === 'on'}
            />
            <label htmlFor="create-films">Create films that are not in the catalogue</label>
          </div>
        </>
      )}
    </AccountForm>
  )
}

export function ApplyForm({ draftId }: { draftId: number }) {
  return (
    <AccountForm action={applyDraft} submit="Apply import" pendingText="Importing…">
      {() => <input type="hidden" name="draft" value={draftId} />}
    </AccountForm>
  )
}

type Judgement = { id: number; finding: string; sources: string[] }

export function EditJudgementForm({ judgement }: { judgement: Judgement }) {
  return (
    <AccountForm action={saveJudgement} submit="Save judgement" pendingText="Saving…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="correction" value={judgement.id} />
          <FindingFields
            id={`judgement-${judgement.id}`}
            errors={errors}
            finding={values?.finding ?? judgement.finding}
            sources={values?.sources ?? judgement.sources.join('\n')}
          />
        </>
      )}
    </AccountForm>
  )
}

export function AddJudgementForm({ entryId }: { entryId: number }) {
  const id = `entry-${entryId}-new`
  return (
    <AccountForm action={addEntryJudgement} submit="Add judgement" pendingText="Adding…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="entry" value={entryId} />
          <Select
            id={`${id}-field`}
            name="field"
            label="Part of the entry"
            errors={errors?.field}
            defaultValue={values?.field ?? 'fact'}
            options={[
              ['title', 'Title'],
              ['year', 'Title and year'],
              ['description', 'Description'],
              ['fact', 'Fact'],
            ]}
          />
          <Select
            id={`${id}-verdict`}
            name="verdict"
            label="Verdict"
            errors={errors?.verdict}
            defaultValue={values?.verdict ?? 'corrected'}
            options={[
              ['corrected', 'Correction'],
              ['verified', 'Verified'],
            ]}
          />
          <TextArea
            id={`${id}-claim`}
            name="claim"
            label="Claim"
            hint="Quote the entry’s words that this judges, exactly as written."
            errors={errors?.claim}
            defaultValue={values?.claim}
          />
          <FindingFields
            id={id}
            errors={errors}
            finding={values?.finding}
            sources={values?.sources}
          />
        </>
      )}
    </AccountForm>
  )
}

/** A judgement's own words: its text and its sources. */
function FindingFields({
  id,
  errors,
  finding,
  sources,
}: {
  id: string
  errors?: Record<string, string[]>
  finding?: string
  sources?: string
}) {
  return (
    <>
      <TextArea
        id={`${id}-finding`}
        name="finding"
        label="Text"
        errors={errors?.finding}
        defaultValue={finding}
      />
      <TextArea
        id={`${id}-sources`}
        name="sources"
        label="Sources"
        hint="Web addresses, one a line."
        errors={errors?.sources}
        defaultValue={sources}
        required={false}
      />
    </>
  )
}

type ListChoice = { slug: string; title: string }

/** A list's title, with its slug when another list has the same title. */
const choiceLabel = (list: ListChoice, lists: ListChoice[]) =>
  lists.some((other) => other !== list && other.title === list.title)
    ? `${list.title} (${list.slug})`
    : list.title

/** Which curated list the home page shows. */
export function FeaturedListForm({ lists, featured }: { lists: ListChoice[]; featured: string }) {
  return (
    <AccountForm action={featureList} submit="Feature this list" pendingText="Featuring…">
      {({ errors, values }) => (
        <Select
          id="featured-list"
          name="list"
          label="Featured list"
          errors={errors?.list}
          defaultValue={values?.list ?? featured}
          options={lists.map((list) => [list.slug, choiceLabel(list, lists)])}
        />
      )}
    </AccountForm>
  )
}

function TextArea({
  required = true,
  ...props
}: {
  id: string
  name: string
  label: string
  hint?: string
  errors?: string[]
  defaultValue?: string
  required?: boolean
}) {
  const { id, label, hint, errors, ...textarea } = props
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(control) => (
        <textarea
          rows={3}
          required={required}
          maxLength={CURATED_LIMITS.textCharacters}
          {...control}
          {...textarea}
        />
      )}
    </FieldFrame>
  )
}

function Select({
  options,
  ...props
}: {
  id: string
  name: string
  label: string
  errors?: string[]
  defaultValue: string
  /** Each option's value and label. */
  options: (readonly [string, string])[]
}) {
  const { id, label, errors, ...select } = props
  return (
    <FieldFrame id={id} label={label} errors={errors}>
      {(control) => (
        <select {...control} {...select}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}
