import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/types.js'
import { type AuditActor, recordAudit } from '../audit/record.js'
import { notFound } from '../errors.js'
import { lockInitiative } from '../rsvps/lock.js'
import { releaseSpot } from '../rsvps/release.js'
import { emitWebhookEvent } from '../webhooks/emit.js'
import { suppressEmail } from './suppression.js'

export interface EraseOptions {
  /**
   * Put the address on the suppression list (default). Not for a sign-up never confirmed: its owner
   * did not ask to be forgotten, and may not even have typed it.
   */
  suppress?: boolean
  /** Erase only a member who never confirmed their address (checked under the row lock); else change nothing. */
  unconfirmedOnly?: boolean
  /** Erase only a member unchanged since this time (checked under the row lock): retention, not a request. */
  unchangedSince?: Date
  /** Who asked, for the audit log, and why (`request`, or the retention category that applied). */
  audit?: { actor: AuditActor; reason: string }
}

/**
 * Erases a person (GDPR art. 17), in one transaction: every personal field of the member row is
 * blanked and only a hash of the address stays, on the suppression list; memberships, confirmation
 * and unsubscribe tokens, messages kept for the dev mailbox and the public activity naming them go;
 * their places at initiatives go to the waitlists.
 * The consent ledger stays, as the proof of what was agreed: it holds no identifier once the row is
 * blank. Erasing an erased member changes nothing. Answers whether this call erased the member.
 *
 * The member row is locked before any initiative, the order in which an RSVP takes them too.
 */
export async function eraseMember(
  db: Kysely<Database>,
  organizationId: string,
  memberId: string,
  now = new Date(),
  { suppress = true, unconfirmedOnly = false, unchangedSince, audit }: EraseOptions = {},
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('members')
      .select(['status', 'email_normalized', 'confirmed_at', 'updated_at'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', memberId)
      .forUpdate()
      .executeTakeFirst()
    if (!member) throw notFound(`Member ${memberId}`)
    if (member.status === 'erased' || (unconfirmedOnly && member.confirmed_at)) return false
    if (unchangedSince && member.updated_at >= unchangedSince) return false
    if (suppress && member.email_normalized) await suppressEmail(trx, organizationId, member.email_normalized, now)
    await trx
      .updateTable('members')
      .set((eb) => ({
        email: null,
        email_normalized: null,
        given_name: null,
        family_name: null,
        postcode: null,
        commune: null,
        phone: null,
        tags: [],
        source: '{}',
        status: 'erased',
        erased_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', memberId)
      .execute()
    for (const table of ['memberships', 'confirmations', 'unsubscribe_tokens', 'mail_outbox'] as const) {
      await trx
        .deleteFrom(table)
        .where('organization_id', '=', organizationId)
        .where('member_id', '=', memberId)
        .execute()
    }
    await trx
      .deleteFrom('activity')
      .where('organization_id', '=', organizationId)
      .where(sql<string>`payload->>'member_id'`, '=', memberId)
      .execute()
    await giveBackPlaces(trx, organizationId, memberId, now)
    await emitWebhookEvent(trx, organizationId, 'member.erased', { member_id: memberId }, now)
    if (audit) {
      await recordAudit(
        trx,
        audit.actor,
        {
          action: 'member.erase',
          targetType: 'member',
          targetId: memberId,
          details: { reason: audit.reason, suppressed: suppress && member.email_normalized !== null },
        },
        now,
      )
    }
    return true
  })
}

/**
 * Cancels the person's open RSVPs and hands each freed place to the waitlist. Each initiative is
 * locked before its RSVPs change, as every RSVP writer does, and in id order, so no two deadlock.
 */
async function giveBackPlaces(trx: Transaction<Database>, organizationId: string, memberId: string, now: Date) {
  const initiatives = await trx
    .selectFrom('rsvps')
    .select('initiative_id')
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('member_id', '=', memberId)
    .where('status', 'in', ['going', 'waitlisted'])
    .orderBy('initiative_id')
    .execute()
  for (const { initiative_id } of initiatives) {
    await lockInitiative(trx, organizationId, initiative_id)
    await trx
      .updateTable('rsvps')
      .set({ status: 'cancelled', updated_at: now })
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiative_id)
      .where('member_id', '=', memberId)
      .where('status', 'in', ['going', 'waitlisted'])
      .execute()
    await releaseSpot(trx, organizationId, initiative_id, now)
  }
}
