import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/types.js'
import { currentConsentTexts } from '../src/domain/consent/texts.js'
import { suppressionHash } from '../src/domain/members/suppression.js'
import { eventually, mailTo, startTestWorker, type TestWorker } from '../src/jobs/test-worker.js'
import { openTestApp, type TestContext } from './app.js'

let t: TestContext
let worker: TestWorker
beforeAll(async () => {
  t = await openTestApp()
  worker = await startTestWorker(t.database)
})
afterAll(async () => {
  await worker.stop()
  await t.close()
})

const db = () => t.database.db

// Values found nowhere in the demo data: any row still holding one kept something of the person.
const person = {
  email: 'Zephyrine.Quillfeatherova@Example.org',
  given_name: 'Zephyrine',
  family_name: 'Quillfeatherova',
  phone: '+33 6 98 76 54 31',
  postcode: '04120',
}
const needles = [person.email.toLowerCase(), person.given_name, person.family_name, person.phone, '0698765431']

interface Leftover {
  table: string
  rows: number
}

/**
 * Every table of the public schema and of pg-boss's (jobs, archive, schedules), each row cast to
 * text and searched for the person's e-mail, names and phone, whatever the case.
 */
async function leftovers(database: Kysely<Database>): Promise<Leftover[]> {
  const { rows: tables } = await sql<{ table_schema: string; table_name: string }>`
    select table_schema, table_name from information_schema.tables
    where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'
    order by 1, 2`.execute(database)
  expect(tables.map((table) => table.table_name)).toEqual(
    expect.arrayContaining(['members', 'mail_outbox', 'activity', 'audit_events', 'job']),
  )
  const patterns = needles.map((needle) => `%${needle}%`)
  const found: Leftover[] = []
  for (const { table_schema, table_name } of tables) {
    const table = sql.table(`${table_schema}.${table_name}`)
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${table} as t where t::text ilike any (${patterns}::text[])`.execute(database)
    const n = rows[0]?.n ?? 0
    if (n > 0) found.push({ table: `${table_schema}.${table_name}`, rows: n })
  }
  return found
}

async function textId(purpose: string) {
  const [text] = await currentConsentTexts(db(), t.demo.organizationId, { purpose: purpose as 'membership' })
  return text?.id ?? ''
}

const confirmLink = (text: string) => text.match(/http:\/\/relais\.test\/confirm\?token=([0-9a-z]+)/)?.[1]

async function followLink(body: string) {
  const res = await t.call('POST', '/confirm', {
    key: null,
    body: new URLSearchParams({ token: confirmLink(body) ?? '' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  expect(res.status).toBe(200)
}

async function publicGroups() {
  return db()
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', t.demo.organizationId)
    .where('visibility', '=', 'public')
    .where('kind', '=', 'section')
    .orderBy('id')
    .limit(2)
    .execute()
}

describe('erasing a member', () => {
  it('leaves no trace of their e-mail, names or phone in any table', async () => {
    const [joined, added] = await publicGroups()
    // A sign-up with its double opt-in, joining a group on confirmation.
    const signup = await t.call('POST', '/v1/signups', {
      body: {
        ...person,
        group_id: joined?.id,
        consents: [
          { purpose: 'membership', text_id: await textId('membership') },
          { purpose: 'news', text_id: await textId('news') },
          { purpose: 'public_activity', text_id: await textId('public_activity') },
        ],
        source_page: 'https://candidat.example.org/rejoindre',
      },
      // Kept answers of idempotent requests are data too.
      headers: { 'idempotency-key': 'erasure-test-signup' },
    })
    expect(signup.status).toBe(202)
    await followLink((await mailTo(db(), person.email.trim(), 'signup-confirmation')).text_body)
    const member = await db()
      .selectFrom('members')
      .select(['id', 'status'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_normalized', '=', person.email.toLowerCase())
      .executeTakeFirstOrThrow()
    expect(member.status).toBe('active')

    // An RSVP to an initiative: its request, the e-mail link followed, the place with its e-mail (and calendar attachment).
    const starts = new Date(Math.ceil((Date.now() + 5 * 86_400_000) / 3_600_000) * 3_600_000)
    const initiative = await t.call('POST', '/v1/initiatives', {
      key: t.demo.secretKey,
      body: {
        group_id: joined?.id,
        kind: 'meeting',
        title: 'Réunion de quartier',
        starts_at: starts.toISOString(),
        ends_at: new Date(starts.getTime() + 3_600_000).toISOString(),
        location: { name: 'Salle des fêtes', address: '1 place de la Mairie', postcode: '04120' },
        publish: true,
      },
    })
    expect(initiative.status).toBe(201)
    const initiativeId = ((await initiative.json()) as { id: string }).id
    const rsvp = await t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, {
      body: {
        ...person,
        consents: [{ purpose: 'event_participation', text_id: await textId('event_participation') }],
      },
      headers: { 'idempotency-key': 'erasure-test-rsvp' },
    })
    expect(rsvp.status).toBe(202)
    await followLink((await mailTo(db(), person.email.trim(), 'rsvp-request')).text_body)
    await mailTo(db(), person.email.trim(), 'rsvp-confirmation')
    const place = await db()
      .selectFrom('rsvps')
      .select('status')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(place.status).toBe('going')
    // The same request again, never confirmed: its e-mail says she already holds her place.
    const again = await t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, {
      body: {
        ...person,
        consents: [{ purpose: 'event_participation', text_id: await textId('event_participation') }],
        source_page: 'https://candidat.example.org/agenda',
      },
    })
    expect(again.status).toBe(202)
    await mailTo(db(), person.email.trim(), 'already-registered')

    // A second group, added by an organizer.
    const membership = await t.call('POST', `/v1/groups/${added?.id}/members`, {
      key: t.demo.secretKey,
      body: { member_id: member.id, role: 'organizer' },
      headers: { 'idempotency-key': 'erasure-test-membership' },
    })
    expect(membership.status).toBe(201)

    // The search finds the person everywhere they are before the erasure: it can see them.
    const before = await leftovers(db())
    expect(before.map((found) => found.table)).toEqual(expect.arrayContaining(['public.members', 'public.mail_outbox']))

    const erased = await t.call('DELETE', `/v1/members/${member.id}`, { key: t.demo.secretKey })
    expect(erased.status).toBe(204)
    // No job of hers is still waiting: every e-mail was sent before the erasure.
    await eventually(async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pgboss.job where name = 'send-email' and state in ('created', 'retry', 'active')`.execute(
        db(),
      )
      return rows[0]?.n === 0 ? true : undefined
    })

    expect(await leftovers(db())).toEqual([])
    // What stays: the suppression hash, and the consent ledger naming nobody, as proof.
    const suppressed = await db()
      .selectFrom('suppressions')
      .select('email_hash')
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_hash', '=', suppressionHash(person.email))
      .execute()
    expect(suppressed).toHaveLength(1)
    const consents = await db()
      .selectFrom('consent_records')
      .select('purpose')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', member.id)
      .execute()
    expect(consents.length).toBeGreaterThanOrEqual(4)
    const row = await db()
      .selectFrom('members')
      .selectAll()
      .where('organization_id', '=', t.demo.organizationId)
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'erased', email: null, postcode: null, commune: null, phone: null })
  })
})
