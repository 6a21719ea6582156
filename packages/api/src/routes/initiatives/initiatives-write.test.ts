import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { createKey } from '../../domain/keys/keys.js'

interface Item {
  id: string
  group: { id: string; name: string }
  title: string
  status: string
  starts_at: string
  ends_at: string
  timezone: string
  tags: string[]
  capacity: number | null
  spots_left: number | null
  rsvp_count: number
  waitlist_count: number
  published_at: string | null
  location: {
    name: string | null
    postcode: string | null
    commune: string | null
    latitude: number | null
    longitude: number | null
    address: string | null
  } | null
}
interface Problem {
  status: number
  errors?: { path: string; message: string }[]
}

let t: TestContext
let sectionId: string
beforeAll(async () => {
  t = await openTestApp()
  const section = await t.database.db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', t.demo.organizationId)
    .where('kind', '=', 'section')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  sectionId = section.id
})
afterAll(() => t.close())

const day = 86_400_000
const at = (days: number, hours = 0) => new Date(t.now.getTime() + days * day + hours * 3_600_000).toISOString()

function body(overrides: Record<string, unknown> = {}) {
  return {
    group_id: sectionId,
    kind: 'meeting',
    title: 'Réunion publique : le logement',
    summary: 'On en parle ensemble.',
    starts_at: at(30),
    ends_at: at(30, 2),
    location: { name: 'Salle des fêtes', address: '1 place de la Mairie', postcode: '75011' },
    capacity: 30,
    tags: ['Logement', ' logement ', 'Quartier'],
    ...overrides,
  }
}

const create = (overrides: Record<string, unknown> = {}, key = t.demo.secretKey) =>
  t.call('POST', '/v1/initiatives', { key, body: body(overrides) })

async function created(overrides: Record<string, unknown> = {}): Promise<Item> {
  const res = await create(overrides)
  expect(res.status).toBe(201)
  return (await res.json()) as Item
}

async function countInitiatives() {
  const row = await t.database.db
    .selectFrom('initiatives')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('POST /v1/initiatives', () => {
  it('creates a draft, located from its postcode, with normalized tags and a Location', async () => {
    const res = await create()
    expect(res.status).toBe(201)
    const initiative = (await res.json()) as Item
    expect(res.headers.get('location')).toBe(`http://relais.test/v1/initiatives/${initiative.id}`)
    expect(res.headers.get('etag')).toMatch(/^".+"$/)
    expect(initiative).toMatchObject({ status: 'draft', published_at: null, timezone: 'Europe/Paris', spots_left: 30 })
    expect(initiative.tags).toEqual(['logement', 'quartier'])
    expect(initiative.location).toMatchObject({
      postcode: '75011',
      commune: 'Paris 11e Arrondissement',
      latitude: 48.858,
    })
    expect((await t.call('GET', `/v1/initiatives/${initiative.id}`)).status).toBe(404)
    const row = await t.database.db
      .selectFrom('initiatives')
      .select(['search_text', 'organization_id'])
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(row.organization_id).toBe(t.demo.organizationId)
    expect(row.search_text).toContain('reunion publique')
  })

  it('publishes at once when asked, and announces it in the activity feed', async () => {
    const initiative = await created({ publish: true, title: 'Tractage au marché', kind: 'leafleting' })
    expect(initiative.status).toBe('published')
    expect(initiative.published_at).not.toBeNull()
    expect((await t.call('GET', `/v1/initiatives/${initiative.id}`)).status).toBe(200)
    const activity = await t.database.db
      .selectFrom('activity')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('kind', '=', 'initiative_published')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(activity.group_id).toBe(sectionId)
    expect(activity.group_path).toContain(sectionId)
    expect(activity.payload).toMatchObject({
      initiative_id: initiative.id,
      title: 'Tractage au marché',
      kind: 'leafleting',
      commune: 'Paris 11e Arrondissement',
    })
  })

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const before = await countInitiatives()
    const cases: [Record<string, unknown>, string][] = [
      [{ ends_at: at(29) }, 'ends_at'],
      [{ ends_at: at(30) }, 'ends_at'],
      [{ ends_at: at(38) }, 'ends_at'],
      [{ starts_at: 'demain' }, 'starts_at'],
      [{ timezone: 'Europe/Atlantis' }, 'timezone'],
      [{ timezone: '+01:00' }, 'timezone'],
      [{ capacity: 1e12 }, 'capacity'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ location: { postcode: '7501' } }, 'location.postcode'],
      [{ location: { postcode: '00000' } }, 'location.postcode'],
      [{ location: { latitude: 48.8 } }, 'location.longitude'],
      [{ group_id: 'grp_0000000000000000000000000' }, 'group_id'],
      [{ kind: 'picnic' }, 'kind'],
      [{ kind: 'online', location: null }, 'online_url'],
      [{ online_url: 'javascript:alert(1)' }, 'online_url'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'Ligne\nEND:VCALENDAR' }, 'title'],
      [{ summary: 'x'.repeat(501) }, 'summary'],
      [{ description: 'x'.repeat(10_001) }, 'description'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      [{ tags: ['x'.repeat(41)] }, 'tags.0'],
      [{ tags: ['a,b'] }, 'tags.0'],
      [{ colour: 'red' }, ''],
    ]
    for (const [overrides, path] of cases) {
      const res = await create(overrides)
      expect(res.status, JSON.stringify(overrides)).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const problem = (await res.json()) as Problem
      expect(problem.errors?.[0]?.path, JSON.stringify(overrides)).toBe(path || '(body)')
    }
    expect(await countInitiatives()).toBe(before)
  })

  it('answers far-off dates without a server error', async () => {
    for (const [starts_at, ends_at] of [
      ['0001-01-01T00:00:00+14:00', '0001-01-01T02:00:00+14:00'],
      ['9999-12-31T20:00:00Z', '9999-12-31T22:00:00.123456789Z'],
    ]) {
      const res = await create({ starts_at, ends_at })
      expect([201, 400], starts_at).toContain(res.status)
    }
  })

  it('accepts another time zone in its canonical spelling, and online initiatives without a place', async () => {
    const initiative = await created({
      kind: 'online',
      location: null,
      online_url: 'https://visio.example.org/salle',
      timezone: 'america/martinique',
    })
    expect(initiative.timezone).toBe('America/Martinique')
    expect(initiative.location).toBeNull()
  })

  it('needs a secret key with initiatives:write', async () => {
    const readOnly = await createKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'read only',
      scopes: ['initiatives:read'],
    })
    expect((await create({}, t.demo.publishableKey)).status).toBe(403)
    expect((await create({}, readOnly.token)).status).toBe(403)
    expect((await t.call('POST', '/v1/initiatives', { key: null, body: body() })).status).toBe(401)
  })

  it('creates only in groups of the same organization', async () => {
    const theirs = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const res = await create({ group_id: theirs.id })
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('group_id')
  })
})

describe('PATCH /v1/initiatives/{initiative_id}', () => {
  async function sequenceOf(id: string) {
    const row = await t.database.db
      .selectFrom('initiatives')
      .select('sequence')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return row.sequence
  }

  it('changes the fields given, and bumps the sequence only for a new time or place', async () => {
    const initiative = await created()
    const renamed = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      body: { title: 'Réunion publique : les loyers', tags: ['Loyers'] },
    })
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ title: 'Réunion publique : les loyers', tags: ['loyers'] })
    expect(await sequenceOf(initiative.id)).toBe(0)
    const moved = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      body: { starts_at: at(31), ends_at: at(31, 2) },
    })
    expect(moved.status).toBe(200)
    expect(await sequenceOf(initiative.id)).toBe(1)
    const relocated = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      body: { location: { name: 'Gymnase', postcode: '69003' } },
    })
    expect(await relocated.json()).toMatchObject({ location: { postcode: '69003', commune: 'Lyon 3e Arrondissement' } })
    expect(await sequenceOf(initiative.id)).toBe(2)
    const row = await t.database.db
      .selectFrom('initiatives')
      .selectAll()
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(row.search_text).toContain('lyon 3e')
    expect(row.search_text).toContain('loyers')
    expect(row.public_latitude).toBe(45.761)
  })

  it('checks the new schedule against the stored one', async () => {
    const initiative = await created()
    const res = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      body: { starts_at: at(30, 3) },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('ends_at')
    const row = await t.database.db
      .selectFrom('initiatives')
      .select('starts_at')
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(row.starts_at.toISOString()).toBe(initiative.starts_at)
  })

  it('honours If-Match: 412 once somebody else edited, not when people only registered', async () => {
    const initiative = await created({ publish: true })
    const read = await t.call('GET', `/v1/initiatives/${initiative.id}`, { key: t.demo.secretKey })
    const etag = read.headers.get('etag') ?? ''
    await t.database.db.updateTable('initiatives').set({ going_count: 3 }).where('id', '=', initiative.id).execute()
    const afterRsvps = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      headers: { 'if-match': etag },
      body: { summary: 'Première modification' },
    })
    expect(afterRsvps.status).toBe(200)
    const stale = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      headers: { 'if-match': etag },
      body: { summary: 'Seconde modification' },
    })
    expect(stale.status).toBe(412)
    const fresh = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      headers: { 'if-match': afterRsvps.headers.get('etag') ?? '' },
      body: { summary: 'Seconde modification' },
    })
    expect(fresh.status).toBe(200)
  })

  it('refuses a capacity below the people going', async () => {
    const initiative = await created({ publish: true })
    await t.database.db.updateTable('initiatives').set({ going_count: 12 }).where('id', '=', initiative.id).execute()
    const res = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      body: { capacity: 10 },
    })
    expect(res.status).toBe(409)
    expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('capacity')
    const row = await t.database.db
      .selectFrom('initiatives')
      .select('capacity')
      .where('id', '=', initiative.id)
      .executeTakeFirstOrThrow()
    expect(row.capacity).toBe(30)
  })

  it("answers 404 for another organization's initiative", async () => {
    const theirs = await t.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const res = await t.call('PATCH', `/v1/initiatives/${theirs.id}`, {
      key: t.demo.secretKey,
      body: { title: 'Piraté' },
    })
    expect(res.status).toBe(404)
    for (const action of ['publish', 'cancel']) {
      expect((await t.call('POST', `/v1/initiatives/${theirs.id}/${action}`, { key: t.demo.secretKey })).status).toBe(
        404,
      )
    }
    const row = await t.database.db
      .selectFrom('initiatives')
      .select(['title', 'status'])
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow()
    expect(row.title).not.toBe('Piraté')
    expect(row.status).toBe('published')
  })
})

describe('publishing and cancelling', () => {
  it('publishes a draft once, then cancels it once, bumping the sequence and telling the feed', async () => {
    const draft = await created()
    const publish = () => t.call('POST', `/v1/initiatives/${draft.id}/publish`, { key: t.demo.secretKey })
    const cancel = () => t.call('POST', `/v1/initiatives/${draft.id}/cancel`, { key: t.demo.secretKey })
    const published = await publish()
    expect(published.status).toBe(200)
    expect(await published.json()).toMatchObject({ status: 'published', published_at: expect.any(String) })
    expect((await publish()).status).toBe(409)
    const cancelled = await cancel()
    expect(cancelled.status).toBe(200)
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(String) })
    expect((await cancel()).status).toBe(409)
    expect((await publish()).status).toBe(409)
    const row = await t.database.db
      .selectFrom('initiatives')
      .select('sequence')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow()
    expect(row.sequence).toBe(1)
    const kinds = await t.database.db
      .selectFrom('activity')
      .select('kind')
      .where('organization_id', '=', t.demo.organizationId)
      .where(({ eb, ref }) => eb(ref('payload', '->>').key('initiative_id' as never), '=', draft.id))
      .orderBy('occurred_at')
      .execute()
    expect(kinds.map((k) => k.kind)).toEqual(['initiative_published', 'initiative_cancelled'])
    const shown = await t.call('GET', `/v1/initiatives/${draft.id}`)
    expect(await shown.json()).toMatchObject({ status: 'cancelled' })
    const edit = await t.call('PATCH', `/v1/initiatives/${draft.id}`, {
      key: t.demo.secretKey,
      body: { title: 'Encore' },
    })
    expect(edit.status).toBe(409)
  })

  it('keeps a cancelled draft from the public', async () => {
    const draft = await created()
    expect((await t.call('POST', `/v1/initiatives/${draft.id}/cancel`, { key: t.demo.secretKey })).status).toBe(200)
    expect((await t.call('GET', `/v1/initiatives/${draft.id}`)).status).toBe(404)
  })

  it('needs initiatives:write', async () => {
    const draft = await created()
    const res = await t.call('POST', `/v1/initiatives/${draft.id}/publish`)
    expect(res.status).toBe(403)
  })
})

describe('paging while initiatives are created', () => {
  interface Listed {
    id: string
    starts_at: string
  }
  const page = async (cursor?: string) => {
    const res = await t.call('GET', `/v1/initiatives?limit=40${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    return (await res.json()) as { data: Listed[]; next_cursor: string | null }
  }
  const sortsAfter = (a: Listed, b: Listed) => a.starts_at > b.starts_at || (a.starts_at === b.starts_at && a.id > b.id)
  const publishAt = async (startsAt: string) => {
    const initiative = await created({
      publish: true,
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    })
    return initiative.id
  }

  it('neither repeats nor skips what sorts after the cursor, and leaves out what was added before it', async () => {
    const first = await page()
    const last = first.data.at(-1) as Listed
    const earliest = first.data[0] as Listed
    const before = await publishAt(earliest.starts_at)
    const tie = await publishAt(last.starts_at)
    const after = await publishAt(new Date(Date.parse(last.starts_at) + 60_000).toISOString())
    const seen = [...first.data]
    let cursor = first.next_cursor
    let inserted: string | undefined
    while (cursor) {
      const next = await page(cursor)
      seen.push(...next.data)
      cursor = next.next_cursor
      // Once more between later pages, just past the last row shown.
      const shown = next.data.at(-1)
      if (!inserted && shown && cursor) {
        inserted = await publishAt(new Date(Date.parse(shown.starts_at) + 1).toISOString())
      }
    }
    const ids = seen.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 1; i < seen.length; i++) expect(sortsAfter(seen[i] as Listed, seen[i - 1] as Listed)).toBe(true)
    expect(ids).not.toContain(before)
    expect(ids).toEqual(expect.arrayContaining([tie, after, inserted]))
    const everything: Listed[] = []
    let all: string | null | undefined
    do {
      const next = await page(all ?? undefined)
      everything.push(...next.data)
      all = next.next_cursor
    } while (all)
    const expected = everything.filter((i) => sortsAfter(i, last)).map((i) => i.id)
    expect(ids.slice(first.data.length)).toEqual(expected)
  })
})
