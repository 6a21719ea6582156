import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { systemActor } from '../audit/record.js'
import { eraseMember } from './erase.js'

export interface PurgedMember {
  organizationId: string
  memberId: string
}

const dayMs = 24 * 3600 * 1000

/**
 * Erases the sign-ups never confirmed: people met on a public form whose address was never
 * confirmed (`pending`, or `unsubscribed` from the first e-mail) `days` after they were recorded,
 * with no confirmation link sent since (a person who signed up again lately still has a working
 * link). Without confirmation there is no valid consent to keep their data. Each is erased like an
 * erasure request (consent ledger kept, holding no identifier), without suppressing the address.
 */
export async function purgeUnconfirmed(
  db: Kysely<Database>,
  { days, now = new Date(), organizationId }: { days: number; now?: Date; organizationId?: string },
): Promise<PurgedMember[]> {
  const cutoff = new Date(now.getTime() - days * dayMs)
  // Only people met on a public form have confirmations: members an organizer added are left alone.
  const stale = await db
    .selectFrom('members')
    .innerJoin('confirmations', (join) =>
      join
        .onRef('confirmations.organization_id', '=', 'members.organization_id')
        .onRef('confirmations.member_id', '=', 'members.id'),
    )
    .select(['members.organization_id', 'members.id'])
    .where('members.status', 'in', ['pending', 'unsubscribed'])
    .where('members.confirmed_at', 'is', null)
    .where('members.created_at', '<', cutoff)
    .$if(organizationId !== undefined, (qb) => qb.where('members.organization_id', '=', organizationId ?? ''))
    .groupBy(['members.organization_id', 'members.id'])
    .having((eb) => eb.fn.max('confirmations.created_at'), '<', cutoff)
    .orderBy('members.organization_id')
    .orderBy('members.id')
    .execute()
  const purged: PurgedMember[] = []
  for (const member of stale) {
    // Checked again under the lock: the person may confirm at this very moment.
    const erased = await eraseMember(db, member.organization_id, member.id, now, {
      suppress: false,
      unconfirmedOnly: true,
      audit: { actor: systemActor(member.organization_id), reason: 'retention:unconfirmed_signups' },
    })
    if (erased) purged.push({ organizationId: member.organization_id, memberId: member.id })
  }
  return purged
}
