import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { type Confirmation, spendConfirmation } from '../members/confirm.js'
import { admitConfirmedRsvp, type ConfirmedRsvp } from '../rsvps/confirmed.js'

export interface PendingConfirmation {
  organizationName: string
  purpose: 'signup' | 'rsvp'
}

/**
 * What a still-usable token would confirm, without using it: the page an e-mail link opens must
 * survive the GETs of mail scanners and previews, so only its form's POST confirms.
 */
export async function findPendingConfirmation(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<PendingConfirmation | undefined> {
  const row = await db
    .selectFrom('confirmations')
    .innerJoin('organizations', 'organizations.id', 'confirmations.organization_id')
    .select(['organizations.name', 'confirmations.purpose'])
    .where('confirmations.token_hash', '=', sha256Hex(token))
    .where('confirmations.used_at', 'is', null)
    .where('confirmations.expires_at', '>', now)
    .executeTakeFirst()
  return row && { organizationName: row.name, purpose: row.purpose }
}

export interface FollowedLink extends Confirmation {
  /** For an RSVP's link: the place it gave or found, or why there is none. */
  rsvp?: ConfirmedRsvp
}

/**
 * Spends a double opt-in token and completes what it was sent for, in one transaction: the address
 * and consents are confirmed (`spendConfirmation`), then an RSVP request takes its place. Should the
 * place fail, the token stays unspent.
 */
export async function followConfirmationLink(
  db: Kysely<Database>,
  token: string,
  options: { now?: Date; organizationId?: string } = {},
): Promise<FollowedLink> {
  const now = options.now ?? new Date()
  return db.transaction().execute(async (trx) => {
    const confirmation = await spendConfirmation(trx, token, { ...options, now })
    if (confirmation.purpose !== 'rsvp' || !confirmation.subjectId) return confirmation
    const rsvp = await admitConfirmedRsvp(trx, {
      organizationId: confirmation.organizationId,
      memberId: confirmation.memberId,
      initiativeId: confirmation.subjectId,
      request: confirmation.rsvpRequest,
      now,
    })
    return rsvp ? { ...confirmation, rsvp } : confirmation
  })
}
