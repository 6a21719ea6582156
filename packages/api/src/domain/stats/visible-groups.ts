import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import type { Audience } from '../groups/queries.js'
import { subtreeIds } from '../groups/subtree.js'

/**
 * The ids of the groups whose numbers the caller may see: a subtree, or the whole organization
 * when `path` is omitted. Private groups count for secret keys only, so a total never betrays them.
 */
export function visibleGroupIds(db: Kysely<Database>, audience: Audience, path?: string) {
  return subtreeIds(db, audience.organizationId, path ?? '/').$if(!audience.includePrivate, (qb) =>
    qb.where('visibility', '=', 'public'),
  )
}
