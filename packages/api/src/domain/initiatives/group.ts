import type { Kysely, Transaction } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { invalid } from '../errors.js'

/** The group an initiative is organized in: it must belong to the same organization. */
export async function findHostGroup(
  db: Kysely<Database> | Transaction<Database>,
  organizationId: string,
  groupId: string,
): Promise<Group> {
  const group = await db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', groupId)
    .executeTakeFirst()
  if (!group) throw invalid('group_id', `There is no group ${groupId} in this organization.`)
  return group
}
