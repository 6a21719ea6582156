import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { distanceKm, findPlace } from '../../domain/places/index.js'

interface Item {
  id: string
  group: { id: string; name: string }
  kind: string
  title: string
  starts_at: string
  ends_at: string
  status: string
  tags: string[]
  location: {
    postcode: string | null
    commune: string | null
    latitude: number | null
    longitude: number | null
    address: string | null
    hide_address: boolean
  } | null
  distance_km?: number
  spots_left: number | null
  capacity: number | null
  rsvp_count: number
  calendar_url: string
}

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

async function allPages(path: string, key?: string): Promise<Item[]> {
  const items: Item[] = []
  let cursor: string | null = null
  do {
    const separator = path.includes('?') ? '&' : '?'
    const res = await t.call('GET', `${path}${cursor ? `${separator}cursor=${cursor}` : ''}`, key ? { key } : {})
    expect(res.status).toBe(200)
    const page = (await res.json()) as { data: Item[]; next_cursor: string | null }
    items.push(...page.data)
    cursor = page.next_cursor
  } while (cursor)
  return items
}

function expectStartOrder(items: Item[]) {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]]
    if (!a || !b) continue
    expect(a.starts_at < b.starts_at || (a.starts_at === b.starts_at && a.id < b.id)).toBe(true)
  }
}

const db = () => t.database.db

async function publicUpcomingIds(organizationId: string) {
  const rows = await db()
    .selectFrom('initiatives')
    .innerJoin('groups', (j) =>
      j
        .onRef('groups.organization_id', '=', 'initiatives.organization_id')
        .onRef('groups.id', '=', 'initiatives.group_id'),
    )
    .select('initiatives.id')
    .where('initiatives.organization_id', '=', organizationId)
    .where('initiatives.status', '=', 'published')
    .where('groups.visibility', '=', 'public')
    .where('initiatives.ends_at', '>=', new Date())
    .execute()
  return rows.map((r) => r.id)
}

describe('GET /v1/initiatives', () => {
  it('pages through every upcoming published initiative once, by start then id', async () => {
    const items = await allPages('/v1/initiatives?limit=37')
    expect(items.length).toBeGreaterThanOrEqual(300)
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length)
    expectStartOrder(items)
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(await publicUpcomingIds(t.demo.organizationId)))
    expect(items.every((i) => i.status === 'published' && i.ends_at >= t.now.toISOString())).toBe(true)
  })

  it('shows the counts and the calendar link of each initiative', async () => {
    const page = (await (await t.call('GET', '/v1/initiatives?limit=100')).json()) as { data: Item[] }
    const limited = page.data.find((i) => i.capacity !== null && i.rsvp_count > 0)
    expect(limited?.spots_left).toBe(Math.max(0, (limited?.capacity ?? 0) - (limited?.rsvp_count ?? 0)))
    expect(page.data.filter((i) => i.capacity === null).every((i) => i.spots_left === null)).toBe(true)
    expect(page.data[0]?.calendar_url).toBe(`http://relais.test/v1/initiatives/${page.data[0]?.id}/calendar.ics`)
  })

  it('hides the exact address kept for participants from the public, not from secret keys', async () => {
    const hidden = await db()
      .selectFrom('initiatives')
      .select(['id', 'address', 'starts_at'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('hide_address', '=', true)
      .where('status', '=', 'published')
      .where('ends_at', '>=', new Date())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow()
    const shown = (await (await t.call('GET', `/v1/initiatives/${hidden.id}`)).json()) as Item
    expect(shown.location?.hide_address).toBe(true)
    expect(shown.location?.address).toBeNull()
    const secret = (await (
      await t.call('GET', `/v1/initiatives/${hidden.id}`, { key: t.demo.secretKey })
    ).json()) as Item
    expect(secret.location?.address).toBe(hidden.address)
  })

  it('filters on a group with its subgroups, or on the group alone', async () => {
    const federations = await db()
      .selectFrom('groups')
      .select(['id', 'path'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('kind', '=', 'federation')
      .execute()
    let checked = 0
    for (const federation of federations) {
      const subtree = await db()
        .selectFrom('groups')
        .select('id')
        .where('organization_id', '=', t.demo.organizationId)
        .where('path', 'like', `${federation.path}%`)
        .execute()
      const withSubgroups = await allPages(`/v1/initiatives?group=${federation.id}&limit=100`)
      const alone = await allPages(`/v1/initiatives?group=${federation.id}&include_subgroups=false&limit=100`)
      const subtreeIds = new Set(subtree.map((g) => g.id))
      expect(withSubgroups.every((i) => subtreeIds.has(i.group.id))).toBe(true)
      expect(alone.every((i) => i.group.id === federation.id)).toBe(true)
      expect(withSubgroups.filter((i) => i.group.id === federation.id).map((i) => i.id)).toEqual(alone.map((i) => i.id))
      if (withSubgroups.length > alone.length && alone.length > 0) checked++
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('answers 404 on the group for an unknown, foreign or private group', async () => {
    const theirs = await db()
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const secret = await db()
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow()
    for (const group of ['grp_0000000000000000000000000', theirs.id, secret.id]) {
      const res = await t.call('GET', `/v1/initiatives?group=${group}`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('group')
    }
    expect((await t.call('GET', `/v1/initiatives?group=${secret.id}`, { key: t.demo.secretKey })).status).toBe(200)
  })

  it('filters on one kind or several, repeated or comma-separated', async () => {
    const rallies = await allPages('/v1/initiatives?kind=rally&limit=100')
    expect(rallies.length).toBeGreaterThan(0)
    expect(rallies.every((i) => i.kind === 'rally')).toBe(true)
    const repeated = await allPages('/v1/initiatives?kind=rally&kind=online&limit=100')
    const listed = await allPages('/v1/initiatives?kind=rally,online&limit=100')
    expect(repeated.map((i) => i.id)).toEqual(listed.map((i) => i.id))
    expect(new Set(listed.map((i) => i.kind))).toEqual(new Set(['rally', 'online']))
    const bad = await t.call('GET', '/v1/initiatives?kind=rally,picnic')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toMatch(/^query\.kind/)
  })

  it('filters on a tag, whatever its case', async () => {
    const tagged = await allPages('/v1/initiatives?tag=LOGEMENT&limit=100')
    expect(tagged.length).toBeGreaterThan(0)
    expect(tagged.every((i) => i.tags.includes('logement'))).toBe(true)
    const all = await allPages('/v1/initiatives?limit=100')
    expect(tagged.length).toBe(all.filter((i) => i.tags.includes('logement')).length)
  })

  it('filters on a period: not over at `from`, started by `to`', async () => {
    const from = new Date(t.now.getTime() + 10 * 86_400_000).toISOString()
    const to = new Date(t.now.getTime() + 20 * 86_400_000).toISOString()
    const window = await allPages(`/v1/initiatives?from=${from}&to=${to}&limit=100`)
    expect(window.length).toBeGreaterThan(0)
    expect(window.every((i) => i.ends_at >= from && i.starts_at <= to)).toBe(true)
    const all = await allPages('/v1/initiatives?limit=100')
    expect(window.length).toBe(all.filter((i) => i.ends_at >= from && i.starts_at <= to).length)
    const past = await allPages(
      `/v1/initiatives?from=${new Date(t.now.getTime() - 90 * 86_400_000).toISOString()}&limit=100`,
    )
    expect(past.length).toBeGreaterThan(all.length)
    const reversed = await t.call('GET', `/v1/initiatives?from=${to}&to=${from}`)
    expect(reversed.status).toBe(400)
    expect(((await reversed.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('query.to')
    const notRfc = await t.call('GET', '/v1/initiatives?from=demain')
    expect(((await notRfc.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('query.from')
  })

  it('searches titles, places and tags without minding accents or case', async () => {
    const found = await allPages('/v1/initiatives?q=PORTE-A-PORTE&limit=100')
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((i) => i.kind === 'canvassing' || /porte/i.test(i.title))).toBe(true)
    const ecology = await allPages('/v1/initiatives?q=ecologie&limit=100')
    expect(ecology.length).toBeGreaterThanOrEqual((await allPages('/v1/initiatives?tag=écologie&limit=100')).length)
    const wildcard = await t.call('GET', '/v1/initiatives?q=%25')
    expect(((await wildcard.json()) as { data: Item[] }).data).toEqual([])
  })

  it('finds initiatives within a radius of a postcode, and nothing from Lyon near Paris', async () => {
    const center = findPlace('75011')
    if (!center) throw new Error('75011 is in the postcode table')
    const near = await allPages('/v1/initiatives?near=75011&radius_km=15&limit=13')
    expect(near.length).toBeGreaterThan(0)
    expectStartOrder(near)
    expect(new Set(near.map((i) => i.id)).size).toBe(near.length)
    for (const initiative of near) {
      const location = initiative.location
      expect(initiative.kind).not.toBe('online')
      const d = distanceKm(center, { latitude: location?.latitude ?? 0, longitude: location?.longitude ?? 0 })
      expect(d).toBeLessThanOrEqual(15)
      expect(initiative.distance_km).toBe(Math.round(d * 10) / 10)
      expect(location?.postcode?.startsWith('69')).toBe(false)
      expect(location?.commune ?? '').not.toMatch(/lyon/i)
    }
    const all = await allPages('/v1/initiatives?limit=100')
    const expected = all.filter(
      (i) =>
        i.kind !== 'online' &&
        i.location?.latitude != null &&
        distanceKm(center, { latitude: i.location.latitude, longitude: i.location.longitude ?? 0 }) <= 15,
    )
    expect(near.map((i) => i.id)).toEqual(expected.map((i) => i.id))
    expect(all.some((i) => i.location?.postcode?.startsWith('69'))).toBe(true)
  })

  it('refuses an unknown postcode or a radius out of range', async () => {
    const unknown = await t.call('GET', '/v1/initiatives?near=00000')
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('near')
    const far = await t.call('GET', '/v1/initiatives?near=75011&radius_km=500')
    expect(((await far.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('query.radius_km')
  })

  it('never shows drafts to publishable keys; secret keys with the scope may ask for them', async () => {
    const draft = await db()
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow()
    const shown = await allPages('/v1/initiatives?limit=100&from=2000-01-01T00:00:00Z')
    expect(shown.some((i) => i.id === draft.id)).toBe(false)
    expect(shown.every((i) => i.status === 'published')).toBe(true)
    expect((await t.call('GET', `/v1/initiatives/${draft.id}`)).status).toBe(404)
    const asked = await t.call('GET', '/v1/initiatives?status=draft')
    expect(asked.status).toBe(403)
    expect(((await asked.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('status')
    expect((await t.call('GET', `/v1/initiatives/${draft.id}`, { key: t.demo.secretKey })).status).toBe(200)
    const drafts = await allPages('/v1/initiatives?status=draft&from=2000-01-01T00:00:00Z&limit=100', t.demo.secretKey)
    expect(drafts.map((i) => i.id)).toContain(draft.id)
    expect(drafts.every((i) => i.status === 'draft')).toBe(true)
  })

  it('answers odd but well-formed dates and cursors without a server error', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-02-30T10:00:00.000000Z', 'ini_x'])).toString('base64url')
    const paths = [
      '/v1/initiatives?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&limit=1',
      '/v1/initiatives?from=2026-01-01T00:00:00.123456789%2B14:00',
      `/v1/initiatives?cursor=${forged}`,
      '/v1/initiatives?radius_km=1e400&near=75011',
      '/v1/initiatives?limit=1e3',
      '/v1/initiatives?q=%00',
    ]
    for (const path of paths) {
      const res = await t.call('GET', path)
      expect([200, 400], path).toContain(res.status)
    }
  })

  it('refuses a forged cursor', async () => {
    const res = await t.call('GET', '/v1/initiatives?cursor=WyIyMDI2IiwiaW5pX3giXQ')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('cursor')
  })

  it("keeps each organization's initiatives to itself", async () => {
    const theirs = await allPages('/v1/initiatives?limit=100', t.other.publishableKey)
    expect(theirs.length).toBeGreaterThan(0)
    expect(new Set(theirs.map((i) => i.id))).toEqual(new Set(await publicUpcomingIds(t.other.organizationId)))
    const foreign = theirs[0]?.id
    expect((await t.call('GET', `/v1/initiatives/${foreign}`)).status).toBe(404)
    expect((await t.call('GET', `/v1/initiatives/${foreign}`, { key: t.demo.secretKey })).status).toBe(404)
  })
})

describe('GET /v1/initiatives/{initiative_id}', () => {
  it('answers one initiative with an ETag, and 304 while it has not changed', async () => {
    const [first] = await allPages('/v1/initiatives?limit=100')
    const res = await t.call('GET', `/v1/initiatives/${first?.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=1, stale-while-revalidate=10, stale-if-error=600')
    const etag = res.headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+"$/)
    expect(((await res.json()) as Item).id).toBe(first?.id)
    const again = await t.call('GET', `/v1/initiatives/${first?.id}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(res.headers.get('cache-control'))
  })

  it('refuses an id of the wrong kind, and answers 404 for an unknown one', async () => {
    expect((await t.call('GET', '/v1/initiatives/grp_123')).status).toBe(400)
    expect((await t.call('GET', '/v1/initiatives/ini_0000000000000000000000000')).status).toBe(404)
  })
})
