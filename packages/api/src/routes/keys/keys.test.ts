import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface CreatedKey {
  id: string
  kind: string
  token: string
  token_hint: string
  scopes: string[]
  allowed_origins: string[]
  revoked_at: string | null
}

async function createKey(body: unknown, key = t.demo.secretKey) {
  const res = await t.call('POST', '/v1/keys', { key, body })
  expect(res.status).toBe(201)
  return (await res.json()) as CreatedKey
}

async function keyCount() {
  const row = await t.database.db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organization_id', '=', t.demo.organizationId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

async function problemPaths(res: Response) {
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return ((await res.json()) as { errors: { path: string; message: string }[] }).errors
}

describe('POST /v1/keys', () => {
  it('creates a secret key whose token, shown once, works at once', async () => {
    const created = await createKey({ kind: 'secret', name: 'CRM', scopes: ['keys:write', 'members:read'] })
    expect(created.token).toMatch(/^sk_live_/)
    expect(created.token_hint).toBe(`…${created.token.slice(-4)}`)
    expect(created).toMatchObject({ kind: 'secret', scopes: ['keys:write', 'members:read'], revoked_at: null })
    expect((await t.call('GET', '/v1/keys', { key: created.token })).status).toBe(200)
  })

  it('creates a publishable key that browsers on its origins may use', async () => {
    const created = await createKey({
      kind: 'publishable',
      name: 'Site',
      allowed_origins: ['https://nouveau.example.org'],
    })
    expect(created.token).toMatch(/^pk_live_/)
    expect(created.scopes).toEqual([])
    const res = await t.call('GET', '/v1/groups', {
      key: created.token,
      headers: { origin: 'https://nouveau.example.org' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://nouveau.example.org')
  })

  it('accepts a publishable key without origins, for server-side calls', async () => {
    const created = await createKey({ kind: 'publishable', name: 'Serveur' })
    expect(created.allowed_origins).toEqual([])
    expect((await t.call('GET', '/v1/groups', { key: created.token })).status).toBe(200)
  })

  it('refuses unknown scopes, scopes on publishable keys and origins on secret keys, changing nothing', async () => {
    const before = await keyCount()
    const unknown = await problemPaths(
      await t.call('POST', '/v1/keys', {
        key: t.demo.secretKey,
        body: { kind: 'secret', name: 'x', scopes: ['members:delete'] },
      }),
    )
    expect(unknown[0]?.path).toBe('scopes.0')
    const scoped = await problemPaths(
      await t.call('POST', '/v1/keys', {
        key: t.demo.secretKey,
        body: { kind: 'publishable', name: 'x', scopes: ['members:read'] },
      }),
    )
    expect(scoped.map((e) => e.path)).toEqual(['scopes'])
    const browser = await problemPaths(
      await t.call('POST', '/v1/keys', {
        key: t.demo.secretKey,
        body: { kind: 'secret', name: 'x', allowed_origins: ['https://site.example.org'] },
      }),
    )
    expect(browser.map((e) => e.path)).toEqual(['allowed_origins'])
    expect(await keyCount()).toBe(before)
  })

  it('refuses origins that are not a scheme and a host, naming each', async () => {
    const errors = await problemPaths(
      await t.call('POST', '/v1/keys', {
        key: t.demo.secretKey,
        body: {
          kind: 'publishable',
          name: 'x',
          allowed_origins: ['https://ok.example.org', 'https://bad.example.org/path', 'javascript:alert(1)'],
        },
      }),
    )
    expect(errors.map((e) => e.path)).toEqual(['allowed_origins.1', 'allowed_origins.2'])
  })

  it('refuses a missing name or kind', async () => {
    const errors = await problemPaths(await t.call('POST', '/v1/keys', { key: t.demo.secretKey, body: { name: '  ' } }))
    expect(errors.map((e) => e.path).sort()).toEqual(['kind', 'name'])
  })

  it('does not let a key grant scopes it does not hold', async () => {
    const keyAdmin = await createKey({ kind: 'secret', name: 'Keys only', scopes: ['keys:write'] })
    const res = await t.call('POST', '/v1/keys', {
      key: keyAdmin.token,
      body: { kind: 'secret', name: 'Escalation', scopes: ['members:read'] },
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { detail: string }).detail).toContain('members:read')
    expect((await createKey({ kind: 'secret', name: 'Same', scopes: ['keys:write'] }, keyAdmin.token)).scopes).toEqual([
      'keys:write',
    ])
  })

  it('refuses a body over 100 KB with 413, as its contract says', async () => {
    const body = { kind: 'publishable', name: 'x', allowed_origins: ['é'.repeat(60_000)] }
    const res = await t.call('POST', '/v1/keys', { key: t.demo.secretKey, body })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const contract = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    expect(contract.paths['/v1/keys']?.post?.responses).toHaveProperty('413')
  })
})

describe('who may manage keys', () => {
  it('refuses publishable keys and secret keys without keys:write', async () => {
    expect((await t.call('GET', '/v1/keys', { key: t.demo.publishableKey })).status).toBe(403)
    const reader = await createKey({ kind: 'secret', name: 'Reader', scopes: ['members:read'] })
    expect((await t.call('GET', '/v1/keys', { key: reader.token })).status).toBe(403)
    expect(
      (await t.call('POST', '/v1/keys', { key: reader.token, body: { kind: 'publishable', name: 'x' } })).status,
    ).toBe(403)
    expect((await t.call('GET', '/v1/keys', { key: null })).status).toBe(401)
  })
})

describe('GET /v1/keys', () => {
  it('lists hints, never tokens', async () => {
    const created = await createKey({ kind: 'secret', name: 'Hidden', scopes: ['members:read'] })
    const res = await t.call('GET', '/v1/keys?limit=100', { key: t.demo.secretKey })
    const text = await res.text()
    expect(text).not.toContain(created.token)
    const listed = (JSON.parse(text) as { data: Record<string, unknown>[] }).data.find((k) => k.id === created.id)
    expect(listed).toMatchObject({
      name: 'Hidden',
      token_hint: created.token_hint,
      scopes: ['members:read'],
      last_used_at: null,
    })
    expect(listed).not.toHaveProperty('token')
  })

  it("pages through the organization's keys once each, and only its own", async () => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const res = await t.call('GET', `/v1/keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { key: t.demo.secretKey })
      const page = (await res.json()) as { data: { id: string }[]; next_cursor: string | null }
      ids.push(...page.data.map((k) => k.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(await keyCount())
  })
})

describe('DELETE /v1/keys/{key_id}', () => {
  it('revokes a key: it answers 401 afterwards and stays listed with revoked_at', async () => {
    const created = await createKey({ kind: 'publishable', name: 'Old site' })
    expect((await t.call('GET', '/v1/groups', { key: created.token })).status).toBe(200)
    const res = await t.call('DELETE', `/v1/keys/${created.id}`, { key: t.demo.secretKey })
    expect(res.status).toBe(204)
    expect((await t.call('GET', '/v1/groups', { key: created.token })).status).toBe(401)
    const page = (await (await t.call('GET', '/v1/keys?limit=100', { key: t.demo.secretKey })).json()) as {
      data: CreatedKey[]
    }
    expect(page.data.find((k) => k.id === created.id)?.revoked_at).toEqual(expect.any(String))
  })

  it('lets a key revoke itself, and a second DELETE is harmless', async () => {
    const created = await createKey({ kind: 'secret', name: 'Self', scopes: ['keys:write'] })
    expect((await t.call('DELETE', `/v1/keys/${created.id}`, { key: created.token })).status).toBe(204)
    expect((await t.call('GET', '/v1/keys', { key: created.token })).status).toBe(401)
    expect((await t.call('DELETE', `/v1/keys/${created.id}`, { key: t.demo.secretKey })).status).toBe(204)
  })

  it("answers 404 for another organization's key and leaves it working", async () => {
    const foreign = await t.database.db
      .selectFrom('api_keys')
      .select('id')
      .where('organization_id', '=', t.other.organizationId)
      .where('kind', '=', 'publishable')
      .executeTakeFirstOrThrow()
    const res = await t.call('DELETE', `/v1/keys/${foreign.id}`, { key: t.demo.secretKey })
    expect(res.status).toBe(404)
    expect((await t.call('GET', '/v1/groups', { key: t.other.publishableKey })).status).toBe(200)
  })

  it('refuses an id that is not a key id', async () => {
    const res = await t.call('DELETE', '/v1/keys/grp_123', { key: t.demo.secretKey })
    expect(res.status).toBe(400)
  })
})
