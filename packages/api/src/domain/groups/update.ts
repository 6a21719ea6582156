import type { Kysely, Transaction, Updateable } from 'kysely'
import type { Database, Group, GroupTable } from '../../db/types.js'
import { DomainError, notFound } from '../errors.js'
import { groupSearchText } from '../search-text.js'
import { distinctPostcodes, type Location, locationOfPostcodes, replacePostcodes } from './area.js'
import { explainConstraint } from './constraint-errors.js'
import type { GroupChanges } from './fields.js'
import { checkSlugFree } from './slug.js'
import { findParent, lockTree, moveSubtree } from './tree.js'
import { checkChildrenFit, checkPlacement, checkSingleNational } from './tree-rules.js'

export interface UpdateOptions {
  /** From `If-Match`: the versions the client last saw; the update happens only on one of them. */
  expectedVersions?: number[]
  now?: Date
}

/**
 * Changes a group, moving its subtree along when `parent_id` changes. Every change bumps `version`,
 * the group's ETag. The rules are checked before anything is written.
 */
export async function updateGroup(
  db: Kysely<Database>,
  organizationId: string,
  groupId: string,
  changes: GroupChanges,
  { expectedVersions, now = new Date() }: UpdateOptions = {},
): Promise<Group> {
  try {
    return await db.transaction().execute(async (trx) => {
      await lockTree(trx, organizationId)
      const group = await trx
        .selectFrom('groups')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', groupId)
        .forUpdate()
        .executeTakeFirst()
      if (!group) throw notFound(`Group ${groupId}`)
      if (expectedVersions && !expectedVersions.includes(group.version)) {
        throw new DomainError(
          'precondition_failed',
          `Group ${groupId} is now at version ${group.version}, not the one in If-Match; fetch it again and reapply your change.`,
        )
      }
      if (Object.values(changes).every((value) => value === undefined)) return group
      await checkPosition(trx, group, changes)
      if (changes.slug !== undefined && changes.slug !== group.slug) {
        await checkSlugFree(trx, organizationId, changes.slug, group.id)
      }
      const updated = await trx
        .updateTable('groups')
        .set({ ...rowChanges(group, changes), version: group.version + 1, updated_at: now })
        .where('organization_id', '=', organizationId)
        .where('id', '=', groupId)
        .returningAll()
        .executeTakeFirstOrThrow()
      if (changes.postcodes !== undefined) await replacePostcodes(trx, updated)
      return updated
    })
  } catch (error) {
    throw explainConstraint(error)
  }
}

/** A new kind or parent must obey the tree rules; a new parent moves the subtree. */
async function checkPosition(trx: Transaction<Database>, group: Group, changes: GroupChanges): Promise<void> {
  const kind = changes.kind ?? group.kind
  const parentId = changes.parent_id === undefined ? group.parent_id : changes.parent_id
  const moving = parentId !== group.parent_id
  if (!moving && kind === group.kind) return
  const parent = parentId ? await findParent(trx, group.organization_id, parentId) : null
  checkPlacement(kind, parent)
  if (kind !== group.kind) {
    if (kind === 'national') await checkSingleNational(trx, group.organization_id, group.id)
    await checkChildrenFit(trx, group, kind)
  }
  if (moving) await moveSubtree(trx, group, parent)
}

function rowChanges(group: Group, changes: GroupChanges): Updateable<GroupTable> {
  const { latitude, longitude, postcodes: given, ...rest } = changes
  const postcodes = given === undefined ? group.postcodes : distinctPostcodes(given)
  const name = changes.name ?? group.name
  const department = changes.department === undefined ? group.department : changes.department
  return {
    ...withoutUndefined(rest),
    ...(given !== undefined ? { postcodes } : {}),
    ...newLocation(group, postcodes, latitude === undefined ? undefined : { latitude, longitude: longitude ?? null }),
    search_text: groupSearchText({ name, department, postcodes }),
  }
}

/**
 * Coordinates given win. Otherwise they follow new postcodes, unless they had been set apart from the
 * old ones (a meeting place rather than the centre of the area).
 */
function newLocation(group: Group, postcodes: string[], given: Location | undefined): Partial<Location> {
  if (given) return given
  if (postcodes === group.postcodes) return {}
  const derived = locationOfPostcodes(group.postcodes)
  const followedPostcodes =
    group.latitude === null || (group.latitude === derived.latitude && group.longitude === derived.longitude)
  return followedPostcodes ? locationOfPostcodes(postcodes) : {}
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
