import { Field } from '@/components/form/field'
import { FieldFrame } from '@/components/form/field-frame'
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
      <FieldFrame id={id('watched-on')} label="Date watched" errors={errors?.watchedOn}>
        {(control) => (
          <input
            type="date"
            name="watchedOn"
            required
            min={`${yearStart}-01-01`}
            max={today}
            defaultValue={defaults.watchedOn}
            {...control}
          />
        )}
      </FieldFrame>
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
