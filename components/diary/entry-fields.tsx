import { Field } from '@/components/form/field'
import { TextAreaField } from '@/components/lists/text-area-field'
import { RatingStars } from '@/components/rating/rating-stars'
import { MAX_REVIEW, MAX_TAGS } from '@/lib/rules/diary-limits'
import { CheckboxField } from './checkbox-field'

export type EntryDefaults = {
  watchedOn: string
  score: number | null
  review: string
  spoilers: boolean
  rewatch: boolean
  tags: string
}

type Props = {
  /** Prefix for the fields' ids, so that two forms on a page do not share them. */
  idPrefix: string
  yearStart: number
  today: string
  defaults: EntryDefaults
  errors?: Record<string, string[]>
}

/** The fields of a diary entry, shared by logging a viewing and editing an entry. */
export function EntryFields({ idPrefix, yearStart, today, defaults, errors }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`
  return (
    <>
      <DateField
        id={id('watched-on')}
        min={`${yearStart}-01-01`}
        max={today}
        defaultValue={defaults.watchedOn}
        errors={errors?.watchedOn}
      />
      <RatingStars score={defaults.score} legend="Rating" optional />
      {errors?.score && <p className="field-error">{errors.score[0]}</p>}
      <TextAreaField
        id={id('review')}
        name="review"
        label="Review"
        hint="Optional. Plain text; a blank line starts a new paragraph."
        maxLength={MAX_REVIEW}
        defaultValue={defaults.review}
        errors={errors?.review}
        rows={5}
      />
      <CheckboxField
        id={id('spoilers')}
        name="spoilers"
        label="Contains spoilers"
        defaultChecked={defaults.spoilers}
      />
      <CheckboxField
        id={id('rewatch')}
        name="rewatch"
        label="Rewatch"
        defaultChecked={defaults.rewatch}
      />
      <Field
        id={id('tags')}
        name="tags"
        label="Tags"
        hint={`Optional. Separate tags with commas, up to ${MAX_TAGS}.`}
        required={false}
        defaultValue={defaults.tags}
        errors={errors?.tags}
      />
    </>
  )
}

function DateField({
  id,
  errors,
  ...input
}: {
  id: string
  min: string
  max: string
  defaultValue: string
  errors?: string[]
}) {
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div className="form-field">
      <label htmlFor={id}>Date watched</label>
      <input
        id={id}
        type="date"
        name="watchedOn"
        required
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        {...input}
      />
      {errorId && (
        <p id={errorId} className="field-error">
          {errors![0]}
        </p>
      )}
    </div>
  )
}
