import { z } from 'zod'
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
} from './account-limits'
import { isCommonPassword } from './common-passwords'

export const messages = {
  usernameMissing: 'Enter a username',
  usernameLength: `Username must be ${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters`,
  usernameCharacters: 'Use only letters a–z, digits and _',
  emailMissing: 'Enter your email address',
  emailLength: 'Email address must be at most 254 characters',
  emailInvalid: 'Enter an email address like name@example.com',
  passwordMissing: 'Enter a password',
  passwordShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  passwordLong: `Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  passwordCommon: 'This password is too common. Choose one that is harder to guess.',
  currentPasswordMissing: 'Enter your current password',
} as const

// Code points, so that an emoji or a letter outside the BMP counts as one character.
const characters = (text: string) => [...text].length

export const usernameSchema = z
  .string({ error: messages.usernameMissing })
  .trim()
  .toLowerCase()
  .min(1, { error: messages.usernameMissing, abort: true })
  .min(USERNAME_MIN_LENGTH, messages.usernameLength)
  .max(USERNAME_MAX_LENGTH, messages.usernameLength)
  .regex(/^[a-z0-9_]*$/, messages.usernameCharacters)

export const emailSchema = z
  .string({ error: messages.emailMissing })
  .trim()
  .toLowerCase()
  .min(1, { error: messages.emailMissing, abort: true })
  .max(254, { error: messages.emailLength, abort: true })
  .pipe(z.email({ error: messages.emailInvalid }))

/** A password someone is entering to prove who they are: any non-empty string we would accept. */
const enteredPassword = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, { error: missing, abort: true })
    .refine((p) => characters(p) <= PASSWORD_MAX_LENGTH, messages.passwordLong)

/** A new password: long enough, not on the common list, anything else goes. Never trimmed. */
export const passwordSchema = z
  .string({ error: messages.passwordMissing })
  .min(1, { error: messages.passwordMissing, abort: true })
  .refine((p) => characters(p) >= PASSWORD_MIN_LENGTH, {
    error: messages.passwordShort,
    abort: true,
  })
  .refine((p) => characters(p) <= PASSWORD_MAX_LENGTH, {
    error: messages.passwordLong,
    abort: true,
  })
  .refine((p) => !isCommonPassword(p), messages.passwordCommon)

export const signUpSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
})

export const signInSchema = z.object({
  email: emailSchema,
  password: enteredPassword(messages.passwordMissing),
})

export const changePasswordSchema = z.object({
  currentPassword: enteredPassword(messages.currentPasswordMissing),
  newPassword: passwordSchema,
})

export const deleteAccountSchema = z.object({
  password: enteredPassword(messages.passwordMissing),
})

/** Messages by field name, for showing next to each form field. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const byField: Record<string, string[] | undefined> = z.flattenError(error).fieldErrors
  return Object.fromEntries(
    Object.entries(byField).filter((entry): entry is [string, string[]] => entry[1] !== undefined),
  )
}
