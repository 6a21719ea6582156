import { solveChallenge } from 'altcha-lib/v1'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import type { ConsentText } from '../../db/types.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { issueChallenge, type ProofOfWorkSettings } from '../../domain/proof-of-work/challenge.js'

let t: TestContext
let texts: ConsentText[]
beforeAll(async () => {
  t = await openTestApp()
  texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
})
afterAll(() => t.close())

interface Challenge {
  algorithm: string
  challenge: string
  maxnumber: number
  salt: string
  signature: string
}

const quick: ProofOfWorkSettings = { maxNumber: 2_000, minFillMs: 0, ttlMs: 60_000 }

/** The app of a server that asks public forms for a solved challenge, on the test's database. */
function guarded(settings: ProofOfWorkSettings = quick) {
  const app = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl, proofOfWork: settings } })
  return (method: string, path: string, body?: unknown) =>
    app.request(`${testPublicUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${t.demo.publishableKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
}

async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise
  expect(solution).not.toBeNull()
  const { algorithm, salt, signature } = challenge
  const payload = { algorithm, challenge: challenge.challenge, number: solution?.number, salt, signature }
  return Buffer.from(JSON.stringify(payload)).toString('base64')
}

async function fetchAndSolve(call = guarded()) {
  const res = await call('GET', '/v1/challenge')
  expect(res.status).toBe(200)
  return solve((await res.json()) as Challenge)
}

let counter = 0
function signup(proof?: string, overrides: Record<string, unknown> = {}) {
  counter++
  const membership = texts.find((text) => text.purpose === 'membership')?.id
  return {
    email: `robot.ou.pas.${counter}@example.org`,
    given_name: 'Camille',
    family_name: 'Essai',
    postcode: '75011',
    consents: [{ purpose: 'membership', text_id: membership }],
    ...(proof === undefined ? {} : { proof }),
    ...overrides,
  }
}

const members = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

async function expectRefused(res: Response, detail: RegExp) {
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
  const problem = (await res.json()) as { detail: string; errors?: { path: string }[] }
  expect(problem.detail).toMatch(detail)
  expect(problem.errors?.[0]?.path).toBe('proof')
}

describe('GET /v1/challenge', () => {
  it('hands out a signed SHA-256 challenge, never cached, that a client can solve', async () => {
    const res = await t.call('GET', '/v1/challenge')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const challenge = (await res.json()) as Challenge
    expect(challenge.algorithm).toBe('SHA-256')
    expect(challenge.challenge).toMatch(/^[0-9a-f]{64}$/)
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/)
    expect(challenge.maxnumber).toBe(100_000)
    expect(challenge.salt).toMatch(/issued=\d+/)
    expect(challenge.salt).toMatch(/expires=\d+/)
  })

  it('needs a key', async () => {
    expect((await t.call('GET', '/v1/challenge', { key: null })).status).toBe(401)
  })
})

describe('proof of work on public forms', () => {
  it('refuses a sign-up without a solved challenge, and records nothing', async () => {
    const before = await members()
    await expectRefused(await guarded()('POST', '/v1/signups', signup()), /GET \/v1\/challenge/)
    expect(await members()).toBe(before)
  })

  it('accepts a solution once: a replay is refused, on any process of the same database', async () => {
    const proof = await fetchAndSolve()
    expect((await guarded()('POST', '/v1/signups', signup(proof))).status).toBe(202)
    await expectRefused(await guarded()('POST', '/v1/signups', signup(proof)), /already used/)
  })

  it('refuses a wrong number, a foreign signature and garbage, with 400 and never 500', async () => {
    const proof = await fetchAndSolve()
    const payload = JSON.parse(Buffer.from(proof, 'base64').toString()) as { number: number; signature: string }
    const wrong = Buffer.from(JSON.stringify({ ...payload, number: payload.number + 1 })).toString('base64')
    await expectRefused(await guarded()('POST', '/v1/signups', signup(wrong)), /does not solve/)
    const forged = Buffer.from(JSON.stringify({ ...payload, signature: 'ab'.repeat(32) })).toString('base64')
    await expectRefused(await guarded()('POST', '/v1/signups', signup(forged)), /does not solve/)
    for (const garbage of ['!!!', Buffer.from('not json').toString('base64'), Buffer.from('{}').toString('base64')]) {
      await expectRefused(await guarded()('POST', '/v1/signups', signup(garbage)), /not a solved challenge/)
    }
  })

  it('refuses a form sent sooner after its challenge than a person could fill it', async () => {
    const slow = guarded({ ...quick, minFillMs: 60_000 })
    const proof = await fetchAndSolve(slow)
    await expectRefused(await slow('POST', '/v1/signups', signup(proof)), /too quickly/)
  })

  it('refuses an expired challenge', async () => {
    const old = await issueChallenge(t.database.db, quick, new Date(Date.now() - 2 * quick.ttlMs))
    await expectRefused(await guarded()('POST', '/v1/signups', signup(await solve(old))), /expired/)
  })

  it('guards RSVPs the same way', async () => {
    const initiative = await t.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'published')
      .where('starts_at', '>', new Date())
      .where('capacity', 'is', null)
      .executeTakeFirstOrThrow()
    const participation = texts.find((text) => text.purpose === 'event_participation')?.id
    const body = (proof?: string) => ({
      ...signup(proof),
      consents: [{ purpose: 'event_participation', text_id: participation }],
    })
    const path = `/v1/initiatives/${initiative.id}/rsvps`
    await expectRefused(await guarded()('POST', path, body()), /GET \/v1\/challenge/)
    expect((await guarded()('POST', path, body(await fetchAndSolve()))).status).toBe(202)
  })

  it("does not ask an organization's server, with its secret key, to prove work", async () => {
    const app = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl, proofOfWork: quick } })
    const res = await app.request(`${testPublicUrl}/v1/signups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.demo.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(signup()),
    })
    expect(res.status).toBe(202)
  })

  it('answers a robot that filled the hidden field as if accepted, without asking for proof', async () => {
    const before = await members()
    const res = await guarded()('POST', '/v1/signups', signup(undefined, { website: 'http://spam.example' }))
    expect(res.status).toBe(202)
    expect(await members()).toBe(before)
  })
})
