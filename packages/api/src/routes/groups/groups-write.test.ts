import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import type { Group } from '../../db/types.js'
import { createKey } from '../../domain/keys/keys.js'
import { findPlace } from '../../domain/places/index.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface GroupAnswer {
  id: string
  parent_id: string | null
  kind: string
  name: string
  slug: string
  postcodes: string[]
  location: { latitude: number; longitude: number } | null
  counts: { members: number; subgroups: number; upcoming_initiatives: number }
}

interface ProblemAnswer {
  status: number
  detail: string
  errors?: { path: string; message: string }[]
}

const sk = () => ({ key: t.demo.secretKey })

async function create(body: Record<string, unknown>) {
  const res = await t.call('POST', '/v1/groups', { ...sk(), body })
  return { res, group: (await res.clone().json()) as GroupAnswer & ProblemAnswer }
}

async function patch(id: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await t.call('PATCH', `/v1/groups/${id}`, { ...sk(), body, headers })
  return { res, body: (await res.clone().json()) as GroupAnswer & ProblemAnswer }
}

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return (await res.json()) as ProblemAnswer
}

function row(id: string): Promise<Group> {
  return t.database.db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

async function groupsOfKind(kind: Group['kind'], organizationId = t.demo.organizationId) {
  return t.database.db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute()
}

/** A snapshot of the demo organization's groups, to prove a refused request wrote nothing. */
async function treeSnapshot() {
  const [groups, postcodes, activity] = await Promise.all([
    t.database.db
      .selectFrom('groups')
      .select(['id', 'parent_id', 'path', 'depth', 'kind', 'name', 'slug', 'version', 'postcodes'])
      .where('organization_id', '=', t.demo.organizationId)
      .orderBy('id')
      .execute(),
    t.database.db
      .selectFrom('group_postcodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', t.demo.organizationId)
      .executeTakeFirstOrThrow(),
    t.database.db
      .selectFrom('activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', t.demo.organizationId)
      .executeTakeFirstOrThrow(),
  ])
  return { groups, postcodes: Number(postcodes.n), activity: Number(activity.n) }
}

async function national() {
  const [group] = await groupsOfKind('national')
  if (!group) throw new Error('the demo has a national group')
  return group
}

async function federations() {
  return groupsOfKind('federation')
}

async function sectionOf(federationId: string) {
  return t.database.db
    .selectFrom('groups')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('parent_id', '=', federationId)
    .where('kind', '=', 'section')
    .orderBy('id')
    .executeTakeFirstOrThrow()
}

describe('POST /v1/groups', () => {
  it('creates a section under a federation, with its place, path, postcodes and a Location', async () => {
    const [federation] = await federations()
    if (!federation) throw new Error('the demo has federations')
    const { res, group } = await create({
      parent_id: federation.id,
      kind: 'section',
      name: 'Section Écully – Champagne',
      postcodes: ['69130', '69410', '69130'],
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe(`http://relais.test/v1/groups/${group.id}`)
    expect(res.headers.get('etag')).toBe('"1"')
    expect(group).toMatchObject({ parent_id: federation.id, kind: 'section', slug: 'section-ecully-champagne' })
    expect(group.postcodes).toEqual(['69130', '69410'])
    const place = findPlace('69130')
    expect(group.location).toEqual({ latitude: place?.latitude, longitude: place?.longitude })
    expect(group.counts).toEqual({ members: 0, subgroups: 0, upcoming_initiatives: 0 })

    const stored = await row(group.id)
    expect(stored.path).toBe(`${federation.path}${group.id}/`)
    expect(stored.depth).toBe(federation.depth + 1)
    expect(stored.search_text).toContain('ecully')
    const covering = await t.call('GET', '/v1/groups?near=69410&radius_km=1')
    const near = (await covering.json()) as { data: { id: string }[] }
    expect(near.data.map((g) => g.id)).toContain(group.id)
  })

  it('announces a public group in the activity feed, but not a private one', async () => {
    const { group: open } = await create({ kind: 'thematic', name: 'Logement pour tous' })
    const { group: closed } = await create({ kind: 'action', name: 'Cellule riposte', visibility: 'private' })
    const activity = await t.database.db
      .selectFrom('activity')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('kind', '=', 'group_created')
      .where('group_id', 'in', [open.id, closed.id])
      .execute()
    expect(activity).toHaveLength(1)
    expect(activity[0]).toMatchObject({
      group_id: open.id,
      group_path: `/${open.id}/`,
      payload: { group_id: open.id, name: 'Logement pour tous', kind: 'thematic' },
    })
    expect(activity[0]?.id).toMatch(/^act_/)
  })

  it('derives a unique slug from the name with -2, -3…', async () => {
    const slugs = []
    for (let i = 0; i < 3; i++) slugs.push((await create({ kind: 'thematic', name: "Jeunes de l'Œuvre !" })).group.slug)
    expect(slugs).toEqual(['jeunes-de-l-oeuvre', 'jeunes-de-l-oeuvre-2', 'jeunes-de-l-oeuvre-3'])
  })

  it('refuses a chosen slug that is taken with 409, creating nothing', async () => {
    const before = await treeSnapshot()
    const taken = (await national()).slug
    const { res } = await create({ kind: 'thematic', name: 'Doublon', slug: taken })
    const problem = await expectProblem(res, 409)
    expect(problem.errors?.[0]?.path).toBe('slug')
    expect(await treeSnapshot()).toEqual(before)
  })

  it.each([
    ['a second national group', () => ({ kind: 'national', name: 'Bis' }), 409, 'kind'],
    ['a federation at the root', () => ({ kind: 'federation', name: 'Orpheline' }), 400, 'kind'],
    [
      'a federation under a section',
      async () => {
        const [federation] = await federations()
        return { kind: 'federation', name: 'Sous section', parent_id: (await sectionOf(federation?.id ?? '')).id }
      },
      400,
      'parent_id',
    ],
    [
      'a section under a thematic group',
      async () => {
        const [thematic] = await groupsOfKind('thematic')
        return { kind: 'section', name: 'Égarée', parent_id: thematic?.id }
      },
      400,
      'parent_id',
    ],
    [
      'a parent of another organization',
      async () => {
        const [theirs] = await groupsOfKind('national', t.other.organizationId)
        return { kind: 'federation', name: 'Infiltrée', parent_id: theirs?.id }
      },
      400,
      'parent_id',
    ],
    [
      'an unknown parent',
      () => ({ kind: 'thematic', name: 'Perdue', parent_id: 'grp_0000000000000000000000000' }),
      400,
      'parent_id',
    ],
  ])('refuses %s, with the field at fault and nothing written', async (_, body, status, path) => {
    const before = await treeSnapshot()
    const { res } = await create(await body())
    const problem = await expectProblem(res, status)
    expect(problem.errors?.map((e) => e.path)).toEqual([path])
    expect(problem.detail.length).toBeGreaterThan(20)
    expect(await treeSnapshot()).toEqual(before)
  })

  it('places thematic and action groups anywhere', async () => {
    const [federation] = await federations()
    const section = await sectionOf(federation?.id ?? '')
    expect((await create({ kind: 'action', name: 'Tractage du marché', parent_id: section.id })).res.status).toBe(201)
    expect((await create({ kind: 'thematic', name: 'Santé', parent_id: (await national()).id })).res.status).toBe(201)
  })

  it.each([
    [{ kind: 'section', name: 'X', postcodes: ['7501'] }, 'postcodes.0'],
    [{ kind: 'section', name: 'X', postcodes: Array.from({ length: 501 }, () => '75011') }, 'postcodes'],
    [{ kind: 'thematic', name: 'X', latitude: 91, longitude: 2 }, 'latitude'],
    [{ kind: 'thematic', name: 'X', latitude: 48.8 }, 'longitude'],
    [{ kind: 'thematic', name: 'X', website_url: 'javascript:alert(1)' }, 'website_url'],
    [{ kind: 'thematic', name: 'X', contact_email: 'not-an-address' }, 'contact_email'],
    [{ kind: 'thematic', name: 'X', slug: 'Pas Un Slug' }, 'slug'],
    [{ kind: 'thematic', name: '   ' }, 'name'],
    [{ kind: 'club', name: 'X' }, 'kind'],
    [{ kind: 'thematic', name: 'X', parent_id: 'ini_123' }, 'parent_id'],
  ])('refuses invalid fields with a 400 naming them (%#)', async (body, path) => {
    const before = await treeSnapshot()
    const { res } = await create(body)
    const problem = await expectProblem(res, 400)
    expect(problem.errors?.map((e) => e.path)).toContain(path)
    expect(await treeSnapshot()).toEqual(before)
  })

  it('refuses unknown fields rather than ignoring them', async () => {
    const { res } = await create({ kind: 'thematic', name: 'X', parent: 'grp_1' })
    await expectProblem(res, 400)
  })

  it('answers a malformed JSON body with a 400 problem', async () => {
    const res = await t.call('POST', '/v1/groups', { ...sk(), body: '{"kind": "thematic", ' })
    await expectProblem(res, 400)
  })

  it('answers a body that is not JSON with a 415 problem', async () => {
    const res = await t.call('POST', '/v1/groups', {
      ...sk(),
      body: 'kind=thematic&name=X',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    await expectProblem(res, 415)
  })
})

describe('access to group writes', () => {
  it('refuses publishable keys on every write with 403', async () => {
    const { id } = await national()
    const attempts = [
      t.call('POST', '/v1/groups', { body: { kind: 'thematic', name: 'X' } }),
      t.call('PATCH', `/v1/groups/${id}`, { body: { name: 'X' } }),
      t.call('DELETE', `/v1/groups/${id}`),
      t.call('POST', `/v1/groups/${id}/members`, { body: { member_id: 'mem_1' } }),
      t.call('DELETE', `/v1/groups/${id}/members/mem_1`),
      t.call('GET', `/v1/groups/${id}/members`),
    ]
    for (const res of await Promise.all(attempts)) await expectProblem(res, 403)
    expect((await row(id)).name).not.toBe('X')
  })

  it('refuses a secret key without the groups:write scope with 403', async () => {
    const { token } = await createKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'x',
      scopes: ['members:read'],
    })
    const { id } = await national()
    const before = await treeSnapshot()
    const problem = await expectProblem(
      await t.call('POST', '/v1/groups', { key: token, body: { kind: 'thematic', name: 'X' } }),
      403,
    )
    expect(problem.detail).toContain('groups:write')
    await expectProblem(await t.call('PATCH', `/v1/groups/${id}`, { key: token, body: { name: 'X' } }), 403)
    await expectProblem(await t.call('DELETE', `/v1/groups/${id}`, { key: token }), 403)
    expect(await treeSnapshot()).toEqual(before)
  })

  it("answers 404 to another organization's secret key on the demo's groups, changing nothing", async () => {
    const { id } = await national()
    const [federation] = await federations()
    const before = await treeSnapshot()
    const key = t.other.secretKey
    await expectProblem(await t.call('PATCH', `/v1/groups/${id}`, { key, body: { name: 'Pris' } }), 404)
    await expectProblem(await t.call('DELETE', `/v1/groups/${federation?.id}`, { key }), 404)
    await expectProblem(await t.call('GET', `/v1/groups/${id}`, { key }), 404)
    const [theirs] = await groupsOfKind('national', t.other.organizationId)
    const moved = await t.call('PATCH', `/v1/groups/${federation?.id}`, { key, body: { parent_id: theirs?.id } })
    await expectProblem(moved, 404)
    expect(await treeSnapshot()).toEqual(before)
  })
})

describe('GET /v1/groups/{group_id} caching', () => {
  it('sends the version as ETag and answers If-None-Match with 304 until the group changes', async () => {
    const { group } = await create({ kind: 'thematic', name: 'Culture' })
    const first = await t.call('GET', `/v1/groups/${group.id}`)
    expect(first.headers.get('etag')).toBe('"1"')
    const cached = await t.call('GET', `/v1/groups/${group.id}`, { headers: { 'if-none-match': '"1"' } })
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe('')
    expect(cached.headers.get('etag')).toBe('"1"')
    const weak = await t.call('GET', `/v1/groups/${group.id}`, { headers: { 'if-none-match': 'W/"1", "7"' } })
    expect(weak.status).toBe(304)
    await patch(group.id, { description: 'Arts et patrimoine' })
    const changed = await t.call('GET', `/v1/groups/${group.id}`, { headers: { 'if-none-match': '"1"' } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).toBe('"2"')
  })

  it('still answers 404, not 304, for a group the caller cannot see', async () => {
    const { group } = await create({ kind: 'action', name: 'Coulisses', visibility: 'private' })
    const res = await t.call('GET', `/v1/groups/${group.id}`, { headers: { 'if-none-match': '*' } })
    await expectProblem(res, 404)
  })
})

describe('PATCH /v1/groups/{group_id}', () => {
  it('changes only the fields given, bumps the version and keeps search and postcodes in step', async () => {
    const { group } = await create({
      kind: 'section',
      name: 'Section Test',
      parent_id: (await national()).id,
      postcodes: ['75011'],
    })
    const { res, body } = await patch(group.id, { name: 'Section Oberkampf', postcodes: ['75020'], department: '75' })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"2"')
    expect(body).toMatchObject({
      name: 'Section Oberkampf',
      slug: 'section-test',
      postcodes: ['75020'],
      kind: 'section',
    })
    const place = findPlace('75020')
    expect(body.location).toEqual({ latitude: place?.latitude, longitude: place?.longitude })
    const found = (await (await t.call('GET', '/v1/groups?q=oberkampf')).json()) as { data: { id: string }[] }
    expect(found.data.map((g) => g.id)).toEqual([group.id])
    const covering = await t.database.db
      .selectFrom('group_postcodes')
      .select('postcode')
      .where('organization_id', '=', t.demo.organizationId)
      .where('group_id', '=', group.id)
      .execute()
    expect(covering.map((c) => c.postcode)).toEqual(['75020'])
    expect((await row(group.id)).version).toBe(2)
  })

  it('keeps coordinates chosen apart from the postcodes, and clears fields set to null', async () => {
    const { group } = await create({
      kind: 'thematic',
      name: 'Local',
      postcodes: ['13001'],
      latitude: 43.3,
      longitude: 5.4,
    })
    const { body } = await patch(group.id, { postcodes: ['13002'], website_url: 'https://local.example.org' })
    expect(body.location).toEqual({ latitude: 43.3, longitude: 5.4 })
    const { body: cleared } = await patch(group.id, { latitude: null, longitude: null, website_url: null })
    expect(cleared.location).toBeNull()
    expect((cleared as unknown as { website_url: string | null }).website_url).toBeNull()
  })

  it('applies a change whose If-Match is current and refuses a stale one with 412, changing nothing', async () => {
    const { group } = await create({ kind: 'thematic', name: 'Numérique' })
    const ok = await patch(group.id, { description: 'v2' }, { 'if-match': '"1"' })
    expect(ok.res.status).toBe(200)
    const before = await row(group.id)
    const stale = await t.call('PATCH', `/v1/groups/${group.id}`, {
      ...sk(),
      body: { description: 'v3' },
      headers: { 'if-match': '"1"' },
    })
    const problem = await expectProblem(stale, 412)
    expect(problem.detail).toContain('version 2')
    expect(await row(group.id)).toEqual(before)
    const weak = await t.call('PATCH', `/v1/groups/${group.id}`, {
      ...sk(),
      body: { description: 'v3' },
      headers: { 'if-match': 'W/"2"' },
    })
    await expectProblem(weak, 412)
  })

  it('moves a section with its subgroups to another federation: paths, depths and counts follow', async () => {
    const [from, to] = await federations()
    if (!from || !to) throw new Error('the demo has federations')
    const section = await sectionOf(from.id)
    const { group: child } = await create({ kind: 'action', name: 'Porte-à-porte du quartier', parent_id: section.id })
    const { group: grandchild } = await create({ kind: 'thematic', name: 'Atelier', parent_id: child.id })
    const count = async (id: string) => ((await (await t.call('GET', `/v1/groups/${id}`)).json()) as GroupAnswer).counts
    const [fromBefore, toBefore, sectionCounts] = await Promise.all([count(from.id), count(to.id), count(section.id)])
    expect(sectionCounts.subgroups).toBeGreaterThanOrEqual(2)

    const { res, body } = await patch(section.id, { parent_id: to.id })
    expect(res.status).toBe(200)
    expect(body.parent_id).toBe(to.id)
    expect((await row(section.id)).path).toBe(`${to.path}${section.id}/`)
    expect(await row(grandchild.id)).toMatchObject({
      path: `${to.path}${section.id}/${child.id}/${grandchild.id}/`,
      depth: to.depth + 3,
    })
    const [fromAfter, toAfter] = await Promise.all([count(from.id), count(to.id)])
    const moved = sectionCounts.subgroups + 1
    expect(fromAfter.subgroups).toBe(fromBefore.subgroups - moved)
    expect(toAfter.subgroups).toBe(toBefore.subgroups + moved)
    expect(fromAfter.upcoming_initiatives).toBe(fromBefore.upcoming_initiatives - sectionCounts.upcoming_initiatives)
    expect(toAfter.upcoming_initiatives).toBe(toBefore.upcoming_initiatives + sectionCounts.upcoming_initiatives)
    const feed = await t.database.db
      .selectFrom('activity')
      .select('group_path')
      .where('organization_id', '=', t.demo.organizationId)
      .where('group_id', '=', grandchild.id)
      .executeTakeFirstOrThrow()
    expect(feed.group_path).toBe(`${to.path}${section.id}/${child.id}/${grandchild.id}/`)
  })

  it('moves a thematic subtree to the root', async () => {
    const { group: parent } = await create({ kind: 'thematic', name: 'Parent', parent_id: (await national()).id })
    const { group: child } = await create({ kind: 'thematic', name: 'Enfant', parent_id: parent.id })
    const { res } = await patch(parent.id, { parent_id: null })
    expect(res.status).toBe(200)
    expect(await row(child.id)).toMatchObject({ path: `/${parent.id}/${child.id}/`, depth: 1 })
  })

  it('refuses to move a group under itself or one of its descendants, changing nothing', async () => {
    const { group: top } = await create({ kind: 'thematic', name: 'Haut' })
    const { group: middle } = await create({ kind: 'thematic', name: 'Milieu', parent_id: top.id })
    const { group: bottom } = await create({ kind: 'thematic', name: 'Bas', parent_id: middle.id })
    const before = await treeSnapshot()
    for (const target of [top.id, middle.id, bottom.id]) {
      const { res } = await patch(top.id, { parent_id: target })
      const problem = await expectProblem(res, 400)
      expect(problem.errors?.[0]?.path).toBe('parent_id')
    }
    expect(await treeSnapshot()).toEqual(before)
  })

  it('refuses moves and kind changes that break the tree rules', async () => {
    const [federation, other] = await federations()
    const section = await sectionOf(federation?.id ?? '')
    const [thematic] = await groupsOfKind('thematic')
    const before = await treeSnapshot()
    const underThematic = await patch(section.id, { parent_id: thematic?.id })
    expect((await expectProblem(underThematic.res, 400)).errors?.[0]?.path).toBe('parent_id')
    const federationUnderFederation = await patch(federation?.id ?? '', { parent_id: other?.id })
    expect((await expectProblem(federationUnderFederation.res, 400)).errors?.[0]?.path).toBe('parent_id')
    const demoted = await patch(federation?.id ?? '', { kind: 'section' })
    const problem = await expectProblem(demoted.res, 400)
    expect(problem.errors?.[0]?.path).toBe('kind')
    expect(problem.detail).toContain('section subgroups')
    const { group: root } = await create({ kind: 'thematic', name: 'Prétendante' })
    const promoted = await patch(root.id, { kind: 'national' })
    expect((await expectProblem(promoted.res, 409)).errors?.[0]?.path).toBe('kind')
    expect((await treeSnapshot()).groups.filter((g) => g.id !== root.id)).toEqual(before.groups)
  })

  it('refuses a slug another group holds with 409, and a failed move with it writes nothing', async () => {
    const [from, to] = await federations()
    const section = await sectionOf(from?.id ?? '')
    const before = await treeSnapshot()
    const { res } = await patch(section.id, { parent_id: to?.id, slug: from?.slug, name: 'Renommée' })
    expect((await expectProblem(res, 409)).errors?.[0]?.path).toBe('slug')
    expect(await treeSnapshot()).toEqual(before)
  })

  it('answers 404 for an unknown group and 400 for an invalid body', async () => {
    await expectProblem((await patch('grp_0000000000000000000000000', { name: 'X' })).res, 404)
    const { id } = await national()
    await expectProblem((await patch(id, { name: '' })).res, 400)
    await expectProblem((await patch(id, { latitude: 45 })).res, 400)
    const malformed = await t.call('PATCH', `/v1/groups/${id}`, { ...sk(), body: '{"name": ' })
    await expectProblem(malformed, 400)
    const text = await t.call('PATCH', `/v1/groups/${id}`, {
      ...sk(),
      body: 'name',
      headers: { 'content-type': 'text/plain' },
    })
    await expectProblem(text, 415)
  })
})

describe('DELETE /v1/groups/{group_id}', () => {
  it('deletes a leaf group with its memberships and postcodes', async () => {
    const { group } = await create({
      kind: 'section',
      name: 'Éphémère',
      parent_id: (await national()).id,
      postcodes: ['33000'],
    })
    const [member] = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'active')
      .limit(1)
      .execute()
    const joined = await t.call('POST', `/v1/groups/${group.id}/members`, { ...sk(), body: { member_id: member?.id } })
    expect(joined.status).toBe(201)
    const res = await t.call('DELETE', `/v1/groups/${group.id}`, sk())
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    await expectProblem(await t.call('GET', `/v1/groups/${group.id}`), 404)
    for (const table of ['memberships', 'group_postcodes'] as const) {
      const left = await t.database.db
        .selectFrom(table)
        .select('group_id')
        .where('organization_id', '=', t.demo.organizationId)
        .where('group_id', '=', group.id)
        .execute()
      expect(left).toEqual([])
    }
    await expectProblem(await t.call('DELETE', `/v1/groups/${group.id}`, sk()), 404)
  })

  it('refuses a group that still has subgroups, saying so', async () => {
    const [federation] = await federations()
    const before = await treeSnapshot()
    const problem = await expectProblem(await t.call('DELETE', `/v1/groups/${federation?.id}`, sk()), 409)
    expect(problem.detail).toContain('subgroup')
    expect(await treeSnapshot()).toEqual(before)
  })

  it('refuses a group that still has initiatives, saying so', async () => {
    const leafWithInitiatives = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', 'in', (qb) =>
        qb.selectFrom('initiatives').select('group_id').where('organization_id', '=', t.demo.organizationId),
      )
      .where('id', 'not in', (qb) =>
        qb
          .selectFrom('groups')
          .select('parent_id')
          .where('organization_id', '=', t.demo.organizationId)
          .where('parent_id', 'is not', null),
      )
      .executeTakeFirstOrThrow()
    const problem = await expectProblem(await t.call('DELETE', `/v1/groups/${leafWithInitiatives.id}`, sk()), 409)
    expect(problem.detail).toContain('initiative')
    expect((await t.call('GET', `/v1/groups/${leafWithInitiatives.id}`, sk())).status).toBe(200)
  })
})
