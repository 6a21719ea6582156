import type { Kysely, Transaction } from 'kysely'
import type { Database, Group } from '../../db/types.js'
import { newId } from '../ids.js'
import { groupSearchText } from '../search-text.js'
import { emitWebhookEvent } from '../webhooks/emit.js'
import { distinctPostcodes, locationOfPostcodes, replacePostcodes } from './area.js'
import { explainConstraint } from './constraint-errors.js'
import type { GroupFields } from './fields.js'
import { checkSlugFree, slugify, uniqueSlug } from './slug.js'
import { depthUnder, findParent, lockTree, pathUnder } from './tree.js'
import { checkPlacement, checkSingleNational } from './tree-rules.js'

/** Adds a group to the organization's tree; a public one is announced in the activity feed. */
export async function createGroup(
  db: Kysely<Database>,
  organizationId: string,
  fields: GroupFields,
  now = new Date(),
): Promise<Group> {
  try {
    return await db.transaction().execute(async (trx) => {
      await lockTree(trx, organizationId)
      const parent = fields.parent_id ? await findParent(trx, organizationId, fields.parent_id) : null
      checkPlacement(fields.kind, parent)
      if (fields.kind === 'national') await checkSingleNational(trx, organizationId)
      if (fields.slug) await checkSlugFree(trx, organizationId, fields.slug)
      const id = newId('grp', now)
      const postcodes = distinctPostcodes(fields.postcodes ?? [])
      const location =
        fields.latitude != null && fields.longitude != null
          ? { latitude: fields.latitude, longitude: fields.longitude }
          : locationOfPostcodes(postcodes)
      const group = await trx
        .insertInto('groups')
        .values({
          organization_id: organizationId,
          id,
          parent_id: parent?.id ?? null,
          path: pathUnder(parent, id),
          depth: depthUnder(parent),
          kind: fields.kind,
          name: fields.name,
          slug: fields.slug ?? (await uniqueSlug(trx, organizationId, slugify(fields.name))),
          description: fields.description ?? '',
          visibility: fields.visibility ?? 'public',
          department: fields.department ?? null,
          postcodes,
          ...location,
          contact_email: fields.contact_email ?? null,
          website_url: fields.website_url ?? null,
          search_text: groupSearchText({ name: fields.name, department: fields.department, postcodes }),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await replacePostcodes(trx, group)
      if (group.visibility === 'public') await recordGroupCreated(trx, group, now)
      await emitWebhookEvent(trx, organizationId, 'group.created', groupEventData(group), now)
      return group
    })
  } catch (error) {
    throw explainConstraint(error)
  }
}

async function recordGroupCreated(trx: Transaction<Database>, group: Group, now: Date): Promise<void> {
  await trx
    .insertInto('activity')
    .values({
      organization_id: group.organization_id,
      id: newId('act', now),
      group_id: group.id,
      group_path: group.path,
      kind: 'group_created',
      payload: JSON.stringify({ group_id: group.id, name: group.name, kind: group.kind }),
      occurred_at: now,
    })
    .execute()
}

/** Private groups too: the organization's own servers receive webhooks, not the public. */
function groupEventData({ id, parent_id, name, kind, visibility }: Group) {
  return { group_id: id, parent_id, name, kind, visibility }
}
