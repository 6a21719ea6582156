import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type RelaisDatabase } from '../../db/database.js'
import { migrateToLatest } from '../../db/migrate.js'
import type { Database } from '../../db/types.js'
import { sha256Hex } from '../hashing.js'
import { findKeyByToken } from '../keys/keys.js'
import { scopes } from '../keys/scopes.js'
import { type DemoSeed, seedDemo } from './index.js'

// A fixed anchor whose 90 days ahead cross the switch to summer time (29 March 2026).
const now = new Date('2026-03-10T09:00:00Z')
const kinds = ['meeting', 'canvassing', 'leafleting', 'phone_bank', 'rally', 'online', 'other']

async function freshDatabase(): Promise<RelaisDatabase> {
  const database = await openDatabase({ dataDir: 'memory://' })
  await migrateToLatest(database.db)
  return database
}

/** Everything but ids (random by design) and the key tokens, in a stable order. */
async function contentDigest(db: Kysely<Database>, organizationId: string): Promise<string> {
  const groups = await db
    .selectFrom('groups')
    .select(['kind', 'name', 'slug', 'depth', 'description', 'postcodes', 'latitude', 'longitude', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('slug')
    .execute()
  const members = await db
    .selectFrom('members')
    .select([
      'email',
      'given_name',
      'family_name',
      'postcode',
      'commune',
      'phone',
      'status',
      'language',
      'tags',
      'created_at',
      'confirmed_at',
    ])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('email')
    .execute()
  const initiatives = await db
    .selectFrom('initiatives')
    .select([
      'title',
      'kind',
      'summary',
      'description',
      'starts_at',
      'ends_at',
      'address',
      'commune',
      'latitude',
      'capacity',
      'going_count',
      'waitlist_count',
      'status',
      'tags',
    ])
    .where('organization_id', '=', organizationId)
    .orderBy('starts_at')
    .orderBy('title')
    .orderBy('capacity')
    .orderBy('going_count')
    .orderBy('address')
    .execute()
  const rsvps = await db
    .selectFrom('rsvps')
    .innerJoin('members', (j) =>
      j.onRef('members.organization_id', '=', 'rsvps.organization_id').onRef('members.id', '=', 'rsvps.member_id'),
    )
    .select(['members.email', 'rsvps.status', 'rsvps.queued_at'])
    .where('rsvps.organization_id', '=', organizationId)
    .orderBy('rsvps.queued_at')
    .orderBy('members.email')
    .execute()
  return sha256Hex(JSON.stringify({ groups, members, initiatives, rsvps }))
}

describe('seedDemo', () => {
  let database: RelaisDatabase
  let db: Kysely<Database>
  let demo: DemoSeed
  let other: DemoSeed
  let seconds = 0

  beforeAll(async () => {
    database = await freshDatabase()
    db = database.db
    const started = performance.now()
    demo = await seedDemo(db, { now, allowedOrigins: ['http://localhost:8787'] })
    seconds = (performance.now() - started) / 1000
    other = await seedDemo(db, { now, size: 'small', name: 'Collectif Voisin', slug: 'collectif-voisin', seed: 7 })
  }, 120_000)

  afterAll(async () => {
    await database?.close()
  })

  it('seeds the full demo on PGlite in well under 15 seconds', () => {
    console.info(`full demo seeded in ${seconds.toFixed(1)} s`, demo.counts)
    expect(seconds).toBeLessThan(15)
  })

  it('holds thousands of members and hundreds of upcoming initiatives of every kind', async () => {
    const members = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', demo.organizationId)
      .executeTakeFirstOrThrow()
    expect(members.n).toBeGreaterThanOrEqual(2000)
    expect(members.n).toBe(demo.counts.members)
    const upcoming = await db
      .selectFrom('initiatives')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', demo.organizationId)
      .where('status', '=', 'published')
      .where('starts_at', '>', now)
      .where('starts_at', '<=', new Date(now.getTime() + 91 * 86_400_000))
      .groupBy('kind')
      .execute()
    expect(upcoming.reduce((sum, row) => sum + row.n, 0)).toBeGreaterThanOrEqual(300)
    expect(upcoming.map((row) => row.kind).sort()).toEqual([...kinds].sort())
    const past = await db
      .selectFrom('initiatives')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', demo.organizationId)
      .where('ends_at', '<', now)
      .executeTakeFirstOrThrow()
    expect(past.n).toBeGreaterThanOrEqual(50)
  })

  it('builds a tree whose paths, depths and postcode index agree with the parents', async () => {
    const broken = await sql<{ id: string }>`
      select child.id from groups child
      left join groups parent on parent.organization_id = child.organization_id and parent.id = child.parent_id
      where (child.parent_id is null and (child.path <> '/' || child.id || '/' or child.depth <> 0))
         or (child.parent_id is not null and (parent.id is null or child.path <> parent.path || child.id || '/' or child.depth <> parent.depth + 1))`.execute(
      db,
    )
    expect(broken.rows).toEqual([])
    const unmirrored = await sql<{ n: number }>`
      select count(*)::int as n from (
        (select organization_id, id, unnest(postcodes) from groups
         except select organization_id, group_id, postcode from group_postcodes)
        union all
        (select organization_id, group_id, postcode from group_postcodes
         except select organization_id, id, unnest(postcodes) from groups)
      ) difference`.execute(db)
    expect(unmirrored.rows[0]?.n).toBe(0)
    const tree = await db
      .selectFrom('groups')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', demo.organizationId)
      .groupBy('kind')
      .execute()
    expect(Object.fromEntries(tree.map((row) => [row.kind, row.n]))).toMatchObject({
      national: 1,
      federation: 12,
      thematic: 5,
      action: 3,
    })
  })

  it('keeps going and waitlist counters equal to the RSVPs, within capacity, waitlist after the going', async () => {
    const mismatched = await sql<{ id: string }>`
      select i.id from initiatives i
      left join rsvps r on r.organization_id = i.organization_id and r.initiative_id = i.id
      group by i.organization_id, i.id, i.going_count, i.waitlist_count, i.capacity
      having i.going_count <> count(r.id) filter (where r.status in ('going', 'attended'))
          or i.waitlist_count <> count(r.id) filter (where r.status = 'waitlisted')
          or (i.capacity is not null and i.going_count > i.capacity)
          or (i.waitlist_count > 0 and i.going_count <> i.capacity)
          or max(r.queued_at) filter (where r.status = 'going') > min(r.queued_at) filter (where r.status = 'waitlisted')`.execute(
      db,
    )
    expect(mismatched.rows).toEqual([])
    const shapes = await sql<{ full: number; almost: number }>`
      select count(*) filter (where waitlist_count > 0)::int as full,
             count(*) filter (where capacity - going_count between 0 and 2 and waitlist_count = 0)::int as almost
      from initiatives where organization_id = ${demo.organizationId} and status = 'published' and starts_at > ${now}`.execute(
      db,
    )
    expect(shapes.rows[0]?.full).toBeGreaterThanOrEqual(5)
    expect(shapes.rows[0]?.almost).toBeGreaterThanOrEqual(5)
  })

  it('records consents against the exact text shown, membership for every member', async () => {
    const texts = await db
      .selectFrom('consent_texts')
      .select(['text', 'sha256', 'purpose', 'language'])
      .where('organization_id', '=', demo.organizationId)
      .execute()
    expect(texts).toHaveLength(8)
    for (const text of texts) expect(text.sha256).toBe(sha256Hex(text.text))
    const membership = texts.find((t) => t.purpose === 'membership' && t.language === 'fr')?.text ?? ''
    expect(membership).toMatch(/opinion politique/)
    expect(membership).toMatch(/explicitement/)
    expect(membership).toMatch(/à tout moment/)
    expect(membership).toMatch(/dpo@mouvement-relais\.example\.org/)
    const wrong = await sql<{ id: string }>`
      select r.id from consent_records r
      join consent_texts t on t.organization_id = r.organization_id and t.id = r.consent_text_id
      where r.text_sha256 <> t.sha256 or r.language <> t.language or r.purpose <> t.purpose`.execute(db)
    expect(wrong.rows).toEqual([])
    const unconsented = await sql<{ id: string }>`
      select m.id from members m
      where not exists (select 1 from consent_records r where r.organization_id = m.organization_id
                        and r.member_id = m.id and r.purpose = 'membership'
                        and (r.confirmed_at is null) = (m.status = 'pending')
                        and (r.withdrawn_at is not null) = (m.status = 'unsubscribed'))`.execute(db)
    expect(unconsented.rows).toEqual([])
  })

  it('gives every member a unique address on a reserved example domain', async () => {
    const emails = await sql<{ total: number; distinct: number; bad: number }>`
      select count(*)::int as total, count(distinct (organization_id, email_normalized))::int as distinct,
             count(*) filter (where email_normalized <> lower(trim(email)) or email_normalized !~ '@example\.(org|com|net)$')::int as bad
      from members`.execute(db)
    expect(emails.rows[0]?.distinct).toBe(emails.rows[0]?.total)
    expect(emails.rows[0]?.bad).toBe(0)
  })

  it('starts every upcoming initiative at a daytime hour in Paris, across the change of time', async () => {
    const rows = await db
      .selectFrom('initiatives')
      .select(['starts_at', 'timezone'])
      .where('organization_id', '=', demo.organizationId)
      .where('starts_at', '>', now)
      .execute()
    const hourInParis = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: 'numeric',
      hourCycle: 'h23',
    })
    const hours = rows.map((row) => Number(hourInParis.format(row.starts_at)))
    expect(hours.every((hour) => hour >= 8 && hour <= 21)).toBe(true)
    expect(rows.every((row) => row.timezone === 'Europe/Paris')).toBe(true)
    // Saturday-morning markets stay at 10 h local: 9 h UTC in winter, 8 h UTC in summer.
    const utcHoursOfTen = new Set(
      rows.filter((row) => Number(hourInParis.format(row.starts_at)) === 10).map((row) => row.starts_at.getUTCHours()),
    )
    expect(utcHoursOfTen).toEqual(new Set([8, 9]))
  })

  it('tells a person’s name in the activity feed only with a confirmed public-activity consent', async () => {
    const named = await sql<{ id: string }>`
      select a.id from activity a
      where a.payload ?| array['given_name', 'family_name', 'email']
        and not (a.kind = 'member_joined' and exists (
          select 1 from members m
          join consent_records r on r.organization_id = m.organization_id and r.member_id = m.id
          where m.organization_id = a.organization_id and m.given_name = a.payload->>'given_name'
            and m.commune = a.payload->>'commune' and r.purpose = 'public_activity'
            and r.confirmed_at is not null and r.withdrawn_at is null))`.execute(db)
    expect(named.rows).toEqual([])
    const misplaced = await sql<{ id: string }>`
      select a.id from activity a
      left join groups g on g.organization_id = a.organization_id and g.id = a.group_id
      where g.id is null or a.group_path <> g.path or a.occurred_at > ${now}`.execute(db)
    expect(misplaced.rows).toEqual([])
    const kindsSeen = await db
      .selectFrom('activity')
      .select('kind')
      .distinct()
      .where('organization_id', '=', demo.organizationId)
      .execute()
    expect(kindsSeen.map((row) => row.kind).sort()).toEqual([
      'group_created',
      'initiative_published',
      'member_joined',
      'members_milestone',
    ])
  })

  it('creates a publishable key for the given origins and a secret key with every scope', async () => {
    const publishable = await findKeyByToken(db, demo.publishableKey)
    expect(publishable).toMatchObject({
      kind: 'publishable',
      organization_id: demo.organizationId,
      allowed_origins: ['http://localhost:8787'],
    })
    const secret = await findKeyByToken(db, demo.secretKey)
    expect(secret?.kind).toBe('secret')
    expect([...(secret?.scopes ?? [])].sort()).toEqual([...scopes].sort())
  })

  it('makes the small second tenant with the same invariants, apart from the first', async () => {
    expect(other.organizationId).not.toBe(demo.organizationId)
    expect(other.counts).toMatchObject({ groups: 5, members: 20, initiatives: 10 })
    const kindsOfOther = await db
      .selectFrom('initiatives')
      .select('kind')
      .distinct()
      .where('organization_id', '=', other.organizationId)
      .execute()
    expect(kindsOfOther.map((row) => row.kind).sort()).toEqual([...kinds].sort())
    const theirKey = await findKeyByToken(db, other.secretKey)
    expect(theirKey?.organization_id).toBe(other.organizationId)
  })

  it('refuses to seed a slug that exists, and changes nothing', async () => {
    const before = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    await expect(seedDemo(db, { now, size: 'small', slug: 'collectif-voisin' })).rejects.toThrow(/already exists/)
    const after = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('generates the same data from the same seed and anchor, and other data from another seed', async () => {
    const twin = await freshDatabase()
    const third = await freshDatabase()
    try {
      const again = await seedDemo(twin.db, { now, allowedOrigins: ['http://localhost:8787'] })
      expect(again.counts).toEqual(demo.counts)
      expect(await contentDigest(twin.db, again.organizationId)).toBe(await contentDigest(db, demo.organizationId))
      const reseeded = await seedDemo(third.db, {
        now,
        size: 'small',
        name: 'Collectif Voisin',
        slug: 'collectif-voisin',
        seed: 8,
      })
      expect(await contentDigest(third.db, reseeded.organizationId)).not.toBe(
        await contentDigest(db, other.organizationId),
      )
    } finally {
      await twin.close()
      await third.close()
    }
  }, 120_000)
})
