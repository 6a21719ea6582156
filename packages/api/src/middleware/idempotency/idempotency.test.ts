import { Hono } from 'hono'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { onError } from '../problem-details/index.js'
import { idempotency } from './index.js'

let t: TestContext
let membershipText: string
let participationText: string
let initiativeId: string
let serial = 0
beforeAll(async () => {
  t = await openTestApp()
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  membershipText = texts.find((text) => text.purpose === 'membership')?.id ?? ''
  participationText = texts.find((text) => text.purpose === 'event_participation')?.id ?? ''
  const initiative = await t.database.db
    .selectFrom('initiatives')
    .select('id')
    .where('organization_id', '=', t.demo.organizationId)
    .where('status', '=', 'published')
    .where('capacity', 'is', null)
    .where('starts_at', '>', new Date())
    .orderBy('id')
    .executeTakeFirstOrThrow()
  initiativeId = initiative.id
})
afterAll(() => t.close())

const uniqueKey = () => `test-${++serial}-${Date.now()}`

const signup = (email: string) => ({
  email,
  given_name: 'Idem',
  family_name: 'Potent',
  postcode: '75011',
  consents: [{ purpose: 'membership', text_id: membershipText }],
})

const person = (email: string) => ({
  email,
  given_name: 'Rejoue',
  family_name: 'Essai',
  postcode: '75011',
  consents: [{ purpose: 'event_participation', text_id: participationText }],
})

const postSignup = (key: string, body: unknown, callKey?: string) =>
  t.call('POST', '/v1/signups', { body, headers: { 'idempotency-key': key }, ...(callKey ? { key: callKey } : {}) })

const postRsvp = (key: string, body: unknown) =>
  t.call('POST', `/v1/initiatives/${initiativeId}/rsvps`, { body, headers: { 'idempotency-key': key } })

async function membersWith(email: string) {
  const rows = await t.database.db
    .selectFrom('members')
    .select('id')
    .where('email_normalized', '=', email.toLowerCase())
    .execute()
  return rows.length
}

/** The RSVP requests recorded for an address (a public RSVP takes its place only when its e-mail link is followed). */
async function rsvpRequestsOf(email: string) {
  const rows = await t.database.db
    .selectFrom('confirmations')
    .innerJoin('members', (join) =>
      join
        .onRef('members.organization_id', '=', 'confirmations.organization_id')
        .onRef('members.id', '=', 'confirmations.member_id'),
    )
    .select('confirmations.token_hash')
    .where('members.email_normalized', '=', email.toLowerCase())
    .where('confirmations.purpose', '=', 'rsvp')
    .execute()
  return rows.length
}

async function storedKeys(key: string) {
  const rows = await t.database.db
    .selectFrom('idempotency_keys')
    .select('status')
    .where('idempotency_key', '=', key)
    .execute()
  return rows.length
}

describe('Idempotency-Key on public writes', () => {
  it('replays the first answer, status, headers and bytes, without writing again', async () => {
    const key = uniqueKey()
    const body = person('rejoue.rsvp@example.org')
    const first = await postRsvp(key, body)
    expect(first.status).toBe(202)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    const firstText = await first.text()

    const again = await postRsvp(key, body)
    expect(again.status).toBe(202)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'))
    expect(again.headers.get('cache-control')).toBe('no-store')
    expect(await again.text()).toBe(firstText)
    expect(await rsvpRequestsOf('rejoue.rsvp@example.org')).toBe(1)
  })

  it('keeps the stored answer in the transaction of the write: one member, one e-mail job', async () => {
    const key = uniqueKey()
    const email = 'rejoue.signup@example.org'
    const jobs = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from pgboss.job where name = 'send-email'`.execute(
            t.database.db,
          )
        ).rows[0]?.n,
      )
    const before = await jobs()
    const answers = [await postSignup(key, signup(email)), await postSignup(key, signup(email))]
    expect(answers.map((res) => res.status)).toEqual([202, 202])
    expect(answers.map((res) => res.headers.get('idempotent-replayed'))).toEqual([null, 'true'])
    expect(await membersWith(email)).toBe(1)
    expect(await jobs()).toBe(before + 1)
    expect(await storedKeys(key)).toBe(1)
  })

  it('refuses the same key with another body (422) and writes nothing', async () => {
    const key = uniqueKey()
    expect((await postSignup(key, signup('premier.corps@example.org'))).status).toBe(202)
    const other = await postSignup(key, signup('second.corps@example.org'))
    expect(other.status).toBe(422)
    expect(other.headers.get('content-type')).toBe('application/problem+json')
    expect(await other.json()).toMatchObject({ status: 422, detail: expect.stringContaining('another request') })
    expect(await membersWith('second.corps@example.org')).toBe(0)
  })

  it('stores no refusal: a validation error leaves the key free for the corrected request', async () => {
    const key = uniqueKey()
    const email = 'corrige.ensuite@example.org'
    const invalid = await postSignup(key, { ...signup(email), postcode: '750' })
    expect(invalid.status).toBe(400)
    expect(await storedKeys(key)).toBe(0)
    expect(await membersWith(email)).toBe(0)
    const fixed = await postSignup(key, signup(email))
    expect(fixed.status).toBe(202)
    expect(fixed.headers.get('idempotent-replayed')).toBeNull()
    expect(await membersWith(email)).toBe(1)
  })

  it('rolls back what a refused request wrote before failing, and stores nothing', async () => {
    const key = uniqueKey()
    // A private group is refused after the person was validated: a 400 from the domain, not the schema.
    const hidden = await t.database.db
      .selectFrom('groups')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('visibility', '=', 'private')
      .executeTakeFirstOrThrow()
    const res = await postSignup(key, { ...signup('groupe.prive@example.org'), group_id: hidden.id })
    expect(res.status).toBe(400)
    expect(await storedKeys(key)).toBe(0)
    expect(await membersWith('groupe.prive@example.org')).toBe(0)
  })

  it('lets exactly one of ten simultaneous duplicates write; the others replay it or hear 409, never 5xx', async () => {
    const key = uniqueKey()
    const email = 'dix.fois@example.org'
    const answers = await Promise.all(Array.from({ length: 10 }, () => postRsvp(key, person(email))))
    const statuses = answers.map((res) => res.status)
    expect(statuses.every((status) => status === 202 || status === 409)).toBe(true)
    const originals = answers.filter((res) => res.status === 202 && !res.headers.get('idempotent-replayed'))
    expect(originals).toHaveLength(1)
    for (const res of answers.filter((r) => r.status === 409)) {
      expect(res.headers.get('retry-after')).toBe('1')
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    const bodies = new Set(await Promise.all(answers.filter((r) => r.status === 202).map((r) => r.text())))
    expect(bodies.size).toBe(1)
    expect(await rsvpRequestsOf(email)).toBe(1)
  })

  it('scopes keys per API key: another key (or organization) with the same Idempotency-Key runs anew', async () => {
    const key = uniqueKey()
    expect((await postSignup(key, signup('portee.cle@example.org'))).status).toBe(202)
    const bySecret = await postSignup(key, signup('portee.cle@example.org'), t.demo.secretKey)
    expect(bySecret.status).toBe(202)
    expect(bySecret.headers.get('idempotent-replayed')).toBeNull()
    const otherText = await currentConsentTexts(t.database.db, t.other.organizationId, { language: 'fr' })
    const foreign = await postSignup(
      key,
      {
        ...signup('portee.cle@example.org'),
        consents: [{ purpose: 'membership', text_id: otherText.find((x) => x.purpose === 'membership')?.id }],
      },
      t.other.publishableKey,
    )
    expect(foreign.status).toBe(202)
    expect(foreign.headers.get('idempotent-replayed')).toBeNull()
    expect(await storedKeys(key)).toBe(3)
  })

  it('forgets answers after 24 hours', async () => {
    const key = uniqueKey()
    expect((await postSignup(key, signup('oublie.apres@example.org'))).status).toBe(202)
    const stored = await t.database.db
      .selectFrom('idempotency_keys')
      .select(sql<number>`extract(epoch from expires_at - created_at)`.as('kept'))
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow()
    expect(Number(stored.kept)).toBe(24 * 3600)
    await t.database.db
      .updateTable('idempotency_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('idempotency_key', '=', key)
      .execute()
    const later = await postSignup(key, signup('autre.corps.plus.tard@example.org'))
    expect(later.status).toBe(202)
    expect(later.headers.get('idempotent-replayed')).toBeNull()
    expect(await storedKeys(key)).toBe(1)
  })

  it('refuses malformed keys with a problem', async () => {
    for (const bad of ['', 'a'.repeat(256), 'espace interdite', 'clé']) {
      const res = await t.call('POST', '/v1/signups', {
        body: signup('cle.invalide@example.org'),
        headers: { 'idempotency-key': bad },
      })
      expect(res.status, JSON.stringify(bad)).toBe(400)
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('header.idempotency-key')
    }
    expect(await membersWith('cle.invalide@example.org')).toBe(0)
  })

  it('releases the key when the handler fails: the retry runs again instead of waiting or replaying', async () => {
    let fail = true
    const app = new Hono()
    app.use('*', async (c, next) => {
      c.set('db', t.database.db)
      c.set('caller', { organizationId: t.demo.organizationId, keyId: 'key_test', kind: 'secret', scopes: [] })
      await next()
    })
    app.post('/write', idempotency(), async (c) => {
      await c.var.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('rate_limit_counters')
          .values({ bucket: 'idempotency-test', window_start: new Date(0), hits: 1, expires_at: new Date() })
          .execute()
      })
      if (fail) throw new Error('the handler broke after its write')
      return c.json({ written: true }, 201)
    })
    app.onError(onError)
    const send = () => app.request('/write', { method: 'POST', body: '{}', headers: { 'idempotency-key': 'crash-1' } })
    const written = async () =>
      (
        await t.database.db
          .selectFrom('rate_limit_counters')
          .select('hits')
          .where('bucket', '=', 'idempotency-test')
          .execute()
      ).length

    const errors: unknown[] = []
    const log = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      expect((await send()).status).toBe(500)
    } finally {
      console.error = log
    }
    expect(errors).toHaveLength(1)
    expect(await written()).toBe(0)
    fail = false
    const retried = await send()
    expect(retried.status).toBe(201)
    expect(retried.headers.get('idempotent-replayed')).toBeNull()
    expect(await written()).toBe(1)
    expect((await send()).headers.get('idempotent-replayed')).toBe('true')
  })
})
