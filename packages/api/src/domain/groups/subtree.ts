import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'

/** A LIKE pattern matching a materialized path and every path below it (`_` in ids is a wildcard otherwise). */
export function subtreePattern(groupPath: string): string {
  return `${groupPath.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
}

/**
 * The ids of a group and all its descendants, as a subquery: the materialized path makes a
 * subtree one prefix scan on (organization_id, path).
 */
export function subtreeIds(db: Kysely<Database>, organizationId: string, groupPath: string) {
  return db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('path', 'like', subtreePattern(groupPath))
}
