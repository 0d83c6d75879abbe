import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '@/lib/password'

// Every hash costs about a third of a second here, so the tests share a few.
const password = 'correct horse battery staple'
const stored = await hashPassword(password)
const [, , , , salt = '', hash = ''] = stored.split('$')

describe('password hashing', () => {
  it('accepts the password it hashed and refuses any other', async () => {
    expect(await verifyPassword(password, stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false)
    expect(await verifyPassword(`${password} `, stored)).toBe(false)
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false)
  })

  it('records scrypt N = 2^17, r = 8, p = 1, a 16-byte salt and a 32-byte key', () => {
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16)
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32)
  })

  it('salts each hash, so the same password never hashes the same twice', async () => {
    const again = await hashPassword(password)
    expect(again).not.toBe(stored)
    expect(again.split('$')[4]).not.toBe(salt)
    expect(await verifyPassword(password, again)).toBe(true)
  })

  it('uses every character of a long password', async () => {
    const long = 'a'.repeat(999) + 'b'
    const longHash = await hashPassword(long)
    expect(await verifyPassword(long, longHash)).toBe(true)
    expect(await verifyPassword('a'.repeat(999) + 'c', longHash)).toBe(false)
    expect(await verifyPassword('a'.repeat(999), longHash)).toBe(false)
  })

  it('takes emoji and Cyrillic', async () => {
    const unicode = 'журавли летят 🕊️🎬'
    const unicodeHash = await hashPassword(unicode)
    expect(await verifyPassword(unicode, unicodeHash)).toBe(true)
    expect(await verifyPassword('журавли летят 🕊️', unicodeHash)).toBe(false)
    expect(await verifyPassword('журавли летят', unicodeHash)).toBe(false)
  })

  it('treats a precomposed é and e + combining accent as the same password (NFC)', async () => {
    const precomposed = 'caf\u00e9 au lait'
    const combining = 'cafe\u0301 au lait'
    expect(precomposed).not.toBe(combining)
    expect(await verifyPassword(combining, await hashPassword(precomposed))).toBe(true)
    expect(await verifyPassword('cafe au lait', await hashPassword(combining))).toBe(false)
  })

  it.each([
    ['empty', ''],
    ['a bare prefix', 'scrypt'],
    ['too few parts', `scrypt$17$8$1$${salt}`],
    ['too many parts', `${stored}$extra`],
    ['another algorithm', `bcrypt$17$8$1$${salt}$${hash}`],
    ['a bcrypt hash', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'],
    ['non-numeric N', `scrypt$x$8$1$${salt}$${hash}`],
    ['a leading zero', `scrypt$017$8$1$${salt}$${hash}`],
    ['zero p', `scrypt$17$8$0$${salt}$${hash}`],
    ['absurd memory', `scrypt$40$8$1$${salt}$${hash}`],
    ['too much memory', `scrypt$20$64$1$${salt}$${hash}`],
    ['a salt that is not base64url', `scrypt$17$8$1$${salt}+/$${hash}`],
    ['an empty hash', `scrypt$17$8$1$${salt}$`],
    ['a short hash', `scrypt$17$8$1$${salt}$AAAA`],
  ])('returns false, without throwing, for a stored string with %s', async (_, bad) => {
    expect(await verifyPassword(password, bad)).toBe(false)
  })

  it('returns false when the parameters were tampered with', async () => {
    expect(await verifyPassword(password, stored.replace('scrypt$17$', 'scrypt$16$'))).toBe(false)
  })

  it('says when a hash was made with weaker settings than today', () => {
    expect(needsRehash(stored)).toBe(false)
    expect(needsRehash(stored.replace('scrypt$17$', 'scrypt$18$'))).toBe(false)
    expect(needsRehash(stored.replace('scrypt$17$', 'scrypt$16$'))).toBe(true)
    expect(needsRehash(stored.replace('$17$8$', '$17$4$'))).toBe(true)
    expect(needsRehash(`scrypt$17$8$1$${salt.slice(0, 11)}$${hash}`)).toBe(true)
    expect(needsRehash('not a hash')).toBe(true)
  })

  it('checks against a dummy hash and always says no', async () => {
    expect(await verifyAgainstDummy(password)).toBe(false)
    expect(await verifyAgainstDummy('')).toBe(false)
  })
})
