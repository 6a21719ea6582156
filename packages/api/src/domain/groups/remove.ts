import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { DomainError, notFound } from '../errors.js'
import { explainConstraint } from './constraint-errors.js'
import { lockTree } from './tree.js'

/**
 * Deletes a leaf group with its memberships and postcodes. A group with subgroups or initiatives is
 * kept: deleting it would orphan them, so they must be moved (or deleted) first.
 */
export async function removeGroup(db: Kysely<Database>, organizationId: string, groupId: string): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      await lockTree(trx, organizationId)
      const group = await trx
        .selectFrom('groups')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', '=', groupId)
        .forUpdate()
        .executeTakeFirst()
      if (!group) throw notFound(`Group ${groupId}`)
      const subgroups = await trx
        .selectFrom('groups')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('parent_id', '=', groupId)
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.n))
      const initiatives = await trx
        .selectFrom('initiatives')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organizationId)
        .where('group_id', '=', groupId)
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.n))
      if (subgroups > 0) {
        throw new DomainError(
          'conflict',
          `Group ${groupId} still has ${subgroups} subgroup(s); move or delete them first.`,
        )
      }
      if (initiatives > 0) {
        throw new DomainError(
          'conflict',
          `Group ${groupId} still has ${initiatives} initiative(s), past ones included; move them to another group first.`,
        )
      }
      for (const table of ['memberships', 'group_postcodes'] as const) {
        await trx
          .deleteFrom(table)
          .where('organization_id', '=', organizationId)
          .where('group_id', '=', groupId)
          .execute()
      }
      await trx.deleteFrom('groups').where('organization_id', '=', organizationId).where('id', '=', groupId).execute()
    })
  } catch (error) {
    throw explainConstraint(error)
  }
}
