import { type Kysely, sql } from 'kysely'

/**
 * Every public read hides what sits under a private group (`publicGroupIds`, `initiativeViews`):
 * an anti-join on "the private groups of this organization". Without an index it read all of the
 * organization's groups each time — 1,000 buffers and 16 ms per statement for a tree of 20,000
 * groups (bench/RESULTS.md, scale 10), twice per public list. Private groups are few: a partial
 * index holds only them, and the anti-join reads nothing when there are none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index groups_private on groups (organization_id, path text_pattern_ops) where visibility = 'private'`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists groups_private`.execute(db)
}
