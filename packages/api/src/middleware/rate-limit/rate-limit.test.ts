import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import type { AppConfig } from '../../context.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { BatchedCounter } from '../../domain/rate-limits/batched-counter.js'
import type { RateLimitPolicies } from '../../domain/rate-limits/policies.js'

// Day-long windows: a test never straddles two of them, short of running at midnight UTC.
const day = 86_400
const limits: RateLimitPolicies = {
  publicRead: { limit: 3, windowSeconds: day },
  publicWrite: { limit: 4, windowSeconds: day },
  email: { limit: 2, windowSeconds: day },
  secret: { limit: 4, windowSeconds: day },
}

let t: TestContext
let membershipText: string
let knownEmail: string
let next = 0
beforeAll(async () => {
  t = await openTestApp()
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  membershipText = texts.find((text) => text.purpose === 'membership')?.id ?? ''
  const member = await t.database.db
    .selectFrom('members')
    .select('email')
    .where('organization_id', '=', t.demo.organizationId)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  knownEmail = member.email ?? ''
})
afterAll(() => t.close())

type App = ReturnType<typeof createApp>

const limitedApp = (config: Partial<AppConfig> = {}): App =>
  createApp({ db: t.database.db, config: { publicUrl: testPublicUrl, rateLimits: limits, ...config } })

// Each test takes fresh addresses, so that the buckets of one never fill those of another.
const freshAddress = () => `192.0.2.${++next}`

interface SendOptions {
  key?: string | null
  /** The socket's peer, as @hono/node-server passes it; none means an in-process call ('unknown'). */
  address?: string
  headers?: Record<string, string>
  body?: unknown
}

function send(app: App, method: string, path: string, options: SendOptions = {}) {
  const { key = t.demo.publishableKey, address, headers = {}, body } = options
  const init: RequestInit = { method, headers: { ...headers } }
  const h = init.headers as Record<string, string>
  if (key) h.authorization = `Bearer ${key}`
  if (body !== undefined) {
    h['content-type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  const env = address ? { incoming: { socket: { remoteAddress: address } } } : undefined
  return Promise.resolve(app.request(`${testPublicUrl}${path}`, init, env))
}

const signup = (email: string) => ({
  email,
  given_name: 'Compte',
  family_name: 'Tentatives',
  postcode: '75011',
  consents: [{ purpose: 'membership', text_id: membershipText }],
})

async function statuses(requests: (() => Promise<Response>)[]) {
  const answers: number[] = []
  for (const request of requests) answers.push((await request()).status)
  return answers
}

const times = (n: number, request: (i: number) => Promise<Response>) =>
  Array.from({ length: n }, (_, i) => () => request(i))

describe('rate limits', () => {
  it('announces the policy and what is left on ordinary answers, refusals and unknown routes alike', async () => {
    const app = limitedApp()
    const address = freshAddress()
    const ok = await send(app, 'GET', '/v1/groups?limit=1', { address })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('ratelimit-policy')).toBe(`"public-read";q=3;w=${day}`)
    expect(ok.headers.get('ratelimit')).toMatch(/^"public-read";r=2;t=\d+$/)
    const reset = Number(/t=(\d+)/.exec(ok.headers.get('ratelimit') ?? '')?.[1])
    expect(reset).toBeGreaterThan(0)
    expect(reset).toBeLessThanOrEqual(day)

    const noKey = await send(app, 'GET', '/v1/groups', { key: null, address })
    expect(noKey.status).toBe(401)
    expect(noKey.headers.get('ratelimit')).toMatch(/^"public-read";r=2;t=\d+$/)
    const unknown = await send(app, 'GET', '/v1/nowhere', { address })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('ratelimit')).toMatch(/^"public-read";r=1;t=\d+$/)
  })

  it('answers 429 with Retry-After and a problem once the quota is spent, without running the operation', async () => {
    const app = limitedApp()
    const address = freshAddress()
    expect(await statuses(times(3, () => send(app, 'GET', '/v1/groups?limit=1', { address })))).toEqual([200, 200, 200])
    const refused = await send(app, 'GET', '/v1/groups?limit=1', { address })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(refused.headers.get('ratelimit')).toBe(`"public-read";r=0;t=${retryAfter}`)
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests', instance: '/v1/groups' })
    // Another address behind the same key has its own quota.
    expect((await send(app, 'GET', '/v1/groups?limit=1', { address: freshAddress() })).status).toBe(200)
  })

  it('ignores X-Forwarded-For without TRUST_PROXY: a forged header does not reset the count', async () => {
    const app = limitedApp()
    const address = freshAddress()
    const forged = (i: number) =>
      send(app, 'GET', '/v1/groups?limit=1', { address, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })
    expect(await statuses(times(5, forged))).toEqual([200, 200, 200, 429, 429])
  })

  it('counts requests without a socket (in-process calls) under one fixed address', async () => {
    const app = limitedApp({ rateLimits: { ...limits, publicRead: { limit: 1000, windowSeconds: day } } })
    const first = await send(app, 'GET', '/v1/groups?limit=1', { headers: { 'x-forwarded-for': '198.51.100.1' } })
    const second = await send(app, 'GET', '/v1/groups?limit=1', { headers: { 'x-forwarded-for': '198.51.100.2' } })
    const left = (res: Response) => Number(/r=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1])
    expect(left(first) - left(second)).toBe(1)
  })

  it('believes X-Forwarded-For up to TRUST_PROXY hops, and only the address the proxy appended', async () => {
    const app = limitedApp({ trustProxy: { hops: 1 } })
    const proxy = '10.0.0.1'
    const client = freshAddress()
    const via = (forwarded: string) =>
      send(app, 'GET', '/v1/groups?limit=1', { address: proxy, headers: { 'x-forwarded-for': forwarded } })
    expect(await statuses(times(3, () => via(client)))).toEqual([200, 200, 200])
    expect((await via(client)).status).toBe(429)
    // The client writes its own X-Forwarded-For; the proxy appends the real address after it.
    expect((await via(`203.0.113.66, ${client}`)).status).toBe(429)
    expect((await via(freshAddress())).status).toBe(200)
  })

  it('believes X-Forwarded-For from TRUST_PROXY ranges only, taking the right-most untrusted address', async () => {
    const app = limitedApp({ trustProxy: { proxies: ['10.0.0.0/8', '::1'] } })
    const client = freshAddress()
    const chain = (socket: string, forwarded: string) =>
      send(app, 'GET', '/v1/groups?limit=1', { address: socket, headers: { 'x-forwarded-for': forwarded } })
    const spent = await statuses(times(4, (i) => chain(i % 2 ? '10.0.0.2' : '::1', `203.0.113.9, ${client}, 10.9.9.9`)))
    expect(spent).toEqual([200, 200, 200, 429])
    // A socket outside the ranges is the client itself, whatever it forwards.
    const stranger = freshAddress()
    const direct = (i: number) => chain(stranger, `10.0.0.${i + 5}`)
    expect(await statuses(times(4, direct))).toEqual([200, 200, 200, 429])
  })

  it('counts IPv6 clients per /64, the block one subscriber holds', async () => {
    const app = limitedApp()
    const hosts = ['2001:db8:77::1', '2001:db8:77:0:ffff::2', '2001:0db8:0077:0000::3', '2001:db8:77::abcd:4']
    const answers = await statuses(hosts.map((address) => () => send(app, 'GET', '/v1/groups?limit=1', { address })))
    expect(answers).toEqual([200, 200, 200, 429])
    expect((await send(app, 'GET', '/v1/groups?limit=1', { address: '2001:db8:78::1' })).status).toBe(200)
  })

  it('limits sign-ups per e-mail address across addresses, known member or not, keeping only a digest', async () => {
    const app = limitedApp()
    for (const email of [knownEmail, 'jamais.vue@example.org']) {
      const attempts = [email, ` ${email.toUpperCase()} `, email].map(
        (variant) => () => send(app, 'POST', '/v1/signups', { address: freshAddress(), body: signup(variant) }),
      )
      const answers: Response[] = []
      for (const attempt of attempts) answers.push(await attempt())
      expect(answers.map((res) => res.status)).toEqual([202, 202, 429])
      expect(answers[0]?.headers.get('ratelimit-policy')).toBe(`"email";q=2;w=${day}, "public-write";q=4;w=${day}`)
      expect(answers[2]?.headers.get('ratelimit')).toMatch(/^"email";r=0;t=\d+, "public-write";r=3;t=\d+$/)
      expect(await answers[2]?.json()).toMatchObject({ status: 429, detail: expect.stringContaining('policy email') })
    }
    const buckets = await t.database.db.selectFrom('rate_limit_counters').select('bucket').execute()
    expect(buckets.some((row) => /@example\.org|jamais|vue/i.test(row.bucket))).toBe(false)
    expect(buckets.some((row) => row.bucket.includes(knownEmail.split('@')[0] ?? knownEmail))).toBe(false)
  })

  it('limits public writes per key and address, apart from reads', async () => {
    const app = limitedApp()
    const address = freshAddress()
    const confirm = () => send(app, 'POST', '/v1/confirmations', { address, body: { token: 'jetoninconnu123456' } })
    expect(await statuses(times(5, confirm))).toEqual([400, 400, 400, 400, 429])
    expect((await send(app, 'GET', '/v1/groups?limit=1', { address })).status).toBe(200)
  })

  it('limits secret keys per key, wherever the requests come from', async () => {
    const app = limitedApp()
    const list = () => send(app, 'GET', '/v1/members?limit=1', { key: t.other.secretKey, address: freshAddress() })
    const answers = await statuses(times(5, list))
    expect(answers).toEqual([200, 200, 200, 200, 429])
    const res = await send(app, 'GET', '/v1/members?limit=1', { key: t.demo.secretKey, address: freshAddress() })
    expect(res.status).toBe(200)
    expect(res.headers.get('ratelimit-policy')).toBe(`"secret";q=4;w=${day}`)
  })

  it('shares public writes between every app on one database exactly', async () => {
    const [one, two] = [limitedApp(), limitedApp()]
    const address = freshAddress()
    const confirm = (i: number) =>
      send(i % 2 ? two : one, 'POST', '/v1/confirmations', { address, body: { token: 'jetoninconnu123456' } })
    expect(await statuses(times(5, confirm))).toEqual([400, 400, 400, 400, 429])
  })

  it('shares public reads between apps, each asking the database when its count is over 200 ms old', async () => {
    const [one, two] = [limitedApp(), limitedApp()]
    const address = freshAddress()
    const read = (app: App) => () => send(app, 'GET', '/v1/groups?limit=1', { key: t.other.publishableKey, address })
    const flushed = () => new Promise((resolve) => setTimeout(resolve, 250))
    expect(await statuses([read(one), read(one)])).toEqual([200, 200])
    await flushed()
    // New to this app: its first read waits for the database's count, which holds one's two.
    const third = await read(two)()
    expect(third.status).toBe(200)
    expect(third.headers.get('ratelimit')).toMatch(/^"public-read";r=0;t=\d+$/)
    expect((await read(two)()).status).toBe(429)
    await flushed()
    // One last heard of the shared count over 200 ms ago: its read asks again, and is refused.
    expect((await read(one)()).status).toBe(429)
  })

  it('keeps counting reads in memory while the database cannot be written', async () => {
    const counter = new BatchedCounter(t.database.db)
    const quota = { limit: 2, windowSeconds: day }
    const bucket = `public-read:test@${freshAddress()}`
    expect((await counter.count(bucket, quota)).hits).toBe(1)
    await t.database.db.schema.alterTable('rate_limit_counters').renameTo('rate_limit_counters_away').execute()
    try {
      expect((await counter.count(bucket, quota)).hits).toBe(2)
      expect((await counter.count(bucket, quota)).hits).toBe(3)
      await expect(counter.flush()).rejects.toThrow()
    } finally {
      await t.database.db.schema.alterTable('rate_limit_counters_away').renameTo('rate_limit_counters').execute()
    }
    await counter.flush()
    const row = await t.database.db
      .selectFrom('rate_limit_counters')
      .select('hits')
      .where('bucket', '=', bucket)
      .executeTakeFirstOrThrow()
    expect(row.hits).toBe(3)
  })

  it('sweeps windows that are over when a new one opens', async () => {
    await t.database.db
      .insertInto('rate_limit_counters')
      .values({ bucket: 'public-read:old', window_start: new Date(0), hits: 9, expires_at: new Date(60_000) })
      .execute()
    await send(limitedApp(), 'GET', '/v1/groups?limit=1', { address: freshAddress() })
    const old = await t.database.db
      .selectFrom('rate_limit_counters')
      .where('bucket', '=', 'public-read:old')
      .selectAll()
      .execute()
    expect(old).toEqual([])
  })

  it('limits nothing and announces nothing without rate limits (RELAIS_RATE_LIMITS=off)', async () => {
    const res = await send(createApp({ db: t.database.db, config: { publicUrl: testPublicUrl } }), 'GET', '/v1/groups')
    expect(res.status).toBe(200)
    expect(res.headers.get('ratelimit')).toBeNull()
    expect(res.headers.get('ratelimit-policy')).toBeNull()
  })
})
