import { z } from 'zod'
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
  USERNAME_MIN_LENGTH,
} from './account-limits'
import { formatClockUtc, plural } from '../format'
import { characters } from './common'
import { isCommonPassword } from '../common-passwords'

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
export const enteredPassword = (missing: string) =>
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

export const chooseUsernameSchema = z.object({ username: usernameSchema })

/** A provider's account has no password: its owner confirms deletion with their username. */
export const deleteAccountSchema = z.object({
  password: z.string().optional(),
  username: z.string().optional(),
})

export const accountMessages = {
  incorrect: 'Email or password is incorrect.',
  usernameTaken: 'This username is taken. Choose another.',
  usernameAlreadyChosen: 'You have already chosen your username; it cannot be changed here.',
  emailTaken: 'An account with this email address already exists. Sign in instead.',
  currentPasswordWrong: 'Your current password is not correct.',
  passwordWrong: 'Your password is not correct.',
  typeUsername: 'Type your username exactly to confirm.',
  busy: (seconds: number) =>
    `Kinofront is busy creating other accounts. Try again in ${seconds} seconds.`,
  busyCheckingPasswords: (seconds: number) =>
    `Kinofront is busy checking other passwords. Try again in ${seconds} seconds.`,
}

export const TOO_MANY_SIGN_UPS = 'Too many accounts have been created from your address.'

const MINUTE = 60_000

/**
 * E.g. "Too many sign-in attempts. Try again in 12 minutes (at 14:32 UTC)." The wait is rounded
 * up to whole minutes (at least one), and the clock time up to the minute, so trying at the time
 * shown always works.
 */
export function formatRetryMessage(
  retryAt: Date,
  now: Date,
  what = 'Too many sign-in attempts.',
): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE))
  const at = new Date(Math.ceil(Math.max(retryAt.getTime(), now.getTime() + 1) / MINUTE) * MINUTE)
  return `${what} Try again in ${plural(minutes, 'minute')} (at ${formatClockUtc(at)} UTC).`
}
