import { Field } from './field'

type Props = { id: string; errors?: string[]; defaultValue?: string }

/** The email address of an account, as the sign-in and sign-up forms ask for it. */
export function EmailField({ id, errors, defaultValue }: Props) {
  return (
    <Field
      id={id}
      name="email"
      label="Email"
      type="email"
      autoComplete="email"
      errors={errors}
      defaultValue={defaultValue}
    />
  )
}

type PasswordProps = {
  id: string
  name: string
  label: string
  /** `current-password` to prove who one is, `new-password` to choose one. */
  autoComplete: 'current-password' | 'new-password'
  hint?: string
  errors?: string[]
}

/** A password input: never filled again from what was typed. */
export function PasswordField(props: PasswordProps) {
  return <Field type="password" {...props} />
}
