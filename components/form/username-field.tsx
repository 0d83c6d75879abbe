import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '@/lib/rules/account-limits'
import { Field } from './field'

type Props = { id: string; errors?: string[]; defaultValue?: string }

/** The username input, for signing up and for choosing a name after a provider's sign-in. */
export function UsernameField({ id, errors, defaultValue }: Props) {
  return (
    <Field
      id={id}
      name="username"
      label="Username"
      autoComplete="username"
      hint={`${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters: letters a–z, digits and _.`}
      maxLength={USERNAME_MAX_LENGTH}
      errors={errors}
      defaultValue={defaultValue}
    />
  )
}
