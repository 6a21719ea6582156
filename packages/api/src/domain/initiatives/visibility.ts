import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import type { Database, Initiative } from '../../db/types.js'
import type { Audience } from '../groups/queries.js'

/** An initiative with the name of its group, as every answer shows it. */
export type InitiativeView = Initiative & { group_name: string }

/**
 * The groups whose initiatives the public may see: public groups not under a private one, so that
 * an initiative never reveals a private group.
 */
export function publicGroupIds(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('groups as shown')
    .select('shown.id')
    .where('shown.organization_id', '=', organizationId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('groups as hidden')
            .select('hidden.id')
            .whereRef('hidden.organization_id', '=', 'shown.organization_id')
            .where('hidden.visibility', '=', 'private')
            .where(sql<boolean>`starts_with(shown.path, hidden.path)`),
        ),
      ),
    )
}

/**
 * The initiatives of one organization that the audience may see: the public never sees those of a
 * private group or of its subgroups (`under_private_group`, kept in step by the database).
 */
export function visibleInitiatives(db: Kysely<Database>, audience: Audience) {
  return db
    .selectFrom('initiatives')
    .where('initiatives.organization_id', '=', audience.organizationId)
    .$if(!audience.includePrivate, (qb) => qb.where('initiatives.under_private_group', '=', false))
}

/**
 * The group's name, looked up for each row returned: after the sort and limit of a page, so a page
 * costs one primary-key probe per row instead of a join over the organization's groups.
 */
export function groupName(eb: ExpressionBuilder<Database, 'initiatives'>) {
  return eb
    .selectFrom('groups')
    .select('groups.name')
    .whereRef('groups.organization_id', '=', 'initiatives.organization_id')
    .whereRef('groups.id', '=', 'initiatives.group_id')
    .$asScalar()
}

/** Initiatives with their group's name, within one organization; private ones only for secret keys. */
export function initiativeViews(db: Kysely<Database>, audience: Audience) {
  return visibleInitiatives(db, audience)
    .selectAll('initiatives')
    .select((eb) => groupName(eb).as('group_name'))
}

/**
 * What the public may open: published initiatives, and cancelled ones that had been published (a
 * link or a calendar entry must learn of the cancellation). Drafts and those awaiting review are
 * not there for them.
 */
export function shownToPublic(initiative: Pick<Initiative, 'status' | 'published_at'>): boolean {
  return initiative.status === 'published' || (initiative.status === 'cancelled' && initiative.published_at !== null)
}
