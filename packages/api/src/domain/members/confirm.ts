import { sql, type Transaction } from 'kysely'
import type { Database, MemberStatus, RsvpRequestDetails } from '../../db/types.js'
import { DomainError } from '../errors.js'
import { sha256Hex } from '../hashing.js'
import { emitWebhookEvent } from '../webhooks/emit.js'

export interface Confirmation {
  organizationId: string
  memberId: string
  purpose: 'signup' | 'rsvp'
  subjectId: string | null
  /** The public RSVP request the link completes, if it does (see `admitConfirmedRsvp`). */
  rsvpRequest: RsvpRequestDetails | null
}

export const unusableConfirmation = () =>
  new DomainError('invalid', 'This confirmation link is invalid, was already used or has expired.', [
    { path: 'token', message: 'Sign up again to receive a new link.' },
  ])

/**
 * Follows a double opt-in link: the person proved they own the address, so their pending
 * consents are confirmed, a pending member becomes active (an unsubscribed one too, when they
 * signed up again) and a requested group is joined. A token works once; with `organizationId`,
 * only that organization's tokens count (an API key cannot spend another tenant's links). Runs in
 * the caller's transaction, which completes an RSVP request in it too (`followConfirmationLink`).
 */
export async function spendConfirmation(
  trx: Transaction<Database>,
  token: string,
  { now = new Date(), organizationId }: { now?: Date; organizationId?: string } = {},
): Promise<Confirmation> {
  const row = await trx
    .updateTable('confirmations')
    .set({ used_at: now })
    .where('token_hash', '=', sha256Hex(token))
    .$if(organizationId !== undefined, (qb) => qb.where('organization_id', '=', organizationId ?? ''))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw unusableConfirmation()
  const member = await trx
    .updateTable('members')
    .set((eb) => ({
      status:
        row.purpose === 'signup'
          ? sql<MemberStatus>`case when status in ('pending', 'unsubscribed') then 'active' else status end`
          : sql<MemberStatus>`case when status = 'pending' then 'active' else status end`,
      confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(now)),
      updated_at: now,
    }))
    .where('organization_id', '=', row.organization_id)
    .where('id', '=', row.member_id)
    .where('status', '!=', 'erased')
    .returning(['id'])
    .executeTakeFirst()
  if (!member) throw unusableConfirmation()
  await trx
    .updateTable('consent_records')
    .set({ confirmed_at: now })
    .where('organization_id', '=', row.organization_id)
    .where('member_id', '=', row.member_id)
    .where('confirmed_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .where('given_at', '<=', now)
    .execute()
  if (row.purpose === 'signup' && row.subject_id) {
    await trx
      .insertInto('memberships')
      .values({
        organization_id: row.organization_id,
        group_id: row.subject_id,
        member_id: row.member_id,
        role: 'member',
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await emitWebhookEvent(trx, row.organization_id, 'member.confirmed', confirmedEventData(row), now)
  return {
    organizationId: row.organization_id,
    memberId: row.member_id,
    purpose: row.purpose,
    subjectId: row.subject_id,
    rsvpRequest: row.rsvp_request,
  }
}

/** The member by id only: a CRM that needs more reads it with a members:read key. */
function confirmedEventData(row: { member_id: string; purpose: 'signup' | 'rsvp'; subject_id: string | null }) {
  const { member_id, purpose, subject_id } = row
  return {
    member_id,
    purpose,
    group_id: purpose === 'signup' ? subject_id : null,
    initiative_id: purpose === 'rsvp' ? subject_id : null,
  }
}
