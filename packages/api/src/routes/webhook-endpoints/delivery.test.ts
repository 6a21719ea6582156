import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { publicSection } from '../../../test/demo-groups.js'
import { createApp } from '../../app.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { signUp } from '../../domain/signups/sign-up.js'
import { deliverWebhookJobWith } from '../../jobs/handlers/deliver-webhook.js'
import { eventually, startTestWorker, type TestWorker } from '../../jobs/test-worker.js'
import { TestReceiver } from './test-receiver.js'

interface Endpoint {
  id: string
  secret: string
  enabled: boolean
  disabled_reason: string | null
}
interface Delivery {
  id: string
  event_type: string
  status: string
  attempts: number
  last_status_code: number | null
  attempt_log: { attempt: number; status_code: number | null; error: string | null }[]
}

let t: TestContext
let worker: TestWorker
let call: (method: string, path: string, body?: unknown, key?: string) => Promise<Response>
let sectionId: string
let participationText: string
let membershipText: string

// The Standard Webhooks schedule, 5,000 times faster: 0, 1 ms, 60 ms, 0.36 s, 1.4 s, 3.6 s, 7.2 s, 7.2 s.
const retryScale = 0.0002

beforeAll(async () => {
  t = await openTestApp()
  const app = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl, webhooks: { allowPrivate: true } } })
  call = (method, path, body, key = t.demo.secretKey) =>
    Promise.resolve(
      app.request(`${testPublicUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
  sectionId = (await publicSection(t)).id
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  participationText = texts.find((text) => text.purpose === 'event_participation')?.id ?? ''
  membershipText = texts.find((text) => text.purpose === 'membership')?.id ?? ''
  worker = await startTestWorker(t.database, {
    definitions: [deliverWebhookJobWith({ allowPrivate: true, retryScale, timeoutMs: 3000 })],
  })
})
afterAll(async () => {
  await worker.stop()
  await t.close()
})

async function endpointFor(receiver: TestReceiver, event_types: string[]): Promise<Endpoint> {
  const res = await call('POST', '/v1/webhook-endpoints', { url: receiver.url, event_types })
  expect(res.status).toBe(201)
  return (await res.json()) as Endpoint
}

async function deliveries(endpoint: Endpoint, query = 'limit=100'): Promise<Delivery[]> {
  const res = await call('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries?${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { data: Delivery[] }).data
}

async function newInitiative(title: string, publish: boolean): Promise<string> {
  const starts = new Date(t.now.getTime() + 10 * 86_400_000)
  const res = await call('POST', '/v1/initiatives', {
    group_id: sectionId,
    kind: 'meeting',
    title,
    starts_at: starts.toISOString(),
    ends_at: new Date(starts.getTime() + 7_200_000).toISOString(),
    location: { postcode: '75011' },
    publish,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

/** Waits until every delivery of the endpoint is settled (succeeded or failed). */
function settled(endpoint: Endpoint, count: number, timeoutMs = 15_000) {
  return eventually(async () => {
    const all = await deliveries(endpoint)
    return all.length === count && all.every((d) => d.status !== 'pending') ? all : undefined
  }, timeoutMs)
}

describe('events caused by writes', () => {
  it('delivers initiative.published and initiative.cancelled, signed, and logs the attempt', async () => {
    const receiver = await TestReceiver.start()
    const endpoint = await endpointFor(receiver, ['initiative.published', 'initiative.cancelled'])
    const id = await newInitiative('Réunion publique : les transports', false)
    expect((await call('POST', `/v1/initiatives/${id}/publish`)).status).toBe(200)
    // A refused write sends nothing: the second publication answers 409.
    expect((await call('POST', `/v1/initiatives/${id}/publish`)).status).toBe(409)
    expect((await call('POST', `/v1/initiatives/${id}/cancel`)).status).toBe(200)
    const log = await settled(endpoint, 2)
    expect(log.map((d) => d.event_type)).toEqual(['initiative.cancelled', 'initiative.published'])
    expect(log.every((d) => d.status === 'succeeded' && d.attempts === 1 && d.last_status_code === 204)).toBe(true)
    expect(log[0]?.attempt_log).toMatchObject([{ attempt: 1, status_code: 204, error: null }])
    expect(receiver.received.map((r) => r.type)).toEqual(['initiative.published', 'initiative.cancelled'])
    expect(receiver.received.every((r) => r.validWith(endpoint.secret))).toBe(true)
    expect(receiver.received[0]?.data).toMatchObject({
      initiative_id: id,
      group_id: sectionId,
      title: 'Réunion publique : les transports',
      status: 'published',
    })
    expect(receiver.received.map((r) => r.id).sort()).toEqual(log.map((d) => d.id).sort())
    await receiver.stop()
    await call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)
  })

  it('delivers rsvp.created, member.confirmed and group.created, with the member by id only', async () => {
    const receiver = await TestReceiver.start()
    const endpoint = await endpointFor(receiver, ['rsvp.created', 'member.confirmed', 'group.created'])
    const initiativeId = await newInitiative('Porte-à-porte', true)
    // The organization's server registers someone: the place, and rsvp.created, come at once (a public
    // form's RSVP would send it when its e-mail link is followed).
    const rsvp = await call('POST', `/v1/initiatives/${initiativeId}/rsvps`, {
      email: 'webhook.rsvp@example.org',
      given_name: 'Camille',
      family_name: 'Martin',
      postcode: '75011',
      consents: [{ purpose: 'event_participation', text_id: participationText }],
    })
    expect(rsvp.status).toBe(201)
    const rsvpId = ((await rsvp.json()) as { id: string }).id
    const enrolment = await signUp(t.database.db, {
      organizationId: t.demo.organizationId,
      person: { email: 'webhook.signup@example.org', given_name: 'Alix', family_name: 'Durand', postcode: '69003' },
      groupId: sectionId,
      consents: [{ purpose: 'membership', text_id: membershipText }],
      source: {},
    })
    const confirmed = await call(
      'POST',
      '/v1/confirmations',
      { token: enrolment.confirmationToken },
      t.demo.publishableKey,
    )
    expect(confirmed.status).toBe(200)
    const group = await call('POST', '/v1/groups', {
      kind: 'thematic',
      name: 'Cellule webhooks',
      visibility: 'private',
    })
    expect(group.status).toBe(201)
    const groupId = ((await group.json()) as { id: string }).id
    await settled(endpoint, 3)
    const byType = Object.fromEntries(receiver.received.map((r) => [r.type, r.data]))
    expect(byType['rsvp.created']).toEqual({
      rsvp_id: rsvpId,
      initiative_id: initiativeId,
      member_id: expect.stringMatching(/^mem_/),
      status: 'going',
    })
    expect(byType['member.confirmed']).toEqual({
      member_id: enrolment.member.id,
      purpose: 'signup',
      group_id: sectionId,
      initiative_id: null,
    })
    expect(byType['group.created']).toMatchObject({ group_id: groupId, visibility: 'private', kind: 'thematic' })
    expect(JSON.stringify(receiver.received.map((r) => r.data))).not.toContain('@')
    expect(receiver.received.every((r) => r.validWith(endpoint.secret))).toBe(true)
    await receiver.stop()
    await call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)
  })
})

describe('erasure', () => {
  it('tells the CRM that a member was erased, by id only, so that it erases them too', async () => {
    const receiver = await TestReceiver.start()
    const endpoint = await endpointFor(receiver, ['member.erased'])
    const member = await t.database.db
      .selectFrom('members')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'active')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect((await call('DELETE', `/v1/members/${member.id}`)).status).toBe(204)
    await settled(endpoint, 1)
    expect(receiver.received.map((r) => [r.type, r.data])).toEqual([['member.erased', { member_id: member.id }]])
    expect(receiver.received.every((r) => r.validWith(endpoint.secret))).toBe(true)
    await receiver.stop()
    await call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)
  })
})

describe('rotation', () => {
  it('signs with both secrets for the overlap, then with the new one only', async () => {
    const receiver = await TestReceiver.start()
    const endpoint = await endpointFor(receiver, ['group.created'])
    const rotated = (await (
      await call('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)
    ).json()) as Endpoint
    expect((await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`)).status).toBe(202)
    await settled(endpoint, 1)
    const during = receiver.received[0]
    expect(during?.type).toBe('webhook.test')
    expect(during?.signatures).toHaveLength(2)
    expect(during?.validWith(rotated.secret)).toBe(true)
    expect(during?.validWith(endpoint.secret)).toBe(true)
    // 24 hours later: the previous secret has expired.
    await t.database.db
      .updateTable('webhook_endpoints')
      .set({ previous_secret_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', endpoint.id)
      .execute()
    await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`)
    await settled(endpoint, 2)
    const after = receiver.received[1]
    expect(after?.signatures).toHaveLength(1)
    expect(after?.validWith(rotated.secret)).toBe(true)
    expect(after?.validWith(endpoint.secret)).toBe(false)
    await receiver.stop()
    await call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)
  })
})

describe('a receiver down for a while', () => {
  it('gets every event once when it comes back, every signature valid', async () => {
    const receiver = await TestReceiver.start()
    const endpoint = await endpointFor(receiver, ['initiative.published'])
    receiver.answer = () => 503
    const events = 12
    const published: string[] = []
    for (let n = 0; n < events; n++) published.push(await newInitiative(`Réunion ${n + 1}`, true))
    // Down with 503 answers until every event was refused twice, then off the network until every
    // event failed to connect at least once more.
    const attemptsOf = async () => new Map((await deliveries(endpoint)).map((d) => [d.id, d.attempts]))
    await eventually(async () => ([...(await attemptsOf()).values()].every((n) => n >= 2) ? true : undefined))
    await receiver.stop()
    const atStop = await attemptsOf()
    await eventually(async () => {
      const now = await attemptsOf()
      return [...atStop].every(([id, n]) => (now.get(id) ?? 0) > n) ? true : undefined
    }, 20_000)
    receiver.answer = () => 204
    await receiver.restart()
    const log = await settled(endpoint, events, 30_000)

    const delivered = receiver.deliveredCounts()
    const duplicates = [...delivered.values()].reduce((sum, n) => sum + n - 1, 0)
    const invalid = receiver.received.filter((r) => !r.validWith(endpoint.secret)).length
    const refusedAttempts = log.flatMap((d) => d.attempt_log).filter((a) => a.status_code !== 204)
    console.log(
      `[${t.database.kind}] down then back: ${events} events, ${log.length} deliveries, ` +
        `${receiver.received.length} requests received (${delivered.size} distinct delivered), ` +
        `${refusedAttempts.length} failed attempts logged (${refusedAttempts.filter((a) => a.status_code === 503).length} × 503, ` +
        `${refusedAttempts.filter((a) => a.status_code === null).length} × no connection), ` +
        `${duplicates} duplicates, ${invalid} invalid signatures`,
    )
    expect(log.every((d) => d.status === 'succeeded')).toBe(true)
    expect(delivered.size).toBe(events)
    expect(duplicates).toBe(0)
    expect(invalid).toBe(0)
    const deliveredIds = new Set(receiver.received.filter((r) => r.answered === 204).map((r) => r.data.initiative_id))
    expect([...deliveredIds].sort()).toEqual([...published].sort())
    expect(log.every((d) => d.attempt_log.filter((a) => a.status_code === 204).length === 1)).toBe(true)
    expect(refusedAttempts.some((a) => a.status_code === null && a.error)).toBe(true)
    await receiver.stop()
    await call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)
  }, 60_000)
})

describe('410 Gone', () => {
  it('disables the endpoint with the reason, and nothing more is sent to it', async () => {
    const receiver = await TestReceiver.start()
    receiver.answer = () => 410
    const endpoint = await endpointFor(receiver, ['initiative.published'])
    await newInitiative('Réunion annulée côté CRM', true)
    const [gone] = await settled(endpoint, 1)
    expect(gone).toMatchObject({ status: 'failed', attempts: 1, last_status_code: 410 })
    const after = (await (await call('GET', `/v1/webhook-endpoints/${endpoint.id}`)).json()) as Endpoint
    expect(after.enabled).toBe(false)
    expect(after.disabled_reason).toContain('410 Gone')
    await newInitiative('Réunion suivante', true)
    expect(await deliveries(endpoint)).toHaveLength(1)
    const test = await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`)
    expect(test.status).toBe(409)
    expect(receiver.received).toHaveLength(1)
    await receiver.stop()
  })
})
