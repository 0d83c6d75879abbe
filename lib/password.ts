import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

type Params = { log2N: number; r: number; p: number }
type Parsed = Params & { salt: Buffer; hash: Buffer }

// Raise these when hardware allows; needsRehash then flags older hashes for rehashing at sign-in.
const CURRENT: Params = { log2N: 17, r: 8, p: 1 }
const SALT_BYTES = 16
const KEY_BYTES = 32
// A stored string asking for more memory than this (today's settings need 128 MiB) is treated as
// corrupt rather than run.
const MAX_MEMORY = 512 * 1024 * 1024

// OpenSSL's scrypt needs 128·r·(N + p + 2) bytes; maxmem must cover it.
const memoryFor = ({ log2N, r, p }: Params) => 128 * r * (2 ** log2N + p + 2)

function derive(password: string, salt: Buffer, keyBytes: number, params: Params) {
  const options: ScryptOptions = {
    N: 2 ** params.log2N,
    r: params.r,
    p: params.p,
    maxmem: MAX_MEMORY,
  }
  // NFC so that the same visible password (é as one code point or e + accent) matches on any system.
  const input = Buffer.from(password.normalize('NFC'), 'utf8')
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(input, salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

const encode = (bytes: Buffer) => bytes.toString('base64url')

function decode(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null
  const bytes = Buffer.from(text, 'base64url')
  return encode(bytes) === text ? bytes : null
}

function parseInteger(text: string, min: number, max: number): number | null {
  if (!/^[1-9][0-9]{0,2}$/.test(text)) return null
  const value = Number(text)
  return value >= min && value <= max ? value : null
}

/** Reads `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`; null for anything else. */
function parse(encoded: string): Parsed | null {
  const parts = encoded.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string]
  const log2N = parseInteger(n, 10, 24)
  const rValue = parseInteger(r, 1, 64)
  const pValue = parseInteger(p, 1, 16)
  const saltBytes = decode(salt)
  const hashBytes = decode(hash)
  if (log2N === null || rValue === null || pValue === null || !saltBytes || !hashBytes) return null
  const parsed = { log2N, r: rValue, p: pValue, salt: saltBytes, hash: hashBytes }
  if (memoryFor(parsed) > MAX_MEMORY || saltBytes.length < 8 || hashBytes.length < 16) return null
  return parsed
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(password, salt, KEY_BYTES, CURRENT)
  const { log2N, r, p } = CURRENT
  return ['scrypt', log2N, r, p, encode(salt), encode(hash)].join('$')
}

/** False for a wrong password and for a stored string that is not one of ours; never throws. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = typeof encoded === 'string' ? parse(encoded) : null
  if (!parsed || typeof password !== 'string') return false
  try {
    const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed)
    return timingSafeEqual(candidate, parsed.hash)
  } catch {
    return false
  }
}

/** True when the stored hash is weaker than what hashPassword makes today (or unreadable). */
export function needsRehash(encoded: string): boolean {
  const parsed = parse(encoded)
  if (!parsed) return true
  return (
    parsed.log2N < CURRENT.log2N ||
    parsed.r < CURRENT.r ||
    parsed.p < CURRENT.p ||
    parsed.salt.length < SALT_BYTES ||
    parsed.hash.length < KEY_BYTES
  )
}

let dummy: Promise<string> | undefined

/**
 * Spends the work of one password check, so that signing in with an unknown email takes about as
 * long as with a known one. The first call spends it making the dummy hash instead.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  if (dummy) await verifyPassword(password, await dummy)
  else await (dummy = hashPassword(randomBytes(18).toString('base64url')))
  return false
}
