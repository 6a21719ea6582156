import type { Kysely } from 'kysely'
import type { Database, Initiative } from '../../db/types.js'
import { DomainError, invalid, notFound } from '../errors.js'
import { lockInitiative } from '../rsvps/lock.js'
import { releaseSpot } from '../rsvps/release.js'
import { initiativeSearchText } from '../search-text.js'
import { timeZoneOf } from './create.js'
import { type InitiativeChanges, normalizeTags } from './fields.js'
import { findHostGroup } from './group.js'
import { resolveLocation, samePlace } from './location.js'
import { checkSchedule } from './schedule.js'
import { editVersion } from './version.js'
import type { InitiativeView } from './visibility.js'

export interface UpdateOptions {
  /** From `If-Match`: the edit versions the client last saw; the change happens only on one of them. */
  expectedVersions?: string[]
  now?: Date
}

/**
 * Changes an initiative. A new time or place bumps `sequence`, so that calendars replace the event
 * they hold; a raised capacity hands the new places to the waitlist in the same transaction.
 */
export async function updateInitiative(
  db: Kysely<Database>,
  organizationId: string,
  initiativeId: string,
  changes: InitiativeChanges,
  { expectedVersions, now = new Date() }: UpdateOptions = {},
): Promise<InitiativeView> {
  return db.transaction().execute(async (trx) => {
    const initiative = await lockInitiative(trx, organizationId, initiativeId)
    if (!initiative) throw notFound(`Initiative ${initiativeId}`)
    if (expectedVersions && !expectedVersions.includes(editVersion(initiative))) {
      throw new DomainError(
        'precondition_failed',
        `Initiative ${initiativeId} was changed since the version in If-Match; fetch it again and reapply your change.`,
      )
    }
    const group = await findHostGroup(trx, organizationId, changes.group_id ?? initiative.group_id)
    if (Object.values(changes).every((value) => value === undefined)) return { ...initiative, group_name: group.name }
    if (initiative.status === 'cancelled') {
      throw new DomainError('conflict', 'A cancelled initiative cannot be changed; create a new one instead.')
    }
    const row = rowChanges(changes)
    const next = { ...initiative, ...row }
    checkSchedule(next.starts_at, next.ends_at)
    if (next.kind === 'online' && !next.online_url) {
      throw invalid('online_url', 'An online initiative needs the link people join it by.')
    }
    if (next.capacity !== null && next.capacity < initiative.going_count) {
      throw new DomainError('conflict', `${initiative.going_count} people are going: the capacity cannot be lower.`, [
        { path: 'capacity', message: `Use at least ${initiative.going_count}, or cancel RSVPs first.` },
      ])
    }
    const moved =
      next.starts_at.getTime() !== initiative.starts_at.getTime() ||
      next.ends_at.getTime() !== initiative.ends_at.getTime() ||
      next.timezone !== initiative.timezone ||
      !samePlace(next, initiative)
    await trx
      .updateTable('initiatives')
      .set({
        ...row,
        search_text: initiativeSearchText(next),
        sequence: moved ? initiative.sequence + 1 : initiative.sequence,
        updated_at: now,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', initiativeId)
      .execute()
    const { initiative: settled } = await releaseSpot(trx, organizationId, initiativeId, now)
    return { ...(settled ?? next), group_name: group.name }
  })
}

/** What an edit may set: the group's path and visibility follow `group_id` in the database. */
type RowChanges = Partial<Omit<Initiative, 'group_path' | 'under_private_group'>>

function rowChanges(changes: InitiativeChanges): RowChanges {
  const { location, tags, timezone, ...plain } = changes
  const row: RowChanges = {}
  for (const [name, value] of Object.entries(plain)) {
    if (value !== undefined) Object.assign(row, { [name]: value })
  }
  if (timezone !== undefined) row.timezone = timeZoneOf(timezone)
  if (tags !== undefined) row.tags = normalizeTags(tags)
  if (location !== undefined) Object.assign(row, resolveLocation(location))
  return row
}
