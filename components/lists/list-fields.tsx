import { Field } from '@/components/form/field'
import type { ListVisibility } from '@/db/schema'
import { formatNumber } from '@/lib/format'
import { LIST_DESCRIPTION_MAX, LIST_TITLE_MAX } from '@/lib/rules/list-limits'
import { TextAreaField } from './text-area-field'

type Props = {
  /** Keeps ids unique when two forms share a page. */
  idPrefix: string
  errors?: Record<string, string[]>
  values: { title: string; description: string; visibility: ListVisibility | string }
}

/** Title, description and visibility, for making a list and for editing one. */
export function ListFields({ idPrefix, errors, values }: Props) {
  const visibilityError = errors?.visibility?.[0]
  const visibilityErrorId = visibilityError ? `${idPrefix}-visibility-error` : undefined
  const radio = (value: ListVisibility, label: string, hint: string) => (
    <div className="list-radio">
      <input
        type="radio"
        id={`${idPrefix}-${value}`}
        name="visibility"
        value={value}
        defaultChecked={values.visibility === value}
        aria-describedby={`${idPrefix}-${value}-hint`}
      />
      <label htmlFor={`${idPrefix}-${value}`}>{label}</label>
      <span id={`${idPrefix}-${value}-hint`} className="hint">
        {hint}
      </span>
    </div>
  )
  return (
    <>
      <Field
        id={`${idPrefix}-title`}
        name="title"
        label="Title"
        hint={`Up to ${LIST_TITLE_MAX} characters.`}
        maxLength={LIST_TITLE_MAX}
        autoComplete="off"
        errors={errors?.title}
        defaultValue={values.title}
      />
      <TextAreaField
        id={`${idPrefix}-description`}
        name="description"
        label="Description"
        hint={`Optional, up to ${formatNumber(LIST_DESCRIPTION_MAX)} characters.`}
        maxLength={LIST_DESCRIPTION_MAX}
        errors={errors?.description}
        defaultValue={values.description}
      />
      <fieldset
        className="list-visibility"
        role="radiogroup"
        aria-invalid={visibilityErrorId ? true : undefined}
        aria-describedby={visibilityErrorId}
      >
        <legend>Visibility</legend>
        {radio('public', 'Public', 'Anyone can see it, and it shows on your profile.')}
        {radio('private', 'Private', 'Only you can see it.')}
        {visibilityError && (
          <p id={visibilityErrorId} className="field-error">
            {visibilityError}
          </p>
        )}
      </fieldset>
    </>
  )
}
