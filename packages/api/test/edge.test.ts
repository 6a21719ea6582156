import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from './app.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  const body = (await res.json()) as Record<string, unknown>
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  })
  return body
}

describe('problem answers at the edge', () => {
  it('answers unknown routes with 404', async () => {
    await expectProblem(await t.call('GET', '/v1/nothing-here'), 404)
    await expectProblem(await t.call('GET', '/nothing-here', { key: null }), 404)
  })

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await t.call('PUT', '/v1/groups', { body: {} })
    await expectProblem(res, 405)
    expect(res.headers.get('allow')).toContain('GET')
  })

  it('refuses NUL characters in addresses and bodies, which PostgreSQL cannot store', async () => {
    await expectProblem(await t.call('GET', '/v1/groups?q=%00'), 400)
    await expectProblem(await t.call('GET', '/v1/initiatives?q=a%00b'), 400)
    const body = { email: 'nul@example.org', given_name: 'A\u0000', family_name: 'B', postcode: '75011', consents: [] }
    await expectProblem(await t.call('POST', '/v1/signups', { body }), 400)
    const nested = { kind: 'publishable', name: 'x', allowed_origins: ['https://a.example\u0000.org'] }
    await expectProblem(await t.call('POST', '/v1/keys', { key: t.demo.secretKey, body: nested }), 400)
  })

  it('answers malformed JSON and a wrong content type with problems', async () => {
    await expectProblem(await t.call('POST', '/v1/signups', { body: '{"email":' }), 400)
    await expectProblem(
      await t.call('POST', '/v1/signups', { body: 'email=a', headers: { 'content-type': 'text/plain' } }),
      415,
    )
  })

  it('keeps a refusal within the bounds the contract declares, however much was wrong', async () => {
    const many = { kind: 'thematic', name: 'x', postcodes: Array.from({ length: 400 }, () => 'x') }
    const res = await t.call('POST', '/v1/groups', { key: t.demo.secretKey, body: many })
    const body = (await expectProblem(res, 400)) as { errors: { message: string }[] }
    expect(body.errors).toHaveLength(100)
    const unknown = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${i}${'k'.repeat(2000)}`, 1]))
    const res2 = await t.call('POST', '/v1/groups', {
      key: t.demo.secretKey,
      body: { kind: 'thematic', name: 'x', ...unknown },
    })
    const [error] = ((await expectProblem(res2, 400)) as { errors: { message: string }[] }).errors
    expect(error?.message.length).toBeLessThanOrEqual(1000)
    expect(error?.message).toMatch(/^Unknown field\(s\): 0k+…, .*, …\.$/)
  })

  it('refuses bodies over 100 KB with 413, whether their length is announced or not', async () => {
    const res = await t.call('POST', '/v1/signups', { body: { email: 'x'.repeat(120 * 1024) } })
    await expectProblem(res, 413)
    // Announced: refused on the header, before anything is read.
    const announced = await t.call('POST', '/v1/signups', {
      body: { email: 'x' },
      headers: { 'content-length': String(120 * 1024) },
    })
    await expectProblem(announced, 413)
    // Sent in chunks with no length: counted as it arrives.
    const chunk = new TextEncoder().encode(`{"email":"${'x'.repeat(30 * 1024)}`)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const chunked = await t.app.request(`${testPublicUrl}/v1/signups`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.demo.publishableKey}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    await expectProblem(chunked, 413)
  })

  it('asks for a key, and refuses unknown ones', async () => {
    const missing = await t.call('GET', '/v1/groups', { key: null })
    await expectProblem(missing, 401)
    expect(missing.headers.get('www-authenticate')).toContain('Bearer')
    await expectProblem(await t.call('GET', '/v1/groups', { key: 'pk_live_unknownunknownunknown' }), 401)
    await expectProblem(await t.call('GET', '/v1/groups', { key: "' or 1=1 --" }), 401)
  })
})

describe('browser origins', () => {
  it('echoes an allowed origin, with Vary', async () => {
    const res = await t.call('GET', '/v1/groups', { headers: { origin: 'https://candidat.example.org' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://candidat.example.org')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('vary')).toContain('Origin')
  })

  it('lets a page read why an unknown key was refused', async () => {
    const res = await t.call('GET', '/v1/groups', {
      key: 'pk_live_unknownunknownunknown',
      headers: { origin: 'https://x.example' },
    })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://x.example')
  })

  it('refuses a publishable key used from a foreign origin', async () => {
    const res = await t.call('GET', '/v1/groups', { headers: { origin: 'https://evil.example.net' } })
    const body = await expectProblem(res, 403)
    expect(body.detail).toContain('https://evil.example.net')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a secret key sent from a browser', async () => {
    const res = await t.call('GET', '/v1/groups', {
      key: t.demo.secretKey,
      headers: { origin: 'https://candidat.example.org' },
    })
    await expectProblem(res, 403)
  })

  it('answers preflights for known origins only', async () => {
    const headers = { 'access-control-request-method': 'POST' }
    const ok = await t.call('OPTIONS', '/v1/signups', {
      key: null,
      headers: { ...headers, origin: 'https://candidat.example.org' },
    })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://candidat.example.org')
    expect(ok.headers.get('access-control-allow-headers')).toContain('Idempotency-Key')
    const refused = await t.call('OPTIONS', '/v1/signups', {
      key: null,
      headers: { ...headers, origin: 'https://evil.example.net' },
    })
    await expectProblem(refused, 403)
  })
})

describe('service pages', () => {
  it('serves the contract, health and readiness', async () => {
    const doc = (await (await t.call('GET', '/openapi.json', { key: null })).json()) as {
      openapi: string
      paths: object
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain('/v1/groups/{group_id}')
    expect((await t.call('GET', '/healthz', { key: null })).status).toBe(200)
    const ready = await t.call('GET', '/readyz', { key: null })
    expect(await ready.json()).toMatchObject({ status: 'ready' })
  })
})
