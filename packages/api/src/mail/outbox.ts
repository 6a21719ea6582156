import type { Kysely, Selectable } from 'kysely'
import type { Database, MailOutboxTable } from '../db/types.js'

export type OutboxMessage = Selectable<MailOutboxTable>
export type OutboxEntry = Pick<
  OutboxMessage,
  'id' | 'organization_id' | 'template' | 'to_address' | 'subject' | 'created_at'
>

/** The newest messages kept instead of sent, of every organization (it is the server's own mailbox). */
export async function listOutbox(
  db: Kysely<Database>,
  { before, limit = 50 }: { before?: number; limit?: number } = {},
): Promise<OutboxEntry[]> {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'organization_id', 'template', 'to_address', 'subject', 'created_at'])
    .$if(before !== undefined, (qb) => qb.where('id', '<', before ?? 0))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function getOutboxMessage(db: Kysely<Database>, id: number): Promise<OutboxMessage | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()
}
