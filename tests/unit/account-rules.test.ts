import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  changePasswordSchema,
  deleteAccountSchema,
  emailSchema,
  messages,
  passwordSchema,
  signInSchema,
  signUpSchema,
  usernameSchema,
} from '@/lib/rules/accounts'
import { commonPasswords, isCommonPassword } from '@/lib/common-passwords'
import { fieldErrorsOf } from '@/lib/rules/common'

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}
const list = [...commonPasswords()]
const listedOfPolicyLength = list.filter((p) => [...p].length >= 8)
const anyText = fc.string({ unit: 'binary', maxLength: 40 })

describe('username', () => {
  it.each([
    ['kate', 'kate'],
    ['  Kate_1917 ', 'kate_1917'],
    ['abc', 'abc'],
    ['a'.repeat(30), 'a'.repeat(30)],
    ['___', '___'],
  ])('accepts %j as %j', (input, output) => {
    expect(usernameSchema.parse(input)).toBe(output)
  })

  it.each([
    ['', [messages.usernameMissing]],
    ['   ', [messages.usernameMissing]],
    [undefined, [messages.usernameMissing]],
    ['ab', [messages.usernameLength]],
    ['a'.repeat(31), [messages.usernameLength]],
    ['kate smith', [messages.usernameCharacters]],
    ['kate-smith', [messages.usernameCharacters]],
    ['андрей', [messages.usernameCharacters]],
    ['josé', [messages.usernameCharacters]],
    ['k!', [messages.usernameLength, messages.usernameCharacters]],
  ])('refuses %j with %j', (input, expected) => {
    expect(errorsOf(usernameSchema, input)).toEqual(expected)
  })

  it('accepts a string exactly when, trimmed and lower-cased, it is 3–30 of a–z, 0–9, _', () => {
    const valid = fc.stringMatching(/^\s{0,2}[A-Za-z0-9_]{1,32}\s{0,2}$/)
    const nearlyValid = fc.stringMatching(/^\s{0,2}[A-Za-z0-9_. -]{1,33}\s{0,2}$/)
    fc.assert(
      fc.property(fc.oneof(anyText, valid, nearlyValid), (input) => {
        const result = usernameSchema.safeParse(input)
        const rule = /^[a-z0-9_]{3,30}$/.test(input.trim().toLowerCase())
        expect(result.success).toBe(rule)
        if (result.success) expect(result.data).toMatch(/^[a-z0-9_]{3,30}$/)
      }),
      { numRuns: 500 },
    )
  })
})

describe('email', () => {
  it('trims and lower-cases', () => {
    expect(emailSchema.parse('  Kate.Smith@Example.COM ')).toBe('kate.smith@example.com')
  })

  it.each([
    ['', messages.emailMissing],
    [null, messages.emailMissing],
    ['kate', messages.emailInvalid],
    ['kate@', messages.emailInvalid],
    ['kate@example', messages.emailInvalid],
    ['kate smith@example.com', messages.emailInvalid],
    [`${'a'.repeat(64)}@${'b'.repeat(186)}.com`, messages.emailLength],
  ])('refuses %j', (input, message) => {
    expect(errorsOf(emailSchema, input)).toEqual([message])
  })

  it('only ever gives back a trimmed, lower-case address of at most 254 characters', () => {
    // Addresses built to be valid (any case, padded with spaces), so most runs reach the checks;
    // arbitrary text covers the rest.
    const label = fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/)
    const valid = fc
      .tuple(
        fc.constantFrom('', ' ', '\t', '\u00a0'),
        fc.stringMatching(/^[a-zA-Z0-9_+-]{1,64}$/),
        fc.array(label, { minLength: 1, maxLength: 20 }),
        fc.stringMatching(/^[a-zA-Z]{2,6}$/),
        fc.constantFrom('', ' '),
      )
      .map(([before, local, labels, tld, after]) => `${before}${local}@${[...labels, tld].join('.')}${after}`) // prettier-ignore
    let checked = 0
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anyText, weight: 1 }),
        (input) => {
          const result = emailSchema.safeParse(input)
          if (!result.success) return
          checked++
          expect(result.data).toBe(result.data.trim().toLowerCase())
          expect(result.data.length).toBeLessThanOrEqual(254)
        },
      ),
      { numRuns: 500 },
    )
    // Long domains go over 254 characters and are refused: most of the rest are checked.
    expect(checked).toBeGreaterThan(250)
  })
})

describe('new password', () => {
  it.each([
    'a long sentence with spaces',
    '12345678x',
    '        ', // eight spaces: no rule against it, and never trimmed
    'журавли летят',
    '🎬🎬🎬🎬🎬🎬🎬🎬',
    'x'.repeat(1024),
  ])('accepts %j unchanged', (input) => {
    expect(passwordSchema.parse(input)).toBe(input)
  })

  it('keeps surrounding spaces', () => {
    expect(passwordSchema.parse('  kinofront rules  ')).toBe('  kinofront rules  ')
  })

  it.each([
    ['', messages.passwordMissing],
    [undefined, messages.passwordMissing],
    ['seven77', messages.passwordShort],
    ['🎬🎬🎬🎬🎬🎬🎬', messages.passwordShort], // 14 UTF-16 units but 7 characters
    ['x'.repeat(1025), messages.passwordLong],
    ['password', messages.passwordCommon],
    ['Password1', messages.passwordCommon],
    [' qwertyuiop ', messages.passwordCommon],
    ['ILOVEYOU', messages.passwordCommon],
  ])('refuses %j', (input, message) => {
    expect(errorsOf(passwordSchema, input)).toEqual([message])
  })

  it('refuses anything shorter than 8 characters, counting code points', () => {
    const short = fc.string({ unit: 'binary', minLength: 1, maxLength: 7 })
    fc.assert(
      fc.property(short, (input) => {
        expect(errorsOf(passwordSchema, input)).toEqual([messages.passwordShort])
      }),
    )
  })

  it('accepts anything of 8 to 1024 characters that is not on the list', () => {
    const long = fc.string({ unit: 'binary', minLength: 8, maxLength: 1024 })
    fc.assert(
      fc.property(long, (input) => {
        fc.pre(!isCommonPassword(input))
        expect(passwordSchema.parse(input)).toBe(input)
      }),
    )
  })

  it('refuses listed passwords in any letter case and with surrounding spaces', () => {
    const casing = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 })
    fc.assert(
      fc.property(fc.constantFrom(...listedOfPolicyLength), casing, (password, upper) => {
        const mixed = [...password].map((c, i) => (upper[i % 64] ? c.toUpperCase() : c)).join('')
        expect(errorsOf(passwordSchema, mixed)).toEqual([messages.passwordCommon])
        expect(errorsOf(passwordSchema, ` ${mixed} `)).toEqual([messages.passwordCommon])
      }),
      { numRuns: 500 },
    )
  })

  it('is checked against at least the top 3,000 passwords that pass the length rule', () => {
    expect(list.length).toBeGreaterThanOrEqual(1000)
    expect(listedOfPolicyLength.length).toBeGreaterThanOrEqual(3000)
    expect(list.slice(0, 3)).toEqual(['123456', 'password', '12345678'])
    expect(list.every((p) => p === p.trim().toLowerCase() && p !== '')).toBe(true)
  })
})

describe('forms', () => {
  it('sign-up validates all three fields and reports each by name', () => {
    expect(
      signUpSchema.parse({ username: ' Kate ', email: 'Kate@Example.com', password: 'cranes fly' }),
    ).toEqual({ username: 'kate', email: 'kate@example.com', password: 'cranes fly' })
    const result = signUpSchema.safeParse({ username: 'k', email: 'nope', password: 'password' })
    expect(result.success).toBe(false)
    expect(fieldErrorsOf(result.error!)).toEqual({
      username: [messages.usernameLength],
      email: [messages.emailInvalid],
      password: [messages.passwordCommon],
    })
  })

  it('sign-in needs a password but does not judge it', () => {
    expect(signInSchema.parse({ email: 'kate@example.com', password: '123' })).toEqual({
      email: 'kate@example.com',
      password: '123',
    })
    const result = signInSchema.safeParse({ email: 'kate@example.com', password: '' })
    expect(fieldErrorsOf(result.error!)).toEqual({ password: [messages.passwordMissing] })
    expect(errorsOf(signInSchema, { email: 'a@b.co', password: 'x'.repeat(1025) })).toEqual([
      messages.passwordLong,
    ])
  })

  it('change of password checks the new one only', () => {
    expect(
      changePasswordSchema.parse({ currentPassword: 'old', newPassword: 'a much better one' }),
    ).toEqual({ currentPassword: 'old', newPassword: 'a much better one' })
    const result = changePasswordSchema.safeParse({ currentPassword: '', newPassword: 'qwerty123' })
    expect(fieldErrorsOf(result.error!)).toEqual({
      currentPassword: [messages.currentPasswordMissing],
      newPassword: [messages.passwordCommon],
    })
  })

  // Whether the password or the username is needed depends on the account: the deleteAccount
  // action asks for each (tests/unit/account-actions.test.ts).
  it('deleting the account reads the password or the username, as typed', () => {
    expect(deleteAccountSchema.parse({ password: ' x ' })).toEqual({ password: ' x ' })
    expect(deleteAccountSchema.parse({ username: 'Kate ' })).toEqual({ username: 'Kate ' })
    expect(deleteAccountSchema.parse({})).toEqual({})
  })
})
