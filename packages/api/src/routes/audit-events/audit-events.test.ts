import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'

let t: TestContext
let memberId: string
let memberEmail: string
beforeAll(async () => {
  t = await openTestApp()
  const member = await t.database.db
    .selectFrom('members')
    .select(['id', 'email'])
    .where('organization_id', '=', t.demo.organizationId)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  memberId = member.id
  memberEmail = member.email ?? ''
})
afterAll(() => t.close())

interface Event {
  id: string
  action: string
  actor: { kind: string; key_id: string | null }
  target: { type: string; id: string | null }
  details: Record<string, unknown>
  request_id: string | null
  client_address: string | null
}

const secret = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.call(method, path, { key: t.demo.secretKey, body, headers })

async function events(query = '') {
  const res = await secret('GET', `/v1/audit-events${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as { data: Event[]; next_cursor: string | null }
}

async function demoKeyId() {
  const res = await secret('GET', '/v1/keys?limit=100')
  const keys = ((await res.json()) as { data: { id: string; kind: string; scopes: string[] }[] }).data
  return keys.find((key) => key.kind === 'secret' && key.scopes.includes('audit:read'))?.id ?? ''
}

describe('the audit log', () => {
  it('records each read, export, change and erasure of a member with the key and request id', async () => {
    const headers = { 'x-request-id': 'req-audit-1', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }
    expect((await secret('GET', `/v1/members/${memberId}`, undefined, headers)).status).toBe(200)
    expect((await secret('GET', `/v1/members/${memberId}/export`)).status).toBe(200)
    const patched = await secret('PATCH', `/v1/members/${memberId}`, { given_name: 'Rectifiée', tags: ['audit'] })
    expect(patched.status).toBe(200)
    expect((await secret('DELETE', `/v1/members/${memberId}`)).status).toBe(204)

    const { data } = await events(`?target_id=${memberId}`)
    expect(data.map((event) => event.action)).toEqual(['member.erase', 'member.update', 'member.export', 'member.read'])
    const keyId = await demoKeyId()
    const read = data.find((event) => event.action === 'member.read')
    expect(read).toMatchObject({
      actor: { kind: 'secret', key_id: keyId },
      target: { type: 'member', id: memberId },
      request_id: 'req-audit-1',
      // In-process calls have no socket, and without TRUST_PROXY a client's X-Forwarded-For is not believed.
      client_address: null,
    })
    // Field names, never their values.
    expect(data.find((event) => event.action === 'member.update')?.details).toMatchObject({
      fields: ['given_name', 'tags'],
    })
    expect(JSON.stringify(data)).not.toContain('Rectifiée')
    expect(data.find((event) => event.action === 'member.erase')?.details).toMatchObject({
      reason: 'request',
      suppressed: true,
    })
  })

  it('records a list with its query and count, not the people, and hides the words searched', async () => {
    const res = await secret('GET', `/v1/members?status=active&limit=5&q=${encodeURIComponent(memberEmail)}`)
    expect(res.status).toBe(200)
    const { data } = await events('?action=member.list&limit=1')
    expect(data[0]).toMatchObject({
      target: { type: 'member', id: null },
      details: { query: { status: 'active', limit: 5, q: '[redacted]' } },
    })
    expect(typeof data[0]?.details.count).toBe('number')
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_events where audit_events::text ilike ${`%${memberEmail}%`}`.execute(
      t.database.db,
    )
    expect(rows[0]?.n).toBe(0)
  })

  it('records a change of RSVP status in the same transaction, with the statuses and no person', async () => {
    const rsvp = await t.database.db
      .selectFrom('rsvps')
      .select(['id', 'initiative_id'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('status', '=', 'going')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    expect((await secret('PATCH', `/v1/rsvps/${rsvp.id}`, { status: 'cancelled' })).status).toBe(200)
    const { data } = await events(`?target_id=${rsvp.id}`)
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({
      action: 'rsvp.update',
      target: { type: 'rsvp', id: rsvp.id },
      details: { from: 'going', to: 'cancelled', initiative_id: rsvp.initiative_id },
    })
  })

  it('records key creation and revocation', async () => {
    const created = await secret('POST', '/v1/keys', { kind: 'secret', name: 'Audit test', scopes: ['members:read'] })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    expect((await secret('DELETE', `/v1/keys/${id}`)).status).toBe(204)
    const { data } = await events(`?target_id=${id}`)
    expect(data.map((event) => event.action)).toEqual(['key.revoke', 'key.create'])
    expect(data[1]?.details).toEqual({ kind: 'secret', scopes: ['members:read'] })
  })

  it('filters by key, action and time, and pages newest first', async () => {
    const keyId = await demoKeyId()
    const all = await events(`?key_id=${keyId}&limit=100`)
    expect(all.data.length).toBeGreaterThan(5)
    const ids = all.data.map((event) => Number(event.id))
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)

    // Reading the log adds to it: the pages are compared on an action no read adds.
    for (const name of ['Page 1', 'Page 2', 'Page 3']) {
      expect((await secret('POST', '/v1/keys', { kind: 'publishable', name })).status).toBe(201)
    }
    const created = await events(`?key_id=${keyId}&action=key.create&limit=100`)
    const first = await events(`?key_id=${keyId}&action=key.create&limit=2`)
    expect(first.next_cursor).not.toBeNull()
    const second = await events(`?key_id=${keyId}&action=key.create&limit=2&cursor=${first.next_cursor}`)
    expect([...first.data, ...second.data].map((event) => event.id)).toEqual(
      created.data.slice(0, 4).map((event) => event.id),
    )

    const future = new Date(Date.now() + 3_600_000).toISOString()
    expect((await events(`?since=${encodeURIComponent(future)}`)).data).toEqual([])
    const past = new Date(Date.now() - 3_600_000).toISOString()
    expect((await events(`?until=${encodeURIComponent(past)}`)).data).toEqual([])
    const reads = await events('?action=member.read')
    expect(reads.data.every((event) => event.action === 'member.read')).toBe(true)
  })

  it('records its own reading', async () => {
    await events('?action=key.create')
    const { data } = await events('?action=audit.list&limit=1')
    expect(data[0]?.details).toMatchObject({ query: { action: 'key.create' } })
  })

  it('shows each organization its own events, to keys with audit:read only', async () => {
    const theirs = await t.call('GET', '/v1/audit-events?limit=100', { key: t.other.secretKey })
    expect(theirs.status).toBe(200)
    const body = (await theirs.json()) as { data: Event[] }
    expect(body.data.filter((event) => event.target.id === memberId)).toEqual([])

    const created = await secret('POST', '/v1/keys', { kind: 'secret', name: 'No audit', scopes: ['members:read'] })
    const { token } = (await created.json()) as { token: string }
    expect((await t.call('GET', '/v1/audit-events', { key: token })).status).toBe(403)
    expect((await t.call('GET', '/v1/audit-events')).status).toBe(403)
    expect((await secret('GET', '/v1/audit-events?action=member.sing')).status).toBe(400)
    expect((await secret('GET', '/v1/audit-events?cursor=nope')).status).toBe(400)
  })

  it('refuses to change or delete an event', async () => {
    const db = t.database.db
    await expect(db.updateTable('audit_events').set({ action: 'member.list' }).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/)
  })
})
