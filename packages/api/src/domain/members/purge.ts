import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/types.js'
import { eraseMember } from './erase.js'

export interface PurgedMember {
  organizationId: string
  memberId: string
}

const dayMs = 24 * 3600 * 1000

/**
 * Erases the sign-ups never confirmed: members still `pending` `days` after they were recorded,
 * with no confirmation link sent since (a person who signed up again lately still has a working
 * link). Without confirmation there is no valid consent to keep their data. Each is erased like an
 * erasure request (consent ledger kept, holding no identifier), without suppressing the address.
 */
export async function purgeUnconfirmed(
  db: Kysely<Database>,
  { days, now = new Date() }: { days: number; now?: Date },
): Promise<PurgedMember[]> {
  const cutoff = new Date(now.getTime() - days * dayMs)
  const stale = await db
    .selectFrom('members')
    .select(['organization_id', 'id'])
    .where('status', '=', 'pending')
    .where('created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('confirmations')
            .select(sql`1`.as('one'))
            .whereRef('confirmations.organization_id', '=', 'members.organization_id')
            .whereRef('confirmations.member_id', '=', 'members.id')
            .where('confirmations.created_at', '>=', cutoff),
        ),
      ),
    )
    .orderBy('organization_id')
    .orderBy('id')
    .execute()
  const purged: PurgedMember[] = []
  for (const member of stale) {
    // Checked again under the lock: the person may confirm at this very moment.
    const erased = await eraseMember(db, member.organization_id, member.id, now, { suppress: false, onlyIf: 'pending' })
    if (erased) purged.push({ organizationId: member.organization_id, memberId: member.id })
  }
  return purged
}
