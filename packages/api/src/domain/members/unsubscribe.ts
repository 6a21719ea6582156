import type { Kysely, Transaction } from 'kysely'
import type { Database, MemberStatus } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { newSecret } from '../ids.js'

/** A new unsubscribe link's token for one message to a member; only its hash is stored. */
export async function issueUnsubscribeToken(
  trx: Transaction<Database>,
  organizationId: string,
  memberId: string,
  now = new Date(),
): Promise<string> {
  const token = newSecret(24)
  await trx
    .insertInto('unsubscribe_tokens')
    .values({ organization_id: organizationId, token_hash: sha256Hex(token), member_id: memberId, created_at: now })
    .execute()
  return token
}

export interface UnsubscribeLink {
  organizationName: string
  /** The member is no longer written to: unsubscribed already, or erased. */
  done: boolean
}

/** What an unsubscribe link is about, without using it (mail scanners open links too). */
export async function findUnsubscribeLink(db: Kysely<Database>, token: string): Promise<UnsubscribeLink | undefined> {
  const row = await db
    .selectFrom('unsubscribe_tokens')
    .innerJoin('organizations', 'organizations.id', 'unsubscribe_tokens.organization_id')
    .innerJoin('members', (join) =>
      join
        .onRef('members.organization_id', '=', 'unsubscribe_tokens.organization_id')
        .onRef('members.id', '=', 'unsubscribe_tokens.member_id'),
    )
    .select(['organizations.name', 'members.status'])
    .where('unsubscribe_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst()
  return row && { organizationName: row.name, done: row.status === 'unsubscribed' || row.status === 'erased' }
}

const stillWritten: MemberStatus[] = ['pending', 'active']

/**
 * Follows an unsubscribe link: the member is `unsubscribed` and their consent to news withdrawn
 * (the ledger keeps it, with its withdrawal time). Links keep working: following one again, or
 * another message's, changes nothing more. Answers false for an unknown token.
 */
export async function unsubscribe(db: Kysely<Database>, token: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('unsubscribe_tokens')
      .set((eb) => ({ used_at: eb.fn.coalesce('used_at', eb.val(now)) }))
      .where('token_hash', '=', sha256Hex(token))
      .returning(['organization_id', 'member_id'])
      .executeTakeFirst()
    if (!link) return false
    await trx
      .updateTable('members')
      .set((eb) => ({ status: 'unsubscribed', updated_at: now, version: eb('version', '+', 1) }))
      .where('organization_id', '=', link.organization_id)
      .where('id', '=', link.member_id)
      .where('status', 'in', stillWritten)
      .execute()
    await trx
      .updateTable('consent_records')
      .set({ withdrawn_at: now })
      .where('organization_id', '=', link.organization_id)
      .where('member_id', '=', link.member_id)
      .where('purpose', '=', 'news')
      .where('withdrawn_at', 'is', null)
      .execute()
    return true
  })
}
