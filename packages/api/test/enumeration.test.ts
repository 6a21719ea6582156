import { type KyselyPlugin, PostgresQueryCompiler, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { currentConsentTexts } from '../src/domain/consent/texts.js'
import { openTestApp, type TestContext, testPublicUrl } from './app.js'

/**
 * What a stranger with the publishable key (it is in every page's source) can learn by comparing
 * answers: whether an e-mail address belongs to a member, whether a private group or an
 * unpublished initiative exists. Each pair must answer alike.
 */

let t: TestContext
let membershipText: string
let knownEmails: string[]
let privateGroup: string
let draftInitiative: string
beforeAll(async () => {
  t = await openTestApp()
  const db = t.database.db
  const texts = await currentConsentTexts(db, t.demo.organizationId, { language: 'fr' })
  membershipText = texts.find((text) => text.purpose === 'membership')?.id ?? ''
  const members = await db
    .selectFrom('members')
    .select('email')
    .where('organization_id', '=', t.demo.organizationId)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(rounds)
    .execute()
  knownEmails = members.map((member) => member.email ?? '')
  privateGroup = (
    await db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow()
  ).id
  const draft = await t.call('POST', '/v1/initiatives', {
    key: t.demo.secretKey,
    body: {
      group_id: privateGroup,
      kind: 'meeting',
      title: 'Réunion interne',
      starts_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      ends_at: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString(),
      location: { postcode: '75011' },
    },
  })
  expect(draft.status, await draft.clone().text()).toBe(201)
  draftInitiative = ((await draft.json()) as { id: string }).id
})
afterAll(() => t.close())

const rounds = 20
const signupPairs = 60
const timingAttempts = 3

const signup = (email: string) => ({
  email,
  given_name: 'Sonde',
  family_name: 'Curieuse',
  postcode: '75011',
  consents: [{ purpose: 'membership', text_id: membershipText }],
})

async function timed(email: string) {
  const started = performance.now()
  const res = await t.call('POST', '/v1/signups', { body: signup(email) })
  const body = await res.text()
  return { ms: performance.now() - started, status: res.status, body, headers: [...res.headers.entries()] }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0)) / 2
}

/** Active members' addresses, from the end of the list (the RSVP probe takes them from its start). */
async function memberAddresses(count: number, offset = 0): Promise<string[]> {
  const members = await t.database.db
    .selectFrom('members')
    .select('email')
    .where('organization_id', '=', t.demo.organizationId)
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .limit(count)
    .offset(offset)
    .execute()
  return members.map((member) => member.email ?? '')
}

/** The e-mails enqueued for these addresses' members, by template: what tells which way each sign-up went. */
async function emailsEnqueued(addresses: string[]): Promise<Record<string, number>> {
  const { rows } = await sql<{ template: string; count: number }>`
    select job.data->>'template' as template, count(*)::int as count
    from pgboss.job join members on members.id = job.data->>'memberId'
    where job.name = 'send-email' and members.organization_id = ${t.demo.organizationId}
      and members.email = any(${addresses})
    group by 1`.execute(t.database.db)
  return Object.fromEntries(rows.map((row) => [row.template, row.count]))
}

/** Every statement Kysely sends for one sign-up, as SQL (values apart). pg-boss writes its job beside it. */
async function statementsOf(email: string, headers: Record<string, string> = {}): Promise<string[]> {
  const statements: string[] = []
  const compiler = new PostgresQueryCompiler()
  const recorder: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      statements.push(compiler.compileQuery(node, queryId).sql)
      return node
    },
    transformResult: async ({ result }) => result,
  }
  const app = createApp({ db: t.database.db.withPlugin(recorder), config: { publicUrl: testPublicUrl } })
  const res = await app.request(`${testPublicUrl}/v1/signups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.demo.publishableKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(signup(email)),
  })
  expect(res.status).toBe(202)
  return statements
}

describe('what answers give away', () => {
  it('does the same database work for a known and an unknown address: the same statements, in the same order', async () => {
    const run = Date.now()
    const [member, keyedMember] = await memberAddresses(2, timingAttempts * signupPairs + 1)
    const stranger = `inconnu.sql.${run}@example.org`
    const keyedStranger = `inconnu.sql.cle.${run}@example.org`
    const known = await statementsOf(member ?? '')
    expect(known.some((statement) => statement.includes('insert into "members"'))).toBe(true)
    expect(known).toEqual(await statementsOf(stranger))
    // Under an Idempotency-Key too, where the sign-up runs in the transaction that stores the answer.
    const keyed = await statementsOf(keyedMember ?? '', { 'idempotency-key': `connu-${run}` })
    expect(keyed.some((statement) => statement.includes('insert into "idempotency_keys"'))).toBe(true)
    expect(keyed).toEqual(await statementsOf(keyedStranger, { 'idempotency-key': `inconnu-${run}` }))
    expect(await emailsEnqueued([member ?? '', keyedMember ?? ''])).toEqual({ 'already-member': 2 })
    expect(await emailsEnqueued([stranger, keyedStranger])).toEqual({ 'signup-confirmation': 2 })
  })

  it('answers a sign-up with a known or an unknown address alike: status, headers, bytes and time', async () => {
    const run = Date.now()
    const [warmMember = '', ...members] = await memberAddresses(timingAttempts * signupPairs + 1)
    const strangers = members.map((_, i) => `inconnu.${i}.${run}@example.org`)
    expect(members).toHaveLength(timingAttempts * signupPairs)
    // Both ways once first: the first request of a kind pays for plans and caches.
    await timed(warmMember)
    await timed(`echauffement.${run}@example.org`)
    // Same statements both ways (above): what is left to differ is the row written. Medians of 60
    // interleaved pairs put one way above the other by 1.00 to 1.16 on PGlite and PostgreSQL alike, either
    // way round, with the 2 cores at load 2 to 3, and by up to 1.21 with other work at load 6 to 12.
    // A slowdown of the machine can widen one measurement, more work widens every one: up to three are
    // taken, and the best must stay under 1.25. That fails a way that waits on a lock or on mail; a few
    // round trips more hide in this noise (ten `select 1` measured 1.12 to 1.45), which is why the
    // statements themselves are compared first.
    const bound = 1.25
    const ratios: number[] = []
    const used: string[] = []
    for (let attempt = 0; attempt < timingAttempts && !ratios.some((ratio) => ratio < bound); attempt++) {
      const pairs = Array.from({ length: signupPairs }, (_, i) => attempt * signupPairs + i)
      const known: Awaited<ReturnType<typeof timed>>[] = []
      const unknown: Awaited<ReturnType<typeof timed>>[] = []
      // Interleaved, so that a slowdown of the machine weighs on both alike, and in alternating order,
      // so that neither always follows the other.
      for (const i of pairs) {
        if (i % 2 === 0) known.push(await timed(members[i] ?? ''))
        unknown.push(await timed(strangers[i] ?? ''))
        if (i % 2 === 1) known.push(await timed(members[i] ?? ''))
        used.push(members[i] ?? '')
      }
      const [reference] = known
      for (const answer of [...known, ...unknown]) {
        expect(answer.status).toBe(202)
        expect(answer.body).toBe(reference?.body)
        expect(answer.headers).toEqual(reference?.headers)
      }
      const [knownMs, unknownMs] = [median(known.map((a) => a.ms)), median(unknown.map((a) => a.ms))]
      ratios.push(Math.max(knownMs, unknownMs) / Math.min(knownMs, unknownMs))
    }
    // Each took its own way: members were told they already are, strangers were asked to confirm.
    const asked = strangers.slice(0, used.length)
    expect(await emailsEnqueued(used)).toEqual({ 'already-member': used.length })
    expect(await emailsEnqueued(asked)).toEqual({ 'signup-confirmation': used.length })
    expect(Math.min(...ratios), `medians' ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`).toBeLessThan(bound)
  })

  it('answers an RSVP alike for a new address, a member, a waiting request or a place held, and moves no count', async () => {
    const db = t.database.db
    const [participation] = await currentConsentTexts(db, t.demo.organizationId, {
      purpose: 'event_participation',
      language: 'fr',
    })
    const section = await db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'public')
      .where('kind', '=', 'section')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const starts = Date.now() + 7 * 86_400_000
    const created = await t.call('POST', '/v1/initiatives', {
      key: t.demo.secretKey,
      body: {
        group_id: section.id,
        kind: 'meeting',
        title: 'Réunion publique',
        starts_at: new Date(starts).toISOString(),
        ends_at: new Date(starts + 3_600_000).toISOString(),
        location: { postcode: '75011' },
        capacity: 100,
        publish: true,
      },
    })
    const initiativeId = ((await created.json()) as { id: string }).id
    const path = `/v1/initiatives/${initiativeId}/rsvps`
    const body = (email: string) => ({
      email,
      given_name: 'Sonde',
      family_name: 'Curieuse',
      postcode: '75011',
      consents: [{ purpose: 'event_participation', text_id: participation?.id }],
    })
    const run = Date.now()
    // Places held for real, given by the organization's server; requests already waiting for their link.
    const holding = Array.from({ length: rounds }, (_, i) => `inscrit.${i}.${run}@example.org`)
    const waiting = Array.from({ length: rounds }, (_, i) => `en.attente.${i}.${run}@example.org`)
    for (const email of holding)
      expect((await t.call('POST', path, { key: t.demo.secretKey, body: body(email) })).status).toBe(201)
    for (const email of waiting) expect((await t.call('POST', path, { body: body(email) })).status).toBe(202)
    const seen = async () => {
      const [shown, stats] = await Promise.all([
        t.call('GET', `/v1/initiatives/${initiativeId}`),
        t.call('GET', `/v1/stats?initiative=${initiativeId}`),
      ])
      return { etag: shown.headers.get('etag'), initiative: await shown.text(), stats: await stats.text() }
    }
    const before = await seen()

    const ask = async (email: string) => {
      const started = performance.now()
      const res = await t.call('POST', path, { body: body(email) })
      const text = await res.text()
      return { ms: performance.now() - started, status: res.status, body: text, headers: [...res.headers.entries()] }
    }
    await ask(`echauffement.${run}@example.org`)
    const kinds = { unknown: [] as Awaited<ReturnType<typeof ask>>[], member: [], waiting: [], holding: [] } as Record<
      'unknown' | 'member' | 'waiting' | 'holding',
      Awaited<ReturnType<typeof ask>>[]
    >
    // Interleaved, so that a slowdown of the machine weighs on all alike.
    for (let i = 0; i < rounds; i++) {
      kinds.unknown.push(await ask(`inconnu.rsvp.${i}.${run}@example.org`))
      kinds.member.push(await ask(knownEmails[i] ?? ''))
      kinds.waiting.push(await ask(waiting[i] ?? ''))
      kinds.holding.push(await ask(holding[i] ?? ''))
    }
    const reference = kinds.unknown[0]
    expect(reference?.status).toBe(202)
    for (const [kind, answers] of Object.entries(kinds)) {
      for (const answer of answers) {
        expect(answer.status, kind).toBe(202)
        // Byte for byte: the body names only the initiative asked about, the headers hold no ETag or Location.
        expect(answer.body, kind).toBe(reference?.body)
        expect(answer.headers, kind).toEqual(reference?.headers)
      }
    }
    // Places left, counts, ETag and statistics did not move for anyone.
    expect(await seen()).toEqual(before)
    const medians = Object.values(kinds).map((answers) => median(answers.map((a) => a.ms)))
    expect(Math.max(...medians) / Math.min(...medians)).toBeLessThan(3)
  })

  it('answers public reads of a private group exactly as those of a group that does not exist', async () => {
    const missing = privateGroup.replace(/_(.*)$/, (_, rest: string) => `_${'0'.repeat(rest.length)}`)
    const probes = [
      (id: string) => `/v1/groups/${id}`,
      (id: string) => `/v1/groups/${id}/calendar.ics`,
      (id: string) => `/v1/initiatives?group=${id}`,
      (id: string) => `/v1/activity?group=${id}`,
      (id: string) => `/v1/stats?group=${id}`,
    ]
    for (const probe of probes) {
      const [hidden, absent] = await Promise.all([privateGroup, missing].map((id) => answer(probe(id), id)))
      expect(hidden?.status, probe('…')).toBe(404)
      expect(hidden, probe('…')).toEqual(absent)
    }
  })

  it('answers public reads of an unpublished initiative exactly as those of one that does not exist', async () => {
    const missing = draftInitiative.replace(/_(.*)$/, (_, rest: string) => `_${'0'.repeat(rest.length)}`)
    for (const probe of [
      (id: string) => `/v1/initiatives/${id}`,
      (id: string) => `/v1/initiatives/${id}/calendar.ics`,
      (id: string) => `/v1/stats?initiative=${id}`,
    ]) {
      const [hidden, absent] = await Promise.all([draftInitiative, missing].map((id) => answer(probe(id), id)))
      expect(hidden?.status, probe('…')).toBe(404)
      expect(hidden, probe('…')).toEqual(absent)
    }
  })
})

// The answer with the id it was asked about masked: a detail may quote what the caller sent.
async function answer(path: string, id: string) {
  const res = await t.call('GET', path)
  return {
    status: res.status,
    headers: [...res.headers.entries()],
    body: (await res.text()).replaceAll(id, '<id>'),
  }
}
