import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentConsentTexts } from '../src/domain/consent/texts.js'
import { openTestApp, type TestContext } from './app.js'

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

describe('what answers give away', () => {
  it('answers a sign-up with a known or an unknown address alike: status, headers, bytes and roughly time', async () => {
    await timed('echauffement@example.org')
    const known: Awaited<ReturnType<typeof timed>>[] = []
    const unknown: Awaited<ReturnType<typeof timed>>[] = []
    // Interleaved, so that a slowdown of the machine weighs on both alike.
    for (let i = 0; i < rounds; i++) {
      known.push(await timed(knownEmails[i] ?? ''))
      unknown.push(await timed(`inconnu.${i}.${Date.now()}@example.org`))
    }
    const [reference] = known
    for (const answer of [...known, ...unknown]) {
      expect(answer.status).toBe(202)
      expect(answer.body).toBe(reference?.body)
      expect(answer.headers).toEqual(reference?.headers)
    }
    // A smoke check, not a proof: in-process timings on a shared machine are noisy, so only a gross
    // difference (one path doing much more work, or waiting on mail) fails it.
    const [knownMs, unknownMs] = [median(known.map((a) => a.ms)), median(unknown.map((a) => a.ms))]
    expect(Math.max(knownMs, unknownMs) / Math.min(knownMs, unknownMs)).toBeLessThan(3)
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
