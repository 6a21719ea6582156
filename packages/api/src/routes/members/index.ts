import type { Context } from 'hono'
import { createMember } from '../../domain/members/create.js'
import { eraseMember } from '../../domain/members/erase.js'
import { exportMember } from '../../domain/members/export.js'
import { detailOf, getMemberDetail, listMembers } from '../../domain/members/queries.js'
import { updateMember } from '../../domain/members/update.js'
import { auditActor, auditRead } from '../common/audit.js'
import { etagOf, ifMatchVersions } from '../common/etag.js'
import { createRouter } from '../common/router.js'
import { presentExport, presentMember, presentMemberDetail } from './present.js'
import {
  createMemberRoute,
  eraseMemberRoute,
  exportMemberRoute,
  getMemberRoute,
  listMembersRoute,
  updateMemberRoute,
} from './routes.js'

// Personal data: no shared cache may keep a copy.
function privateAnswer(c: Context, version?: number) {
  c.header('cache-control', 'no-store')
  if (version !== undefined) c.header('etag', etagOf(version))
}

const dateOf = (value: string | undefined) => (value === undefined ? undefined : new Date(value))

/** The filters of a list as the audit log keeps them: the words searched may be a name, so only their presence. */
function auditedQuery({ q, cursor, ...filters }: Record<string, unknown>) {
  return { ...filters, q: q === undefined ? undefined : '[redacted]', cursor: cursor === undefined ? undefined : true }
}

export const membersRouter = createRouter()
  .openapi(listMembersRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listMembers(c.get('db'), c.get('caller').organizationId, {
      status: query.status,
      groupId: query.group,
      tag: query.tag,
      postcode: query.postcode,
      q: query.q,
      createdAfter: dateOf(query.created_after),
      createdBefore: dateOf(query.created_before),
      limit: query.limit,
      cursor: query.cursor,
    })
    await auditRead(c, {
      action: 'member.list',
      targetType: 'member',
      details: { query: auditedQuery(query), count: page.data.length },
    })
    privateAnswer(c)
    return c.json({ data: page.data.map(presentMember), next_cursor: page.next_cursor }, 200)
  })
  .openapi(createMemberRoute, async (c) => {
    const db = c.get('db')
    const caller = c.get('caller')
    const member = await createMember(db, caller.organizationId, c.req.valid('json'), {
      source: { origin: null, widget: null, key_id: caller.keyId },
      audit: auditActor(c),
    })
    privateAnswer(c, member.version)
    c.header('location', `${c.get('config').publicUrl}/v1/members/${member.id}`)
    return c.json(presentMemberDetail(await detailOf(db, member)), 201)
  })
  .openapi(getMemberRoute, async (c) => {
    const member = await getMemberDetail(c.get('db'), c.get('caller').organizationId, c.req.valid('param').member_id)
    await auditRead(c, { action: 'member.read', targetType: 'member', targetId: member.id })
    privateAnswer(c, member.version)
    return c.json(presentMemberDetail(member), 200)
  })
  .openapi(updateMemberRoute, async (c) => {
    const db = c.get('db')
    const caller = c.get('caller')
    const member = await updateMember(db, caller.organizationId, c.req.valid('param').member_id, c.req.valid('json'), {
      expectedVersions: ifMatchVersions(c.req.valid('header')['if-match']),
      audit: auditActor(c),
    })
    privateAnswer(c, member.version)
    return c.json(presentMemberDetail(await detailOf(db, member)), 200)
  })
  .openapi(eraseMemberRoute, async (c) => {
    await eraseMember(c.get('db'), c.get('caller').organizationId, c.req.valid('param').member_id, new Date(), {
      audit: { actor: auditActor(c), reason: 'request' },
    })
    return c.body(null, 204)
  })
  .openapi(exportMemberRoute, async (c) => {
    const held = await exportMember(c.get('db'), c.get('caller').organizationId, c.req.valid('param').member_id)
    await auditRead(c, { action: 'member.export', targetType: 'member', targetId: held.member.id })
    privateAnswer(c)
    return c.json(presentExport(held), 200)
  })
