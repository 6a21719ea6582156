import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import { issueKey } from '../../domain/keys/manage.js'

interface Endpoint {
  id: string
  url: string
  description: string
  event_types: string[]
  enabled: boolean
  disabled_reason: string | null
  previous_secret_expires_at: string | null
  secret?: string
}
interface Problem {
  status: number
  detail: string
  errors?: { path: string; message: string }[]
}

let t: TestContext
// A server in development mode (RELAIS_WEBHOOKS_ALLOW_PRIVATE=1), and one in production mode.
let dev: (method: string, path: string, body?: unknown, key?: string) => Promise<Response>
let production: (method: string, path: string, body?: unknown) => Promise<Response>

beforeAll(async () => {
  t = await openTestApp()
  const caller = (allowPrivate: boolean) => {
    const app = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl, webhooks: { allowPrivate } } })
    return (method: string, path: string, body?: unknown, key = t.demo.secretKey) =>
      Promise.resolve(
        app.request(`${testPublicUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      )
  }
  dev = caller(true)
  production = caller(false)
})
afterAll(() => t.close())

const receiver = 'https://crm.example.org/webhooks/relais'

async function created(body: Record<string, unknown> = {}): Promise<Endpoint> {
  const res = await dev('POST', '/v1/webhook-endpoints', { url: receiver, event_types: ['rsvp.created'], ...body })
  expect(res.status).toBe(201)
  return (await res.json()) as Endpoint
}

async function endpointCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('POST /v1/webhook-endpoints', () => {
  it('registers an endpoint and shows its whsec_ secret once', async () => {
    const res = await dev('POST', '/v1/webhook-endpoints', {
      url: receiver,
      description: 'CRM',
      event_types: ['initiative.published', 'rsvp.created', 'rsvp.created'],
    })
    expect(res.status).toBe(201)
    const endpoint = (await res.json()) as Endpoint
    expect(res.headers.get('location')).toBe(`${testPublicUrl}/v1/webhook-endpoints/${endpoint.id}`)
    expect(endpoint).toMatchObject({
      url: receiver,
      description: 'CRM',
      event_types: ['initiative.published', 'rsvp.created'],
      enabled: true,
      previous_secret_expires_at: null,
    })
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const listed = await (await dev('GET', `/v1/webhook-endpoints/${endpoint.id}`)).text()
    expect(listed).not.toContain(endpoint.secret)
    expect(JSON.parse(listed)).not.toHaveProperty('secret')
  })

  it('refuses unknown event types, an empty list and a missing URL, changing nothing', async () => {
    const before = await endpointCount()
    const res = await dev('POST', '/v1/webhook-endpoints', { event_types: ['member.deleted'] })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const paths = ((await res.json()) as Problem).errors?.map((e) => e.path).sort()
    expect(paths).toEqual(['event_types.0', 'url'])
    const empty = await dev('POST', '/v1/webhook-endpoints', { url: receiver, event_types: [] })
    expect(((await empty.json()) as Problem).errors?.map((e) => e.path)).toEqual(['event_types'])
    expect(await endpointCount()).toBe(before)
  })

  it('refuses URLs that are not http(s), or carry credentials', async () => {
    for (const url of [
      'ftp://crm.example.org/x',
      'file:///etc/passwd',
      'crm.example.org',
      'https://u:p@crm.example.org/',
    ]) {
      const res = await dev('POST', '/v1/webhook-endpoints', { url, event_types: ['rsvp.created'] })
      expect(res.status, url).toBe(400)
      expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('url')
    }
  })
})

describe('SSRF: where a production server refuses to send', () => {
  const refused = [
    'https://127.0.0.1/hook',
    'https://127.1.2.3:8443/hook',
    'https://10.0.0.12/hook',
    'https://172.20.1.1/hook',
    'https://192.168.1.10/hook',
    'https://100.64.0.1/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://0.0.0.0/hook',
    'https://224.0.0.1/hook',
    'https://[::1]/hook',
    'https://[::]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/hook',
    'https://[fe80::1]/hook',
    'https://[fd12:3456::1]/hook',
    'https://[ff02::1]/hook',
    'https://localhost/hook',
  ]

  it.each(refused)('refuses %s with a problem naming the address', async (url) => {
    const before = await endpointCount()
    const res = await production('POST', '/v1/webhook-endpoints', { url, event_types: ['rsvp.created'] })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await res.json()) as Problem
    expect(problem.errors?.[0]?.path).toBe('url')
    expect(problem.detail).toMatch(/public addresses/)
    expect(problem.detail).toContain('RELAIS_WEBHOOKS_ALLOW_PRIVATE')
    expect(await endpointCount()).toBe(before)
  })

  it('refuses plain http in production, and a host that does not resolve', async () => {
    const http = await production('POST', '/v1/webhook-endpoints', {
      url: 'http://93.184.215.14/hook',
      event_types: ['rsvp.created'],
    })
    expect(http.status).toBe(400)
    expect(((await http.json()) as Problem).detail).toContain('https only')
    const unknown = await production('POST', '/v1/webhook-endpoints', {
      url: 'https://nowhere.invalid/hook',
      event_types: ['rsvp.created'],
    })
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as Problem).detail).toContain('does not resolve')
  })

  it('accepts https on a public address', async () => {
    const res = await production('POST', '/v1/webhook-endpoints', {
      url: 'https://93.184.215.14/hook',
      event_types: ['rsvp.created'],
    })
    expect(res.status).toBe(201)
  })

  it('checks a new URL given with PATCH the same way', async () => {
    const endpoint = await created()
    const res = await production('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
      url: 'https://169.254.169.254/latest',
    })
    expect(res.status).toBe(400)
    expect(((await (await dev('GET', `/v1/webhook-endpoints/${endpoint.id}`)).json()) as Endpoint).url).toBe(receiver)
  })

  it('accepts loopback and plain http in development mode', async () => {
    const endpoint = await created({ url: 'http://127.0.0.1:9/hook' })
    expect(endpoint.url).toBe('http://127.0.0.1:9/hook')
  })
})

describe('GET, PATCH, DELETE', () => {
  it('pages through the organization’s endpoints once each', async () => {
    for (let n = 0; n < 3; n++) await created({ description: `page ${n}` })
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const res = await dev('GET', `/v1/webhook-endpoints?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      const page = (await res.json()) as { data: Endpoint[]; next_cursor: string | null }
      expect(page.data.every((endpoint) => !('secret' in endpoint))).toBe(true)
      ids.push(...page.data.map((endpoint) => endpoint.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(new Set(ids).size).toBe(ids.length)
    const own = await t.database.db
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('organization_id', '=', t.demo.organizationId)
      .execute()
    expect(ids.length).toBe(own.length)
  })

  it('changes the fields given; disabling and enabling record why', async () => {
    const endpoint = await created()
    const changed = await dev('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
      description: 'Nouveau CRM',
      event_types: ['member.confirmed', 'group.created'],
      enabled: false,
    })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({
      url: receiver,
      description: 'Nouveau CRM',
      event_types: ['member.confirmed', 'group.created'],
      enabled: false,
      disabled_reason: 'Disabled through the API.',
    })
    const enabled = await dev('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { enabled: true })
    expect(await enabled.json()).toMatchObject({ enabled: true, disabled_reason: null, disabled_at: null })
  })

  it('deletes an endpoint; a second DELETE answers 404', async () => {
    const endpoint = await created()
    expect((await dev('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(204)
    expect((await dev('GET', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404)
    expect((await dev('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404)
  })

  it('rotates the secret: a new one, the old one kept for 24 hours', async () => {
    const endpoint = await created()
    const before = Date.now()
    const res = await dev('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)
    expect(res.status).toBe(200)
    const rotated = (await res.json()) as Endpoint
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(endpoint.secret)
    const expires = Date.parse(rotated.previous_secret_expires_at ?? '')
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000)
    expect(expires - before).toBeLessThanOrEqual(24 * 3600_000 + 5000)
  })
})

describe('who may manage webhooks', () => {
  it("answers 404 for another organization's endpoint, whatever the operation", async () => {
    const foreign = await dev(
      'POST',
      '/v1/webhook-endpoints',
      { url: receiver, event_types: ['rsvp.created'] },
      t.other.secretKey,
    )
    const { id } = (await foreign.json()) as Endpoint
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
      ['POST', '/test'],
    ] as const) {
      const res = await dev(
        method,
        `/v1/webhook-endpoints/${id}${path}`,
        method === 'PATCH' ? { enabled: false } : undefined,
      )
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    const still = await dev('GET', `/v1/webhook-endpoints/${id}`, undefined, t.other.secretKey)
    expect(await still.json()).toMatchObject({ enabled: true })
    const list = (await (await dev('GET', '/v1/webhook-endpoints?limit=100')).json()) as { data: Endpoint[] }
    expect(list.data.some((endpoint) => endpoint.id === id)).toBe(false)
  })

  it('needs a secret key with webhooks:write', async () => {
    const { token } = await issueKey(t.database.db, t.demo.organizationId, {
      kind: 'secret',
      name: 'Lecteur',
      scopes: ['members:read'],
    })
    expect((await dev('GET', '/v1/webhook-endpoints', undefined, token)).status).toBe(403)
    expect((await dev('GET', '/v1/webhook-endpoints', undefined, t.demo.publishableKey)).status).toBe(403)
  })

  it('refuses an id that is not an endpoint id', async () => {
    expect((await dev('GET', '/v1/webhook-endpoints/grp_123')).status).toBe(400)
  })
})
