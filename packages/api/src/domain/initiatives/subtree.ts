import { type ExpressionBuilder, sql } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { subtreePattern } from '../groups/subtree.js'

/** The id of the group just under the root on an initiative's path: its federation, in a territorial tree. */
const federationOfPath = sql<string>`split_part(${sql.ref('initiatives.group_path')}, '/', 3)`

/**
 * The initiatives of a group and its subgroups, in a form an index serves. A group just under the
 * root (a federation, holding about a hundredth of the organization's initiatives however large it
 * grows) is one equality on `initiatives_federation`, read in start order and left at the page's
 * end. Any other subtree is a range of `initiatives_subtree`, sorted: a small one (a section), or
 * the whole tree, which the planner rather reads in the organization's start order.
 */
export function inSubtree(eb: ExpressionBuilder<Database, 'initiatives'>, group: Pick<Group, 'id' | 'path' | 'depth'>) {
  return group.depth === 1
    ? eb(federationOfPath, '=', group.id)
    : eb('initiatives.group_path', 'like', subtreePattern(group.path))
}
