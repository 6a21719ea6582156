import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import type { GroupKind } from '../../db/types.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface GroupStats {
  members_active: number
  initiatives_upcoming: number
  initiatives_past: number
  rsvps_going: number
  groups: number
}

async function stats<T = GroupStats>(query = '', key?: string) {
  const res = await t.call('GET', `/v1/stats${query}`, key ? { key } : {})
  expect(res.status).toBe(200)
  return { res, stats: (await res.json()) as T }
}

function group(kind: GroupKind) {
  return t.database.db
    .selectFrom('groups')
    .select(['id', 'path'])
    .where('organization_id', '=', t.demo.organizationId)
    .where('kind', '=', kind)
    .where('visibility', '=', 'public')
    .orderBy('id')
    .executeTakeFirstOrThrow()
}

/** The same counts, written independently as plain COUNT queries over the public groups under `path`. */
async function expectedCounts(path: string | null): Promise<GroupStats> {
  const org = t.demo.organizationId
  const now = new Date()
  const under = path ?? '/'
  const result = await sql<Record<keyof GroupStats, string>>`
    with visible as (
      select id from groups where organization_id = ${org} and visibility = 'public' and starts_with(path, ${under})
    )
    select
      ${
        path === null
          ? sql`(select count(*) from members where organization_id = ${org} and status = 'active')`
          : sql`(select count(distinct m.id) from memberships ms join members m
                   on m.organization_id = ms.organization_id and m.id = ms.member_id
                 where ms.organization_id = ${org} and m.status = 'active' and ms.group_id in (select id from visible))`
      } as members_active,
      (select count(*) from initiatives where organization_id = ${org} and status = 'published'
         and starts_at >= ${now} and group_id in (select id from visible)) as initiatives_upcoming,
      (select count(*) from initiatives where organization_id = ${org} and status = 'published'
         and starts_at < ${now} and group_id in (select id from visible)) as initiatives_past,
      (select count(*) from rsvps r join initiatives i on i.organization_id = r.organization_id and i.id = r.initiative_id
       where r.organization_id = ${org} and r.status = 'going' and i.status = 'published' and i.starts_at >= ${now}
         and i.group_id in (select id from visible)) as rsvps_going,
      (select count(*) from visible) as groups
  `.execute(t.database.db)
  const row = result.rows[0] as Record<keyof GroupStats, string>
  return {
    members_active: Number(row.members_active),
    initiatives_upcoming: Number(row.initiatives_upcoming),
    initiatives_past: Number(row.initiatives_past),
    rsvps_going: Number(row.rsvps_going),
    groups: Number(row.groups),
  }
}

describe('GET /v1/stats', () => {
  it('counts the whole organization like COUNT queries do, cacheable for a second', async () => {
    const { res, stats: org } = await stats()
    expect(res.headers.get('cache-control')).toBe('public, max-age=1, stale-while-revalidate=10, stale-if-error=600')
    expect(res.headers.get('vary')).toContain('Authorization')
    expect(org).toEqual(await expectedCounts(null))
    expect(org.members_active).toBeGreaterThan(1000)
    expect(org.initiatives_upcoming).toBeGreaterThan(100)
    expect(org.rsvps_going).toBeGreaterThan(0)
  })

  it('counts a group subtree like COUNT queries do, a federation never above the national group', async () => {
    const national = await group('national')
    const federation = await group('federation')
    const { stats: all } = await stats(`?group=${national.id}`)
    const { stats: part } = await stats(`?group=${federation.id}`)
    expect(all).toEqual(await expectedCounts(national.path))
    expect(part).toEqual(await expectedCounts(federation.path))
    for (const counter of Object.keys(all) as (keyof GroupStats)[])
      expect(part[counter]).toBeLessThanOrEqual(all[counter])
    expect(part.groups).toBeGreaterThan(1)
    expect(part.groups).toBeLessThan(all.groups)
  })

  it('counts the RSVPs and places of one initiative', async () => {
    const initiative = await t.database.db
      .selectFrom('initiatives')
      .select(['id', 'capacity'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'published')
      .where('capacity', 'is not', null)
      .orderBy('going_count', 'desc')
      .executeTakeFirstOrThrow()
    const count = async (status: 'going' | 'waitlisted') =>
      Number(
        (
          await t.database.db
            .selectFrom('rsvps')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('initiative_id', '=', initiative.id)
            .where('status', '=', status)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const going = await count('going')
    const { stats: counts } = await stats(`?initiative=${initiative.id}`)
    expect(counts).toEqual({
      rsvps_going: going,
      waitlisted: await count('waitlisted'),
      capacity: initiative.capacity,
      spots_left: Math.max(0, (initiative.capacity ?? 0) - going),
    })
  })

  it('refuses a group and an initiative together', async () => {
    const national = await group('national')
    const res = await t.call('GET', `/v1/stats?group=${national.id}&initiative=ini_0000000000000000000000000`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('query.initiative')
  })

  it('hides private groups, drafts and other organizations behind 404', async () => {
    const hidden = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow()
    const foreignGroup = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const foreignInitiative = await t.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .executeTakeFirstOrThrow()
    const section = await group('section')
    const draft = 'ini_draftforthestatstest0000'
    await t.database.db
      .insertInto('initiatives')
      .values({
        organization_id: t.demo.organizationId,
        id: draft,
        group_id: section.id,
        kind: 'meeting',
        title: 'Réunion en préparation',
        summary: '',
        description: '',
        starts_at: new Date(Date.now() + 86_400_000),
        ends_at: new Date(Date.now() + 90_000_000),
        timezone: 'Europe/Paris',
        status: 'draft',
        search_text: 'reunion en preparation',
      })
      .execute()
    for (const query of [
      `?initiative=${draft}`,
      `?group=${hidden.id}`,
      `?group=${foreignGroup.id}`,
      '?group=grp_0000000000000000000000000',
      `?initiative=${foreignInitiative.id}`,
      '?initiative=ini_0000000000000000000000000',
    ]) {
      expect((await t.call('GET', `/v1/stats${query}`)).status).toBe(404)
    }
    expect((await t.call('GET', `/v1/stats?group=${hidden.id}`, { key: t.demo.secretKey })).status).toBe(200)
  })

  it('asks for a key', async () => {
    expect((await t.call('GET', '/v1/stats', { key: null })).status).toBe(401)
  })
})
