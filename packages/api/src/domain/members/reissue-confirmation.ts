import type { Transaction } from 'kysely'
import type { Database } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { newSecret } from '../ids.js'

export interface ReissuedConfirmation {
  /** The new clear token, for the e-mail being written; only its hash is stored. */
  token: string
  purpose: 'signup' | 'rsvp'
  subjectId: string | null
  expiresAt: Date
}

/**
 * Gives a still-usable confirmation a new token, for the e-mail that carries it. The job that
 * sends the e-mail knows only the hash of the token made at sign-up, so no clear token ever waits
 * in the queue; the old one stops working, and a retried e-mail carries the only valid link.
 */
export async function reissueConfirmation(
  trx: Transaction<Database>,
  organizationId: string,
  tokenHash: string,
  now = new Date(),
): Promise<ReissuedConfirmation | undefined> {
  const token = newSecret(24)
  const row = await trx
    .updateTable('confirmations')
    .set({ token_hash: sha256Hex(token) })
    .where('organization_id', '=', organizationId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['purpose', 'subject_id', 'expires_at'])
    .executeTakeFirst()
  return row && { token, purpose: row.purpose, subjectId: row.subject_id, expiresAt: row.expires_at }
}
