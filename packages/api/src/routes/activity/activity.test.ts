import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { demoGroups } from '../../../test/demo-groups.js'
import type { Group } from '../../db/types.js'
import { newId } from '../../domain/ids.js'

let t: TestContext
let federation: Group
let section: Group
let elsewhere: Group
let hidden: Group
/** The ids of the activity written for these tests, by where it happened. */
const written: Record<'federation' | 'section' | 'elsewhere' | 'organization' | 'hidden', string[]> = {
  federation: [],
  section: [],
  elsewhere: [],
  organization: [],
  hidden: [],
}

interface Item {
  id: string
  kind: string
  group: { id: string; name: string } | null
  occurred_at: string
  data: Record<string, unknown>
}

beforeAll(async () => {
  t = await openTestApp()
  ;({ section, federation, elsewhere, hidden } = await demoGroups(t))
  const where = { federation, section, elsewhere, organization: null, hidden }
  // Several rows share one instant, others differ only by microseconds: both must page without gaps.
  const instants = [
    '2031-03-01T10:00:00.123456Z',
    '2031-03-01T10:00:00.123456Z',
    '2031-03-01T10:00:00.123401Z',
    '2031-03-01T10:00:00Z',
  ]
  let n = 0
  for (const [place, group] of Object.entries(where) as [keyof typeof written, Group | null][]) {
    for (const instant of instants.slice(0, place === 'organization' || place === 'hidden' ? 2 : 4)) {
      const id = newId('act')
      written[place].push(id)
      await t.database.db
        .insertInto('activity')
        .values({
          organization_id: t.demo.organizationId,
          id,
          group_id: group?.id ?? null,
          group_path: group?.path ?? null,
          kind: 'test_milestone',
          payload: JSON.stringify({ going: 10 + n++ }),
          occurred_at: instant,
        })
        .execute()
    }
  }
})
afterAll(() => t.close())

async function allPages(query: string, key?: string) {
  const items: Item[] = []
  let cursor: string | null = null
  do {
    const res = await t.call('GET', `/v1/activity?${query}${cursor ? `&cursor=${cursor}` : ''}`, key ? { key } : {})
    expect(res.status).toBe(200)
    const page = (await res.json()) as { data: Item[]; next_cursor: string | null }
    items.push(...page.data)
    cursor = page.next_cursor
  } while (cursor)
  return items
}

/** The expected order, straight from the table. */
async function newestFirst(ids: string[]) {
  const rows = await t.database.db
    .selectFrom('activity')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((row) => row.id)
}

describe('GET /v1/activity', () => {
  it('pages newest first, each item once, without the private group', async () => {
    const items = await allPages('kind=test_milestone&limit=3')
    const expected = await newestFirst([
      ...written.federation,
      ...written.section,
      ...written.elsewhere,
      ...written.organization,
    ])
    expect(items.map((item) => item.id)).toEqual(expected)
  })

  it('shows each item with its group, time and data only', async () => {
    const items = await allPages('kind=test_milestone&limit=100')
    const item = items.find((i) => i.id === written.section[0])
    expect(Object.keys(item ?? {}).sort()).toEqual(['data', 'group', 'id', 'kind', 'occurred_at'])
    expect(item).toMatchObject({
      kind: 'test_milestone',
      group: { id: section.id, name: section.name },
      occurred_at: '2031-03-01T10:00:00.123Z',
      data: { going: expect.any(Number) },
    })
    expect(items.find((i) => i.id === written.organization[0])?.group).toBeNull()
  })

  it('narrows to a group and its descendants', async () => {
    const ofFederation = await allPages(`group=${federation.id}&kind=test_milestone&limit=5`)
    expect(ofFederation.map((item) => item.id)).toEqual(await newestFirst([...written.federation, ...written.section]))
    const ofSection = await allPages(`group=${section.id}&kind=test_milestone`)
    expect(ofSection.map((item) => item.id)).toEqual(await newestFirst(written.section))
  })

  it('shows the organization-wide list without a kind filter', async () => {
    const res = await t.call('GET', '/v1/activity?limit=100')
    const page = (await res.json()) as { data: Item[] }
    expect(page.data.map((item) => item.id)).toEqual(expect.arrayContaining(written.organization))
    expect(page.data.some((item) => written.hidden.includes(item.id))).toBe(false)
  })

  it('answers 404 for a private, unknown or foreign group, but shows a private group to secret keys', async () => {
    const foreign = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    for (const id of [hidden.id, foreign.id, 'grp_0000000000000000000000000']) {
      const res = await t.call('GET', `/v1/activity?group=${id}`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    const secret = await allPages(`group=${hidden.id}&kind=test_milestone`, t.demo.secretKey)
    expect(secret.map((item) => item.id).sort()).toEqual([...written.hidden].sort())
  })

  it("shows nothing of another organization's activity", async () => {
    const theirs = await allPages('kind=test_milestone', t.other.publishableKey)
    expect(theirs).toEqual([])
  })

  it('refuses forged cursors and malformed filters, and calls without a key', async () => {
    const forged = Buffer.from(JSON.stringify(['yesterday', 'act_1'])).toString('base64url')
    const res = await t.call('GET', `/v1/activity?cursor=${forged}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('cursor')
    expect((await t.call('GET', '/v1/activity?kind=DROP%20TABLE')).status).toBe(400)
    expect((await t.call('GET', '/v1/activity?group=grp_x%25')).status).toBe(400)
    expect((await t.call('GET', '/v1/activity', { key: null })).status).toBe(401)
  })
})
