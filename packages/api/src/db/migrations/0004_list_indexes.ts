import { type Kysely, sql } from 'kysely'

// Indexes for lists that 0001 left without one, found by test/indexes.postgres.test.ts: every index
// leads with organization_id, so without these each query still used an index, but read all of a
// tenant's rows through it.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Initiatives over several statuses in start order: secret-key lists (`status=published,cancelled`,
  // `status=draft,pending_review`) and group calendar feeds (published ones and cancelled ones once
  // published). initiatives_status_start gives start order for one status only.
  await db.schema
    .createIndex('initiatives_start')
    .on('initiatives')
    .columns(['organization_id', 'starts_at', 'id'])
    .execute()
  // A person's confirmation links: the member export (GDPR art. 15), erasure, and the cascade when a
  // member row is deleted. The primary key and confirmations_token are by token only.
  await db.schema
    .createIndex('confirmations_member')
    .on('confirmations')
    .columns(['organization_id', 'member_id', 'created_at'])
    .execute()
  // The activity that names a person (`payload.member_id`), in the export's order: the member export
  // and erasure. Partial: most activity names nobody.
  await sql`
    create index activity_member on activity (organization_id, (payload->>'member_id'), occurred_at, id)
    where payload->>'member_id' is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activity_member').ifExists().execute()
  await db.schema.dropIndex('confirmations_member').ifExists().execute()
  await db.schema.dropIndex('initiatives_start').ifExists().execute()
}
