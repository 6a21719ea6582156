import { type Kysely, sql } from 'kysely'

/**
 * A public RSVP takes no place until its e-mail link is followed: until then it is a request,
 * kept on the confirmation that completes it (the initiative is its `subject_id`). `rsvp_request`
 * holds what the place will need then: the page and widget the form was on, and its language.
 * Unused requests are few: a partial index finds them for the nightly retention sweep.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('confirmations').addColumn('rsvp_request', 'jsonb').execute()
  await sql`create index confirmations_rsvp_requests on confirmations (organization_id, expires_at)
    where rsvp_request is not null and used_at is null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists confirmations_rsvp_requests`.execute(db)
  await db.schema.alterTable('confirmations').dropColumn('rsvp_request').execute()
}
