import { randomBytes } from 'node:crypto'

export type IdPrefix = 'org' | 'grp' | 'mem' | 'ini' | 'rsv' | 'act' | 'key' | 'whe' | 'msg' | 'cst' | 'cns'

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'

function base32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}

/**
 * A new opaque id such as `ini_06f3k…`: 48 bits of milliseconds then 80 random bits, so ids
 * created later sort later (handy for activity and keyset pages) yet reveal no count.
 */
export function newId(prefix: IdPrefix, at: Date = new Date()): string {
  const bytes = new Uint8Array(16)
  let ms = at.getTime()
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes.set(randomBytes(10), 6)
  return `${prefix}_${base32(bytes)}`
}

/** Random text for secrets (keys, confirmation tokens): 160 bits, URL-safe. */
export function newSecret(bytes = 20): string {
  return base32(randomBytes(bytes))
}
