import { type Kysely, sql } from 'kysely'
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

/** Initiatives joined with their group, within one organization; private ones only for secret keys. */
export function initiativeViews(db: Kysely<Database>, audience: Audience) {
  return (
    db
      .selectFrom('initiatives')
      .innerJoin('groups', (join) =>
        join
          .onRef('groups.organization_id', '=', 'initiatives.organization_id')
          .onRef('groups.id', '=', 'initiatives.group_id'),
      )
      .selectAll('initiatives')
      .select('groups.name as group_name')
      .where('initiatives.organization_id', '=', audience.organizationId)
      // Checked on the joined group row: one probe per initiative, whatever the planner estimates.
      .$if(!audience.includePrivate, (qb) =>
        qb.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('groups as hidden')
                .select('hidden.id')
                .whereRef('hidden.organization_id', '=', 'groups.organization_id')
                .where('hidden.visibility', '=', 'private')
                .where(sql<boolean>`starts_with(groups.path, hidden.path)`),
            ),
          ),
        ),
      )
  )
}

/**
 * What the public may open: published initiatives, and cancelled ones that had been published (a
 * link or a calendar entry must learn of the cancellation). Drafts and those awaiting review are
 * not there for them.
 */
export function shownToPublic(initiative: Pick<Initiative, 'status' | 'published_at'>): boolean {
  return initiative.status === 'published' || (initiative.status === 'cancelled' && initiative.published_at !== null)
}
