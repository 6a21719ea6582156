import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { hasControlCharacters } from '../../domain/initiatives/plain-text.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface Component {
  name: string
  properties: { name: string; params: string; value: string }[]
  children: Component[]
}

/**
 * A strict reading of RFC 5545's content lines: CRLF everywhere (the last line too), lines of at most
 * 75 octets folded with a leading space, `NAME[;params]:value` properties, balanced BEGIN/END.
 */
function parseCalendar(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const physical = text.slice(0, -2).split('\r\n')
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  const logical: string[] = []
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1)
    else logical.push(line)
  }
  const root: Component = { name: '', properties: [], children: [] }
  const stack = [root]
  for (const line of logical) {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[A-Z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line)
    expect(match, line).not.toBeNull()
    const [, name = '', params = '', value = ''] = match ?? []
    expect(hasControlCharacters(value.replace(/\t/g, ''))).toBe(false)
    const current = stack.at(-1) as Component
    if (name === 'BEGIN') {
      const child: Component = { name: value, properties: [], children: [] }
      current.children.push(child)
      stack.push(child)
    } else if (name === 'END') {
      expect(current.name).toBe(value)
      stack.pop()
    } else {
      current.properties.push({ name, params, value })
    }
  }
  expect(stack).toEqual([root])
  expect(root.children.map((c) => c.name)).toEqual(['VCALENDAR'])
  const calendar = root.children[0] as Component
  expect(one(calendar, 'VERSION')).toBe('2.0')
  expect(one(calendar, 'PRODID')).toMatch(/^-\/\/Relais\/\//)
  for (const event of calendar.children) {
    expect(event.name).toBe('VEVENT')
    for (const name of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'SEQUENCE', 'STATUS', 'URL']) one(event, name)
    for (const name of ['DTSTAMP', 'DTSTART', 'DTEND']) expect(one(event, name)).toMatch(/^\d{8}T\d{6}Z$/)
  }
  return calendar
}

function one(component: Component, name: string): string {
  const found = component.properties.filter((p) => p.name === name)
  expect(found.length, `${component.name} ${name}`).toBe(1)
  return found[0]?.value ?? ''
}

const icsDate = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')

async function fetchCalendar(path: string, key: string | null = t.demo.publishableKey) {
  const res = await t.call('GET', path, { key })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  return { res, calendar: parseCalendar(await res.text()) }
}

async function groupWithMostUpcoming() {
  const row = await t.database.db
    .selectFrom('initiatives')
    .innerJoin('groups', 'groups.id', 'initiatives.group_id')
    .select(['groups.id', 'groups.path', (eb) => eb.fn.countAll<number>().as('n')])
    .where('initiatives.organization_id', '=', t.demo.organizationId)
    .where('groups.kind', '=', 'federation')
    .where('initiatives.status', '=', 'published')
    .groupBy(['groups.id', 'groups.path'])
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow()
  return row
}

async function newInitiative(key = t.demo.secretKey) {
  const group = await groupWithMostUpcoming()
  const starts = new Date(t.now.getTime() + 12 * 86_400_000)
  const res = await t.call('POST', '/v1/initiatives', {
    key,
    body: {
      group_id: group.id,
      kind: 'canvassing',
      title:
        'Porte-à-porte ; quartier, avec des « guillemets » et un titre assez long pour être replié sur deux lignes',
      summary: 'Rendez-vous devant le métro.',
      description: 'Première ligne\nDeuxième ligne, avec une virgule; et un point-virgule\\ et une barre.',
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
      location: { name: 'Chez Marie', address: '12 rue Secrète', postcode: '75011', hide_address: true },
      tags: ['logement'],
      publish: true,
    },
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; starts_at: string; ends_at: string }
}

describe('GET /v1/initiatives/{initiative_id}/calendar.ics', () => {
  it('is one valid event with a stable UID, UTC times and no hidden address', async () => {
    const initiative = await newInitiative()
    const { res, calendar } = await fetchCalendar(`/v1/initiatives/${initiative.id}/calendar.ics`)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect(calendar.children).toHaveLength(1)
    const event = calendar.children[0] as Component
    expect(one(event, 'UID')).toBe(`${initiative.id}@relais`)
    expect(one(event, 'DTSTART')).toBe(icsDate(initiative.starts_at))
    expect(one(event, 'DTEND')).toBe(icsDate(initiative.ends_at))
    expect(one(event, 'SEQUENCE')).toBe('0')
    expect(one(event, 'STATUS')).toBe('CONFIRMED')
    expect(one(event, 'SUMMARY')).toContain('Porte-à-porte \\; quartier\\, avec')
    expect(one(event, 'DESCRIPTION')).toContain(
      'Première ligne\\nDeuxième ligne\\, avec une virgule\\; et un point-virgule\\\\ et',
    )
    expect(one(event, 'LOCATION')).toBe('Chez Marie\\, 75011 Paris 11e Arrondissement')
    expect(await (await t.call('GET', `/v1/initiatives/${initiative.id}/calendar.ics`)).text()).not.toContain('Secrète')
    expect(one(event, 'URL')).toBe(`http://relais.test/v1/initiatives/${initiative.id}/calendar.ics`)
  })

  it('moves SEQUENCE on when the time changes, and says CANCELLED once cancelled', async () => {
    const initiative = await newInitiative()
    const path = `/v1/initiatives/${initiative.id}/calendar.ics`
    const later = new Date(Date.parse(initiative.starts_at) + 86_400_000)
    const patch = await t.call('PATCH', `/v1/initiatives/${initiative.id}`, {
      key: t.demo.secretKey,
      body: { starts_at: later.toISOString(), ends_at: new Date(later.getTime() + 3_600_000).toISOString() },
    })
    expect(patch.status).toBe(200)
    const moved = (await fetchCalendar(path)).calendar.children[0] as Component
    expect(one(moved, 'SEQUENCE')).toBe('1')
    expect(one(moved, 'DTSTART')).toBe(icsDate(later.toISOString()))
    expect((await t.call('POST', `/v1/initiatives/${initiative.id}/cancel`, { key: t.demo.secretKey })).status).toBe(
      200,
    )
    const cancelled = (await fetchCalendar(path)).calendar.children[0] as Component
    expect(one(cancelled, 'SEQUENCE')).toBe('2')
    expect(one(cancelled, 'STATUS')).toBe('CANCELLED')
    expect(one(cancelled, 'UID')).toBe(`${initiative.id}@relais`)
  })

  it('answers 304 to a calendar app that holds the current version', async () => {
    const initiative = await newInitiative()
    const path = `/v1/initiatives/${initiative.id}/calendar.ics`
    const { res } = await fetchCalendar(path)
    const etag = res.headers.get('etag') ?? ''
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    const again = await t.call('GET', path, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('keeps drafts and other organizations out', async () => {
    const draft = await t.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow()
    expect((await t.call('GET', `/v1/initiatives/${draft.id}/calendar.ics`)).status).toBe(404)
    const theirs = await t.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    expect((await t.call('GET', `/v1/initiatives/${theirs.id}/calendar.ics`)).status).toBe(404)
  })
})

describe('GET /v1/groups/{group_id}/calendar.ics', () => {
  it('is a valid feed of the subtree, nearest first, with cancelled initiatives still in it', async () => {
    const group = await groupWithMostUpcoming()
    const cancelled = await newInitiative()
    await t.call('POST', `/v1/initiatives/${cancelled.id}/cancel`, { key: t.demo.secretKey })
    const { res, calendar } = await fetchCalendar(`/v1/groups/${group.id}/calendar.ics`)
    expect(res.headers.get('content-disposition')).toContain('inline')
    const expected = await t.database.db
      .selectFrom('initiatives')
      .innerJoin('groups', 'groups.id', 'initiatives.group_id')
      .select(['initiatives.id', 'initiatives.status'])
      .where('initiatives.organization_id', '=', t.demo.organizationId)
      .where('groups.path', 'like', `${group.path}%`)
      .where('initiatives.status', 'in', ['published', 'cancelled'])
      .where('initiatives.published_at', 'is not', null)
      .where('initiatives.ends_at', '>=', new Date())
      .orderBy('initiatives.starts_at')
      .orderBy('initiatives.id')
      .execute()
    expect(expected.length).toBeGreaterThan(5)
    expect(calendar.children.map((event) => one(event, 'UID'))).toEqual(expected.map((i) => `${i.id}@relais`))
    const starts = calendar.children.map((event) => one(event, 'DTSTART'))
    expect(starts).toEqual([...starts].sort())
    const cancelledEvent = calendar.children.find((event) => one(event, 'UID') === `${cancelled.id}@relais`)
    expect(cancelledEvent && one(cancelledEvent, 'STATUS')).toBe('CANCELLED')
    expect(one(calendar, 'REFRESH-INTERVAL')).toBe('PT1H')
    expect(one(calendar, 'X-WR-CALNAME').length).toBeGreaterThan(0)
  })

  it('takes the publishable key from `key` for calendar apps, but never a secret key', async () => {
    const group = await groupWithMostUpcoming()
    const path = `/v1/groups/${group.id}/calendar.ics`
    const { calendar } = await fetchCalendar(`${path}?key=${t.demo.publishableKey}`, null)
    const withKey = calendar.children.find((event) => !one(event, 'URL').startsWith('https://visio'))
    expect(withKey && one(withKey, 'URL')).toContain(`?key=${t.demo.publishableKey}`)
    expect((await t.call('GET', path, { key: null })).status).toBe(401)
    expect((await t.call('GET', `${path}?key=pk_live_unknownunknownunknown`, { key: null })).status).toBe(401)
    const secret = await t.call('GET', `${path}?key=${t.demo.secretKey}`, { key: null })
    expect(secret.status).toBe(401)
    expect(secret.headers.get('content-type')).toBe('application/problem+json')
    expect((await t.call('GET', `/v1/groups?key=${t.demo.publishableKey}`, { key: null })).status).toBe(401)
  })

  it('answers 404 for an unknown, foreign or private group', async () => {
    const theirs = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const hidden = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow()
    for (const id of ['grp_0000000000000000000000000', theirs.id, hidden.id]) {
      expect((await t.call('GET', `/v1/groups/${id}/calendar.ics`)).status).toBe(404)
    }
    expect((await t.call('GET', `/v1/groups/${hidden.id}/calendar.ics`, { key: t.demo.secretKey })).status).toBe(200)
  })

  it('is listed in the contract with the query key scheme', async () => {
    const doc = (await (await t.call('GET', '/openapi.json', { key: null })).json()) as {
      paths: Record<string, { get?: { security?: Record<string, string[]>[] } }>
      components: { securitySchemes: Record<string, { in?: string; name?: string }> }
    }
    expect(doc.paths['/v1/groups/{group_id}/calendar.ics']?.get?.security).toContainEqual({ publishableKeyInQuery: [] })
    expect(doc.components.securitySchemes.publishableKeyInQuery).toMatchObject({ in: 'query', name: 'key' })
  })
})
