import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { invalid } from '../errors.js'
import { subtreePattern } from './subtree.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Serializes the writes that change an organization's tree, so that its rules (one national group,
 * no cycles, unique slugs) hold when two requests race. `no key update` leaves the foreign-key locks
 * other tables take on the organization free: sign-ups and RSVPs are not held up.
 */
export async function lockTree(trx: Transaction<Database>, organizationId: string): Promise<void> {
  await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', organizationId)
    .forNoKeyUpdate()
    .executeTakeFirst()
}

/** The chosen parent, which must be a group of the same organization: anything else is the client's mistake. */
export async function findParent(db: Db, organizationId: string, parentId: string): Promise<Group> {
  const parent = await db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', parentId)
    .executeTakeFirst()
  if (!parent)
    throw invalid('parent_id', `There is no group ${parentId} in this organization to place the group under.`)
  return parent
}

export function pathUnder(parent: Pick<Group, 'path'> | null, id: string): string {
  return `${parent?.path ?? '/'}${id}/`
}

export function depthUnder(parent: Pick<Group, 'depth'> | null): number {
  return parent ? parent.depth + 1 : 0
}

/**
 * Moves a group and its whole subtree under `parent` (null: the root): one UPDATE replaces the old
 * path prefix of every descendant, and the public activity of the subtree follows it.
 */
export async function moveSubtree(trx: Transaction<Database>, group: Group, parent: Group | null): Promise<void> {
  if (parent?.path.startsWith(group.path)) {
    throw invalid('parent_id', 'A group cannot move under itself or one of its own subgroups.')
  }
  const newPath = pathUnder(parent, group.id)
  const shift = depthUnder(parent) - group.depth
  const rest = group.path.length + 1
  await trx
    .updateTable('groups')
    .set({
      path: sql<string>`cast(${newPath} as text) || substr(path, ${rest})`,
      depth: sql<number>`depth + ${shift}`,
    })
    .where('organization_id', '=', group.organization_id)
    .where('path', 'like', subtreePattern(group.path))
    .execute()
  await trx
    .updateTable('activity')
    .set({ group_path: sql<string>`cast(${newPath} as text) || substr(group_path, ${rest})` })
    .where('organization_id', '=', group.organization_id)
    .where('group_path', 'like', subtreePattern(group.path))
    .execute()
}
