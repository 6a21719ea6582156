import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

async function allPages(path: string, key?: string) {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const separator = path.includes('?') ? '&' : '?'
    const res = await t.call('GET', `${path}${cursor ? `${separator}cursor=${cursor}` : ''}`, key ? { key } : {})
    expect(res.status).toBe(200)
    const page = (await res.json()) as { data: { id: string }[]; next_cursor: string | null }
    ids.push(...page.data.map((g) => g.id))
    cursor = page.next_cursor
  } while (cursor)
  return ids
}

describe('GET /v1/groups', () => {
  it('pages through every public group once, in name order', async () => {
    const ids = await allPages('/v1/groups?limit=7')
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThan(40)
  })

  it('hides private groups from publishable keys but not from secret keys', async () => {
    const publicIds = await allPages('/v1/groups?limit=100')
    const allIds = await allPages('/v1/groups?limit=100', t.demo.secretKey)
    expect(allIds.length).toBe(publicIds.length + 1)
  })

  it('filters by kind and parent', async () => {
    const res = await t.call('GET', '/v1/groups?kind=federation&limit=100')
    const federations = (await res.json()) as { data: { id: string; kind: string }[] }
    expect(federations.data.length).toBeGreaterThanOrEqual(10)
    expect(federations.data.every((g) => g.kind === 'federation')).toBe(true)
    const parent = federations.data[0]?.id
    const children = (await (await t.call('GET', `/v1/groups?parent=${parent}`)).json()) as {
      data: { parent_id: string; kind: string }[]
    }
    expect(children.data.length).toBeGreaterThan(0)
    expect(children.data.every((g) => g.parent_id === parent && g.kind === 'section')).toBe(true)
  })

  it('finds the section covering a postcode first, then nearby groups by distance', async () => {
    const res = await t.call('GET', '/v1/groups?near=75011&radius_km=10')
    const page = (await res.json()) as { data: { name: string; postcodes: string[]; distance_km: number }[] }
    expect(page.data[0]?.postcodes).toContain('75011')
    expect(page.data[0]?.distance_km).toBe(0)
    const distances = page.data.map((g) => g.distance_km)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    expect(distances.every((d) => d <= 10)).toBe(true)
  })

  it('searches names without minding accents or case', async () => {
    const page = (await (await t.call('GET', '/v1/groups?q=ECOLOGIE')).json()) as { data: { name: string }[] }
    expect(page.data.map((g) => g.name)).toContain('Écologie')
  })

  it('refuses a limit out of range with a problem naming the field', async () => {
    const res = await t.call('GET', '/v1/groups?limit=500')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = (await res.json()) as { errors: { path: string }[] }
    expect(body.errors[0]?.path).toBe('query.limit')
  })

  it('refuses a forged cursor', async () => {
    const res = await t.call('GET', '/v1/groups?cursor=bm90LWEtY3Vyc29y')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('cursor')
  })
})

describe('GET /v1/groups/{group_id}', () => {
  it('shows a group with the counts of its subtree', async () => {
    const list = (await (await t.call('GET', '/v1/groups?kind=national')).json()) as { data: { id: string }[] }
    const res = await t.call('GET', `/v1/groups/${list.data[0]?.id}`)
    expect(res.status).toBe(200)
    const group = (await res.json()) as { counts: { members: number; subgroups: number; upcoming_initiatives: number } }
    expect(group.counts.members).toBeGreaterThan(1500)
    expect(group.counts.subgroups).toBeGreaterThan(40)
    expect(group.counts.upcoming_initiatives).toBeGreaterThanOrEqual(300)
  })

  it("answers 404 for another organization's group, as for an unknown one", async () => {
    const theirs = (await (await t.call('GET', '/v1/groups', { key: t.other.publishableKey })).json()) as {
      data: { id: string }[]
    }
    const foreign = await t.call('GET', `/v1/groups/${theirs.data[0]?.id}`)
    const unknown = await t.call('GET', '/v1/groups/grp_0000000000000000000000000')
    expect(foreign.status).toBe(404)
    expect(unknown.status).toBe(404)
    expect(foreign.headers.get('content-type')).toBe('application/problem+json')
  })

  it('refuses an id of the wrong kind', async () => {
    const res = await t.call('GET', '/v1/groups/ini_123')
    expect(res.status).toBe(400)
  })
})

describe('paging past long names', () => {
  it('gives out cursors it accepts back, even after names of 200 characters JSON must escape', async () => {
    const create = (body: Record<string, unknown>) =>
      t.call('POST', '/v1/groups', { key: t.demo.secretKey, body: { kind: 'thematic', ...body } })
    const parent = (await (await create({ name: 'Noms longs' })).json()) as { id: string }
    for (const name of ['\u0001'.repeat(199), '中'.repeat(200), 'z'.repeat(200)]) {
      expect((await create({ name, parent_id: parent.id })).status).toBe(201)
    }
    const ids = await allPages(`/v1/groups?parent=${parent.id}&limit=1`, t.demo.secretKey)
    expect(ids).toHaveLength(3)
  })
})
