import type { Context } from 'hono'
import type { Group } from '../../db/types.js'
import { recordAudit } from '../../domain/audit/record.js'
import { countGroup } from '../../domain/groups/counts.js'
import { createGroup } from '../../domain/groups/create.js'
import { listGroupMembers } from '../../domain/groups/members-list.js'
import { addGroupMember, removeGroupMember } from '../../domain/groups/memberships.js'
import { getGroup, listGroups } from '../../domain/groups/queries.js'
import { removeGroup } from '../../domain/groups/remove.js'
import { updateGroup } from '../../domain/groups/update.js'
import { audienceOf } from '../common/audience.js'
import { auditActor, auditRead } from '../common/audit.js'
import { etagOf, ifMatchVersions, stillFresh } from '../common/etag.js'
import { createRouter } from '../common/router.js'
import { presentGroup, presentGroupDetail, presentGroupMember } from './present.js'
import {
  addGroupMemberRoute,
  createGroupRoute,
  deleteGroupRoute,
  getGroupRoute,
  listGroupMembersRoute,
  listGroupsRoute,
  removeGroupMemberRoute,
  updateGroupRoute,
} from './routes.js'

async function detailOf(c: Context, group: Group) {
  c.header('etag', etagOf(group.version))
  return presentGroupDetail(group, await countGroup(c.get('db'), group))
}

export const groupsRouter = createRouter()
  .openapi(listGroupsRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listGroups(c.get('db'), audienceOf(c), {
      parent: query.parent,
      kind: query.kind,
      near: query.near,
      radiusKm: query.radius_km,
      q: query.q,
      limit: query.limit,
      cursor: query.cursor,
    })
    return c.json({ data: page.data.map(presentGroup), next_cursor: page.next_cursor }, 200)
  })
  .openapi(getGroupRoute, async (c) => {
    const group = await getGroup(c.get('db'), audienceOf(c), c.req.valid('param').group_id)
    if (stillFresh(c.req.valid('header')['if-none-match'], group.version)) {
      c.header('etag', etagOf(group.version))
      return c.body(null, 304)
    }
    return c.json(await detailOf(c, group), 200)
  })
  .openapi(createGroupRoute, async (c) => {
    const group = await createGroup(c.get('db'), c.get('caller').organizationId, c.req.valid('json'))
    c.header('location', `${c.get('config').publicUrl}/v1/groups/${group.id}`)
    return c.json(await detailOf(c, group), 201)
  })
  .openapi(updateGroupRoute, async (c) => {
    const { group_id } = c.req.valid('param')
    const group = await updateGroup(c.get('db'), c.get('caller').organizationId, group_id, c.req.valid('json'), {
      expectedVersions: ifMatchVersions(c.req.valid('header')['if-match']),
    })
    return c.json(await detailOf(c, group), 200)
  })
  .openapi(deleteGroupRoute, async (c) => {
    await removeGroup(c.get('db'), c.get('caller').organizationId, c.req.valid('param').group_id)
    return c.body(null, 204)
  })
  .openapi(listGroupMembersRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listGroupMembers(c.get('db'), c.get('caller').organizationId, c.req.valid('param').group_id, {
      role: query.role,
      includeSubgroups: query.include_subgroups,
      limit: query.limit,
      cursor: query.cursor,
    })
    const { group_id } = c.req.valid('param')
    await auditRead(c, {
      action: 'membership.list',
      targetType: 'group',
      targetId: group_id,
      details: { query: { role: query.role, include_subgroups: query.include_subgroups }, count: page.data.length },
    })
    return c.json({ data: page.data.map(presentGroupMember), next_cursor: page.next_cursor }, 200)
  })
  .openapi(addGroupMemberRoute, async (c) => {
    const { member_id, role } = c.req.valid('json')
    const { group_id } = c.req.valid('param')
    const { organizationId } = c.get('caller')
    const change = await addGroupMember(
      c.get('db'),
      organizationId,
      group_id,
      member_id,
      role,
      new Date(),
      auditActor(c),
    )
    if (change.created) return c.json(presentGroupMember(change.member), 201)
    return c.json(presentGroupMember(change.member), 200)
  })
  .openapi(removeGroupMemberRoute, async (c) => {
    const { group_id, member_id } = c.req.valid('param')
    await c
      .get('db')
      .transaction()
      .execute(async (trx) => {
        await removeGroupMember(trx, c.get('caller').organizationId, group_id, member_id)
        const details = { group_id }
        await recordAudit(trx, auditActor(c), {
          action: 'membership.remove',
          targetType: 'member',
          targetId: member_id,
          details,
        })
      })
    return c.body(null, 204)
  })
