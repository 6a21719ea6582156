import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import type { Group, MemberStatus } from '../../db/types.js'
import { subtreeIds } from '../../domain/groups/subtree.js'
import { createKey } from '../../domain/keys/keys.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface GroupMemberAnswer {
  member_id: string
  given_name: string | null
  family_name: string | null
  email: string | null
  status: string
  role: 'member' | 'organizer'
  joined_at: string
}

interface Page {
  data: GroupMemberAnswer[]
  next_cursor: string | null
}

const sk = () => ({ key: t.demo.secretKey })

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return (await res.json()) as { detail: string; errors?: { path: string }[] }
}

async function allMembers(path: string, key = t.demo.secretKey) {
  const members: GroupMemberAnswer[] = []
  let cursor: string | null = null
  do {
    const separator = path.includes('?') ? '&' : '?'
    const res = await t.call('GET', `${path}${cursor ? `${separator}cursor=${cursor}` : ''}`, { key })
    expect(res.status).toBe(200)
    const page = (await res.json()) as Page
    members.push(...page.data)
    cursor = page.next_cursor
  } while (cursor)
  return members
}

/** The demo group with the most members among those of a kind. */
async function busiestGroup(kind: Group['kind']): Promise<Group> {
  const row = await t.database.db
    .selectFrom('groups')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.organization_id', '=', 'groups.organization_id')
        .onRef('memberships.group_id', '=', 'groups.id'),
    )
    .select('groups.id')
    .where('groups.organization_id', '=', t.demo.organizationId)
    .where('groups.kind', '=', kind)
    .groupBy('groups.id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('groups.id')
    .executeTakeFirstOrThrow()
  return t.database.db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow()
}

async function someMember(status: MemberStatus, organizationId = t.demo.organizationId) {
  return t.database.db
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', '=', status)
    .orderBy('id')
    .executeTakeFirstOrThrow()
}

async function membership(groupId: string, memberId: string) {
  return t.database.db
    .selectFrom('memberships')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
}

async function emptyGroup() {
  const res = await t.call('POST', '/v1/groups', { ...sk(), body: { kind: 'thematic', name: 'Groupe de test' } })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('GET /v1/groups/{group_id}/members', () => {
  it('pages through the members of a section once each, in the order they joined', async () => {
    const section = await busiestGroup('section')
    const members = await allMembers(`/v1/groups/${section.id}/members?limit=7`)
    const stored = await t.database.db
      .selectFrom('memberships')
      .innerJoin('members', (j) =>
        j
          .onRef('members.organization_id', '=', 'memberships.organization_id')
          .onRef('members.id', '=', 'memberships.member_id'),
      )
      .select('members.id')
      .where('memberships.organization_id', '=', t.demo.organizationId)
      .where('memberships.group_id', '=', section.id)
      .where('members.status', '!=', 'erased')
      .execute()
    expect(members.length).toBeGreaterThan(7)
    expect(members.map((m) => m.member_id).sort()).toEqual(stored.map((m) => m.id).sort())
    const keys = members.map((m) => `${m.joined_at} ${m.member_id}`)
    expect(keys).toEqual([...keys].sort())
    expect(members[0]).toMatchObject({
      member_id: expect.stringMatching(/^mem_/),
      role: expect.stringMatching(/^(member|organizer)$/),
      joined_at: expect.stringMatching(/Z$/),
      status: expect.any(String),
    })
    expect(Object.keys(members[0] ?? {}).sort()).toEqual(
      ['email', 'family_name', 'given_name', 'joined_at', 'member_id', 'role', 'status'].sort(),
    )
  })

  it('filters by role', async () => {
    const section = await busiestGroup('section')
    const organizer = await someMember('active')
    await t.call('POST', `/v1/groups/${section.id}/members`, {
      ...sk(),
      body: { member_id: organizer.id, role: 'organizer' },
    })
    const organizers = await allMembers(`/v1/groups/${section.id}/members?role=organizer`)
    expect(organizers.map((m) => m.member_id)).toContain(organizer.id)
    expect(organizers.every((m) => m.role === 'organizer')).toBe(true)
    const plain = await allMembers(`/v1/groups/${section.id}/members?role=member&limit=100`)
    expect(plain.every((m) => m.role === 'member')).toBe(true)
  })

  it('includes the members of subgroups only when asked, each person once', async () => {
    const section = await busiestGroup('section')
    const federation = await t.database.db
      .selectFrom('groups')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', section.parent_id ?? '')
      .executeTakeFirstOrThrow()
    const own = await allMembers(`/v1/groups/${federation.id}/members?limit=100`)
    const all = await allMembers(`/v1/groups/${federation.id}/members?include_subgroups=true&limit=13`)
    const ids = all.map((m) => m.member_id)
    expect(new Set(ids).size).toBe(ids.length)
    const expected = await t.database.db
      .selectFrom('memberships')
      .innerJoin('members', (j) =>
        j
          .onRef('members.organization_id', '=', 'memberships.organization_id')
          .onRef('members.id', '=', 'memberships.member_id'),
      )
      .select(sql<number>`count(distinct members.id)`.as('n'))
      .where('memberships.organization_id', '=', t.demo.organizationId)
      .where('memberships.group_id', 'in', subtreeIds(t.database.db, t.demo.organizationId, federation.path))
      .where('members.status', '!=', 'erased')
      .executeTakeFirstOrThrow()
    expect(ids.length).toBe(Number(expected.n))
    expect(ids.length).toBeGreaterThan(own.length)
    const notExpanded = await allMembers(`/v1/groups/${federation.id}/members?include_subgroups=false&limit=100`)
    expect(notExpanded.length).toBe(own.length)
  })

  it('refuses a forged cursor and an invalid role', async () => {
    const section = await busiestGroup('section')
    const forged = await t.call('GET', `/v1/groups/${section.id}/members?cursor=WyJub3QgYSBkYXRlIiwibWVtXzEiXQ`, sk())
    expect((await expectProblem(forged, 400)).errors?.[0]?.path).toBe('cursor')
    const ancient = Buffer.from(JSON.stringify(['-271821-04-20T00:00:00.000Z', 'mem_1'])).toString('base64url')
    await expectProblem(await t.call('GET', `/v1/groups/${section.id}/members?cursor=${ancient}`, sk()), 400)
    await expectProblem(await t.call('GET', `/v1/groups/${section.id}/members?role=boss`, sk()), 400)
  })

  it('answers 404 for an unknown group and for another organization calling', async () => {
    await expectProblem(await t.call('GET', '/v1/groups/grp_0000000000000000000000000/members', sk()), 404)
    const section = await busiestGroup('section')
    await expectProblem(await t.call('GET', `/v1/groups/${section.id}/members`, { key: t.other.secretKey }), 404)
  })

  it('needs the members:read scope', async () => {
    const { token } = await createKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'x',
      scopes: ['groups:write'],
    })
    const section = await busiestGroup('section')
    const problem = await expectProblem(await t.call('GET', `/v1/groups/${section.id}/members`, { key: token }), 403)
    expect(problem.detail).toContain('members:read')
  })
})

describe('POST /v1/groups/{group_id}/members', () => {
  it('adds a member (201), then sets the role of somebody already there (200)', async () => {
    const groupId = await emptyGroup()
    const member = await someMember('active')
    const added = await t.call('POST', `/v1/groups/${groupId}/members`, { ...sk(), body: { member_id: member.id } })
    expect(added.status).toBe(201)
    const body = (await added.json()) as GroupMemberAnswer
    expect(body).toMatchObject({ member_id: member.id, role: 'member', email: member.email, status: 'active' })
    const promoted = await t.call('POST', `/v1/groups/${groupId}/members`, {
      ...sk(),
      body: { member_id: member.id, role: 'organizer' },
    })
    expect(promoted.status).toBe(200)
    expect(await promoted.json()).toEqual({ ...body, role: 'organizer' })
    const listed = await allMembers(`/v1/groups/${groupId}/members`)
    expect(listed).toEqual([{ ...body, role: 'organizer' }])
  })

  it('answers 404 for an unknown member and for a member of another organization, adding nothing', async () => {
    const groupId = await emptyGroup()
    const foreign = await someMember('active', t.other.organizationId)
    for (const memberId of ['mem_0000000000000000000000000', foreign.id]) {
      const res = await t.call('POST', `/v1/groups/${groupId}/members`, { ...sk(), body: { member_id: memberId } })
      await expectProblem(res, 404)
    }
    expect(await allMembers(`/v1/groups/${groupId}/members`)).toEqual([])
  })

  it('refuses an erased person with 409, adding nothing', async () => {
    const groupId = await emptyGroup()
    const member = await someMember('active')
    await t.database.db
      .updateTable('members')
      .set({ status: 'erased', email: null, email_normalized: null, given_name: null, family_name: null })
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', member.id)
      .execute()
    const res = await t.call('POST', `/v1/groups/${groupId}/members`, { ...sk(), body: { member_id: member.id } })
    expect((await expectProblem(res, 409)).detail).toContain('erased')
    expect(await membership(groupId, member.id)).toBeUndefined()
  })

  it("answers 404 when another organization's key adds to the demo's group", async () => {
    const groupId = await emptyGroup()
    const theirs = await someMember('active', t.other.organizationId)
    const res = await t.call('POST', `/v1/groups/${groupId}/members`, {
      key: t.other.secretKey,
      body: { member_id: theirs.id },
    })
    await expectProblem(res, 404)
    expect(await allMembers(`/v1/groups/${groupId}/members`)).toEqual([])
  })

  it('validates the body: ids, roles, JSON and content type', async () => {
    const groupId = await emptyGroup()
    const member = await someMember('active')
    const call = (body: unknown, headers?: Record<string, string>) =>
      t.call('POST', `/v1/groups/${groupId}/members`, { ...sk(), body, ...(headers ? { headers } : {}) })
    expect((await expectProblem(await call({ member_id: 'grp_1' }), 400)).errors?.[0]?.path).toBe('member_id')
    expect((await expectProblem(await call({ member_id: member.id, role: 'boss' }), 400)).errors?.[0]?.path).toBe(
      'role',
    )
    await expectProblem(await call('{"member_id": '), 400)
    await expectProblem(
      await call(`member_id=${member.id}`, { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    )
    expect(await membership(groupId, member.id)).toBeUndefined()
  })

  it('needs the members:write scope', async () => {
    const groupId = await emptyGroup()
    const member = await someMember('active')
    const { token } = await createKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'x',
      scopes: ['members:read'],
    })
    const res = await t.call('POST', `/v1/groups/${groupId}/members`, { key: token, body: { member_id: member.id } })
    expect((await expectProblem(res, 403)).detail).toContain('members:write')
    await expectProblem(await t.call('DELETE', `/v1/groups/${groupId}/members/${member.id}`, { key: token }), 403)
    expect((await t.call('GET', `/v1/groups/${groupId}/members`, { key: token })).status).toBe(200)
    expect(await membership(groupId, member.id)).toBeUndefined()
  })
})

describe('DELETE /v1/groups/{group_id}/members/{member_id}', () => {
  it('takes a member out of the group (204), then answers 404', async () => {
    const groupId = await emptyGroup()
    const member = await someMember('active')
    await t.call('POST', `/v1/groups/${groupId}/members`, { ...sk(), body: { member_id: member.id } })
    const res = await t.call('DELETE', `/v1/groups/${groupId}/members/${member.id}`, sk())
    expect(res.status).toBe(204)
    expect(await membership(groupId, member.id)).toBeUndefined()
    const stillKnown = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', member.id)
      .executeTakeFirst()
    expect(stillKnown).toBeDefined()
    await expectProblem(await t.call('DELETE', `/v1/groups/${groupId}/members/${member.id}`, sk()), 404)
  })

  it("answers 404 to another organization's key, leaving the membership", async () => {
    const groupId = await emptyGroup()
    const member = await someMember('active')
    await t.call('POST', `/v1/groups/${groupId}/members`, { ...sk(), body: { member_id: member.id } })
    const res = await t.call('DELETE', `/v1/groups/${groupId}/members/${member.id}`, { key: t.other.secretKey })
    await expectProblem(res, 404)
    expect(await membership(groupId, member.id)).toBeDefined()
  })
})
