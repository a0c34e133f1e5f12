import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A sortable opaque id: prefix, 10 characters of time (ms), 16 random characters (80 bits).
 * Sorting by id is sorting by creation, which lets lists page by id.
 */
export function newId(prefix: string, now = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = randomBytes(16)
  let random = ''
  for (const b of bytes) random += ALPHABET[b % 32]
  return `${prefix}_${time}${random}`
}
