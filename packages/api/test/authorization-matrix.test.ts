import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKey } from '../src/domain/keys/keys.js'
import { type Scope, scopes } from '../src/domain/keys/scopes.js'
import { openTestApp, type TestContext } from './app.js'
import { publicSection } from './demo-groups.js'
import { type OpenApiDocument, type Operation, operationsOf } from './fuzz/openapi.js'

/**
 * Every operation of the contract, called by every kind of caller; what each may do is read from
 * the operation's `security`, so a new route is covered as soon as it is in the document.
 *
 * - no key: 401;
 * - the demo publishable key: public operations are not refused (2xx or a 4xx other than 401/403),
 *   secret ones 403;
 * - a secret key holding exactly the operation's scope (none for public ones): not refused;
 * - a secret key holding every scope but that one: 403;
 * - the other organization's secret key, with the scope, on the demo organization's ids: the
 *   same answer as for an id that exists nowhere (404, or the 400 the body gets first), never 2xx.
 *
 * Refusals run first for every operation, then the allowed calls (which may delete what they
 * reach: this file's database is a private copy).
 */

let t: TestContext
let operations: Operation[]
const ids: Record<string, string> = {}
const keys = new Map<string, string>()

beforeAll(async () => {
  t = await openTestApp()
  const document = (await (await t.call('GET', '/openapi.json', { key: null })).json()) as OpenApiDocument
  operations = operationsOf(document).filter((operation) => operation.path.startsWith('/v1/'))
  const db = t.database.db
  const org = t.demo.organizationId
  const first = async <T>(query: Promise<T | undefined>, what: string) => {
    const row = await query
    if (!row) throw new Error(`the demo data has no ${what}`)
    return row
  }
  ids.group_id = (await publicSection(t)).id
  ids.member_id = (
    await first(
      db
        .selectFrom('members')
        .select('id')
        .where('organization_id', '=', org)
        .where('status', '=', 'active')
        .executeTakeFirst(),
      'member',
    )
  ).id
  ids.initiative_id = (
    await first(
      db
        .selectFrom('initiatives')
        .select('id')
        .where('organization_id', '=', org)
        .where('status', '=', 'published')
        .executeTakeFirst(),
      'initiative',
    )
  ).id
  ids.rsvp_id = (
    await first(db.selectFrom('rsvps').select('id').where('organization_id', '=', org).executeTakeFirst(), 'RSVP')
  ).id
  ids.consent_text_id = (
    await first(
      db.selectFrom('consent_texts').select('id').where('organization_id', '=', org).executeTakeFirst(),
      'text',
    )
  ).id
  ids.key_id = (await createKey(db, org, { kind: 'publishable', name: 'to be revoked by the matrix' })).key.id
  const endpoint = await t.call('POST', '/v1/webhook-endpoints', {
    key: t.demo.secretKey,
    body: { url: 'https://93.184.215.14/relais', event_types: ['rsvp.created'] },
  })
  ids.endpoint_id =
    endpoint.status === 201 ? ((await endpoint.json()) as { id: string }).id : 'whe_0000000000000000000000000'
  ids.postcode = '75011'

  const keyWith = async (organizationId: string, granted: Scope[]) => {
    const name = `${organizationId}:${granted.join(',')}`
    if (!keys.has(name)) {
      keys.set(name, (await createKey(db, organizationId, { kind: 'secret', name: 'matrix', scopes: granted })).token)
    }
    return keys.get(name) ?? ''
  }
  for (const scope of [undefined, ...scopes]) {
    const granted = scope ? [scope] : []
    await keyWith(org, granted)
    await keyWith(t.other.organizationId, granted)
    if (scope)
      await keyWith(
        org,
        scopes.filter((other) => other !== scope),
      )
  }
})
afterAll(() => t.close())

const requiredScope = (operation: Operation): Scope | undefined =>
  operation.security.find((requirement) => 'secretKey' in requirement)?.secretKey?.[0] as Scope | undefined
const isPublic = (operation: Operation) => operation.security.some((requirement) => 'publishableKey' in requirement)
const scopedKey = (organizationId: string, scope: Scope | undefined) =>
  keys.get(`${organizationId}:${scope ?? ''}`) ?? ''
const allButKey = (scope: Scope) =>
  keys.get(`${t.demo.organizationId}:${scopes.filter((other) => other !== scope).join(',')}`) ?? ''

const pathParams = (operation: Operation) => operation.parameters.filter((p) => p.in === 'path').map((p) => p.name)
const tenantIds = (operation: Operation) => pathParams(operation).filter((name) => name.endsWith('_id'))

function pathOf(operation: Operation, replace: (name: string) => string | undefined = (name) => ids[name]) {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = replace(name)
    if (!value) throw new Error(`${operation.operationId}: add a demo value for the path parameter ${name}`)
    return value
  })
}

// An id of the same shape that no organization has.
const missing = (name: string) =>
  (ids[name] ?? '').replace(/_(.*)$/, (_, rest: string) => `_${'0'.repeat(rest.length)}`)

async function call(operation: Operation, key: string | null, path = pathOf(operation)) {
  const writes = !['GET', 'HEAD', 'DELETE'].includes(operation.method)
  const res = await t.call(operation.method, path, { key, ...(writes ? { body: {} } : {}) })
  const body = res.headers.get('content-type')?.includes('json') ? await res.text() : ''
  if (!body) await res.body?.cancel() // the activity stream never ends by itself
  // Answers may quote the ids the caller sent; what must match is everything else.
  const quoted = path.split('/').filter((segment) => /^[a-z]+_[0-9a-z]+$/.test(segment))
  const unquoted = quoted.reduce((text, id) => text.replaceAll(id, '<id>'), body.replace(/"instance":"[^"]*"/, ''))
  return { status: res.status, body: unquoted }
}

const label = (operation: Operation, who: string, status: number) =>
  `${operation.method} ${operation.path} with ${who} answered ${status}`

describe('the authorization matrix of every operation', () => {
  it('covers the whole contract', () => {
    expect(operations.length).toBeGreaterThan(40)
    for (const operation of operations) {
      expect(operation.security.length, `${operation.operationId} declares no security`).toBeGreaterThan(0)
      expect(
        isPublic(operation) || requiredScope(operation),
        `${operation.operationId}: neither public nor scoped`,
      ).toBeTruthy()
    }
  })

  it('refuses callers without a key, the wrong kind of key or the scope', async () => {
    for (const operation of operations) {
      const scope = requiredScope(operation)
      const none = await call(operation, null)
      expect(none.status, label(operation, 'no key', none.status)).toBe(401)
      const publishable = await call(operation, t.demo.publishableKey)
      if (isPublic(operation)) {
        expect([401, 403], label(operation, 'the publishable key', publishable.status)).not.toContain(
          publishable.status,
        )
        expect(publishable.status, label(operation, 'the publishable key', publishable.status)).toBeLessThan(500)
      } else {
        expect(publishable.status, label(operation, 'the publishable key', publishable.status)).toBe(403)
      }
      if (!isPublic(operation) && scope) {
        const lacking = await call(operation, allButKey(scope))
        expect(lacking.status, label(operation, `a key without ${scope}`, lacking.status)).toBe(403)
      }
    }
  })

  it("answers another organization's key on this one's ids as if they did not exist", async () => {
    for (const operation of operations.filter((candidate) => tenantIds(candidate).length > 0)) {
      const key = scopedKey(t.other.organizationId, requiredScope(operation))
      const foreign = await call(operation, key)
      const nowhere = await call(
        operation,
        key,
        pathOf(operation, (name) => (name.endsWith('_id') ? missing(name) : ids[name])),
      )
      const what = label(operation, "the other organization's key", foreign.status)
      expect([400, 403, 404], what).toContain(foreign.status)
      expect(foreign, what).toEqual(nowhere)
      if (operation.method === 'GET') expect(foreign.status, what).toBe(404)
    }
  })

  it('lets a secret key with the scope (or any key, for public operations) through', async () => {
    for (const operation of operations) {
      const scope = requiredScope(operation)
      const key = isPublic(operation)
        ? scopedKey(t.demo.organizationId, undefined)
        : scopedKey(t.demo.organizationId, scope)
      const allowed = await call(operation, key)
      const what = label(operation, scope ? `a key with ${scope}` : 'a secret key without scopes', allowed.status)
      expect([401, 403], what).not.toContain(allowed.status)
      expect(allowed.status, what).toBeLessThan(500)
    }
  })
})
