import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { invalid } from '../errors.js'
import { newId } from '../ids.js'
import { initiativeSearchText } from '../search-text.js'
import { recordInitiativeActivity } from './activity.js'
import { type InitiativeFields, normalizeTags } from './fields.js'
import { findHostGroup } from './group.js'
import { resolveLocation } from './location.js'
import { canonicalTimeZone, checkSchedule } from './schedule.js'
import type { InitiativeView } from './visibility.js'

export interface CreateOptions {
  /** Publish at once instead of keeping a draft. */
  publish?: boolean
  now?: Date
}

/** Adds an initiative to a group, as a draft unless published at once (then announced in the activity feed). */
export async function createInitiative(
  db: Kysely<Database>,
  organizationId: string,
  fields: InitiativeFields,
  { publish = false, now = new Date() }: CreateOptions = {},
): Promise<InitiativeView> {
  checkSchedule(fields.starts_at, fields.ends_at)
  const timezone = timeZoneOf(fields.timezone)
  if (fields.kind === 'online' && !fields.online_url) {
    throw invalid('online_url', 'An online initiative needs the link people join it by.')
  }
  const location = resolveLocation(fields.location)
  const tags = normalizeTags(fields.tags ?? [])
  return db.transaction().execute(async (trx) => {
    const group = await findHostGroup(trx, organizationId, fields.group_id)
    const initiative = await trx
      .insertInto('initiatives')
      .values({
        organization_id: organizationId,
        id: newId('ini', now),
        group_id: group.id,
        kind: fields.kind,
        title: fields.title,
        summary: fields.summary ?? '',
        description: fields.description ?? '',
        starts_at: fields.starts_at,
        ends_at: fields.ends_at,
        timezone,
        ...location,
        online_url: fields.online_url ?? null,
        capacity: fields.capacity ?? null,
        waitlist_enabled: fields.waitlist_enabled ?? true,
        status: publish ? 'published' : 'draft',
        tags,
        search_text: initiativeSearchText({ ...fields, ...location, tags }),
        published_at: publish ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    if (publish) await recordInitiativeActivity(trx, 'initiative_published', initiative, now)
    return { ...initiative, group_name: group.name }
  })
}

/** The canonical IANA name, Europe/Paris when none is given. */
export function timeZoneOf(name: string | undefined): string {
  if (name === undefined) return 'Europe/Paris'
  const zone = canonicalTimeZone(name)
  if (!zone) throw invalid('timezone', 'Use an IANA time zone, such as Europe/Paris or America/Martinique.')
  return zone
}
