type Props = { id: string; name: string; label: string; defaultChecked: boolean }

/** A checkbox with its label beside it. */
export function CheckboxField({ id, label, ...input }: Props) {
  return (
    <div className="checkbox-field">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
