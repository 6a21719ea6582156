import { createHash } from 'node:crypto'

/** SHA-256 as lowercase hex: key and token lookups, consent text fingerprints. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
