import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import type { Database, MemberStatus } from '../../db/types.js'
import { systemActor } from '../audit/record.js'
import { eraseMember } from '../members/erase.js'

/** One category's removal for one organization: the rows older than `cutoff` go; answers how many. */
export type Sweep = (db: Kysely<Database>, organizationId: string, cutoff: Date, now: Date) => Promise<number>

/**
 * Erases, through the erasure of a person's request (consent ledger kept naming nobody, memberships,
 * links and messages deleted, places given back), each member the query finds, rechecking under the
 * row lock that nothing changed since the cutoff.
 */
async function eraseEach(
  db: Kysely<Database>,
  organizationId: string,
  ids: string[],
  { cutoff, now, suppress, category }: { cutoff: Date; now: Date; suppress: boolean; category: string },
): Promise<number> {
  let erased = 0
  for (const id of ids) {
    const done = await eraseMember(db, organizationId, id, now, {
      suppress,
      unchangedSince: cutoff,
      audit: { actor: systemActor(organizationId), reason: `retention:${category}` },
    })
    if (done) erased++
  }
  return erased
}

/** Members who unsubscribed long ago: they said they want nothing more; their address is suppressed. */
export const sweepUnsubscribed: Sweep = async (db, organizationId, cutoff, now) => {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'unsubscribed')
    .where('updated_at', '<', cutoff)
    .orderBy('id')
    .execute()
  const ids = rows.map((row) => row.id)
  return eraseEach(db, organizationId, ids, { cutoff, now, suppress: true, category: 'unsubscribed_members' })
}

const stillMembers: MemberStatus[] = ['pending', 'active']

/** A row of the member `m` in `table` whose `column` is on or after the cutoff: a sign of life. */
function activeSince<T extends 'rsvps' | 'memberships' | 'consent_records'>(
  eb: ExpressionBuilder<Database & { m: Database['members'] }, 'm'>,
  table: T,
  column: `${T}.${'updated_at' | 'created_at' | 'given_at'}`,
  cutoff: Date,
) {
  return eb
    .selectFrom(table as 'rsvps')
    .select(sql`1`.as('one'))
    .whereRef(`${table as 'rsvps'}.organization_id`, '=', 'm.organization_id')
    .whereRef(`${table as 'rsvps'}.member_id`, '=', 'm.id')
    .where(sql.ref(column), '>=', cutoff)
}

/**
 * Members with no sign of life since the cutoff: no change to their record, no RSVP, no group
 * joined, no consent given. They never asked to be forgotten, so their address is not suppressed.
 */
export const sweepInactive: Sweep = async (db, organizationId, cutoff, now) => {
  const rows = await db
    .selectFrom('members as m')
    .select('m.id')
    .where('m.organization_id', '=', organizationId)
    .where('m.status', 'in', stillMembers)
    .where('m.updated_at', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(activeSince(eb, 'rsvps', 'rsvps.updated_at', cutoff)),
          eb.exists(activeSince(eb, 'memberships', 'memberships.created_at', cutoff)),
          eb.exists(activeSince(eb, 'consent_records', 'consent_records.given_at', cutoff)),
        ]),
      ),
    )
    .orderBy('m.id')
    .execute()
  const ids = rows.map((row) => row.id)
  return eraseEach(db, organizationId, ids, { cutoff, now, suppress: false, category: 'inactive_members' })
}

/** RSVPs of initiatives that ended before the cutoff: who came is no longer needed; the counts stay. */
export const sweepPastRsvps: Sweep = async (db, organizationId, cutoff) => {
  const result = await db
    .deleteFrom('rsvps')
    .where('organization_id', '=', organizationId)
    .where('initiative_id', 'in', (eb) =>
      eb
        .selectFrom('initiatives')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('ends_at', '<', cutoff),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Copies of e-mails kept in the database. */
export const sweepSentMail: Sweep = async (db, organizationId, cutoff) => {
  const result = await db
    .deleteFrom('mail_outbox')
    .where('organization_id', '=', organizationId)
    .where('created_at', '<', cutoff)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Old audit events: the only deletion the log's trigger lets through, for this transaction only. */
export const sweepAuditEvents: Sweep = (db, organizationId, cutoff) =>
  db.transaction().execute(async (trx) => {
    await sql`select set_config('relais.audit_retention', 'on', true)`.execute(trx)
    const result = await trx
      .deleteFrom('audit_events')
      .where('organization_id', '=', organizationId)
      .where('occurred_at', '<', cutoff)
      .executeTakeFirst()
    return Number(result.numDeletedRows)
  })
