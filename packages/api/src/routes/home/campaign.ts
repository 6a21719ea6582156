import type { Kysely } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { getGroup, listGroups } from '../../domain/groups/queries.js'
import { type ListedInitiative, listInitiatives } from '../../domain/initiatives/list.js'
import { spotsLeft } from '../../domain/rsvps/open.js'

/** Where the fictional candidate of the demo page runs: the widgets show this place's groups. */
export const candidatePostcode = '75011'

export interface Campaign {
  /** The local section covering the candidate's postcode, if the demo has one. */
  section?: Group
  /** Its federation: the widgets' default group, wide enough for a lively page. */
  federation?: Group
  /** The next initiative of the section (else the federation) that still takes sign-ups. */
  featured?: ListedInitiative
}

/** What the demo page shows, read like the public sees it: public groups, published initiatives. */
export async function findCampaign(db: Kysely<Database>, organizationId: string, now = new Date()): Promise<Campaign> {
  const audience = { organizationId, includePrivate: false }
  const near = await listGroups(db, audience, { near: candidatePostcode, kind: 'section', limit: 1 })
  const section = near.data.find((group) => group.distance_km === 0)
  const parent = section?.parent_id ? await getGroup(db, audience, section.parent_id).catch(() => undefined) : undefined
  const federation = parent?.kind === 'federation' ? parent : undefined
  let featured: ListedInitiative | undefined
  for (const group of [section, federation]) {
    if (!group || featured) continue
    const upcoming = await listInitiatives(db, audience, { group: group.id, from: now, limit: 20, now })
    featured = upcoming.data.find(
      (initiative) => initiative.starts_at > now && (spotsLeft(initiative) !== 0 || initiative.waitlist_enabled),
    )
  }
  return { section, federation, featured }
}
