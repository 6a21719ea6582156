import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { demoGroups } from '../../../test/demo-groups.js'
import { createApp } from '../../app.js'
import type { LiveConfig } from '../../context.js'
import type { Group } from '../../db/types.js'
import { activityHub } from '../../domain/activity/stream-hub.js'
import { newId } from '../../domain/ids.js'
import { SseReader } from './test-sse.js'

let t: TestContext
let federation: Group
let section: Group
let elsewhere: Group
let hidden: Group
let kindCounter = 0

beforeAll(async () => {
  t = await openTestApp()
  ;({ section, federation, elsewhere, hidden } = await demoGroups(t))
})
afterAll(() => t.close())

/** The app with the live stream wired as the server does, with short timings. */
function liveApp(live: LiveConfig = {}) {
  return createApp({
    db: t.database.db,
    config: { publicUrl: testPublicUrl, live: { listen: t.database.listen, heartbeatMs: 60_000, ...live } },
  })
}

const app = () => (sharedApp ??= liveApp())
let sharedApp: ReturnType<typeof liveApp> | undefined

interface ConnectOptions {
  key?: string | null
  headers?: Record<string, string>
  via?: ReturnType<typeof liveApp>
}

async function connect(query: string, { key = t.demo.publishableKey, headers = {}, via = app() }: ConnectOptions = {}) {
  const res = await via.request(`${testPublicUrl}/v1/activity/stream?${query}`, {
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  return new SseReader(res)
}

/** A kind of its own for each test, so that tests never see each other's items. */
const freshKind = () => `test_stream_${++kindCounter}`

/** Writes activity as the domain does (in a transaction of its own), returning its id. */
async function write(kind: string, group: Group | null = section, at = new Date()) {
  const id = newId('act', at)
  await t.database.db
    .insertInto('activity')
    .values({
      organization_id: t.demo.organizationId,
      id,
      group_id: group?.id ?? null,
      group_path: group?.path ?? null,
      kind,
      payload: JSON.stringify({ n: id }),
      occurred_at: at,
    })
    .execute()
  return id
}

const ids = (reader: SseReader) => reader.events.map((event) => event.item.id)
const ready = (reader: SseReader) => reader.blocks.some((block) => block.event === 'ready')
const holds = (count: number) => (reader: SseReader) => reader.events.length >= count
const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms))

describe('GET /v1/activity/stream', () => {
  it('starts with the latest items asked for, oldest first, each with an id, then continues live', async () => {
    const kind = freshKind()
    const written = []
    for (let i = 0; i < 7; i++) written.push(await write(kind))
    const stream = await connect(`kind=${kind}&backfill=5`)
    await stream.until(ready, 'the backfill')
    expect(ids(stream)).toEqual(written.slice(2))
    expect(new Set(stream.events.map((event) => event.id)).size).toBe(5)
    // History first, then `ready`, then live.
    expect(stream.blocks.filter((block) => block.event).map((block) => block.event)).toEqual([
      ...Array(5).fill('activity'),
      'ready',
    ])
    const live = await write(kind)
    await stream.until(holds(6), 'the live item')
    expect(ids(stream)).toEqual([...written.slice(2), live])
    await stream.close()
  })

  it('delivers an item written after connecting through the API, shaped as in the list', async () => {
    const stream = await connect('kind=group_created')
    await stream.until(ready, 'the stream to be live')
    const created = await t.call('POST', '/v1/groups', {
      key: t.demo.secretKey,
      body: { kind: 'thematic', name: 'Vélo en ville' },
    })
    expect(created.status).toBe(201)
    const group = (await created.json()) as { id: string }
    await stream.until(holds(1), 'the group_created event')
    const [event] = stream.events
    expect(event?.item).toMatchObject({ kind: 'group_created', group: { id: group.id, name: 'Vélo en ville' } })
    expect(event?.item.data).toMatchObject({ group_id: group.id, name: 'Vélo en ville' })
    const listed = (await (await t.call('GET', '/v1/activity?kind=group_created&limit=1')).json()) as {
      data: unknown[]
    }
    expect(event?.item).toEqual(listed.data[0])
    await stream.close()
  })

  it('resumes after Last-Event-ID with exactly the items missed, none twice', async () => {
    const kind = freshKind()
    const first = await connect(`kind=${kind}`)
    const seen = [await write(kind), await write(kind)]
    await first.until(holds(2), 'the first items')
    const lastId = first.events[1]?.id ?? ''
    await first.close()
    const missed = [await write(kind), await write(kind), await write(kind)]
    const resumed = await connect(`kind=${kind}&backfill=50`, { headers: { 'last-event-id': lastId } })
    await resumed.until(holds(3), 'the missed items')
    await settle()
    expect(ids(resumed)).toEqual(missed)
    // The query parameter does the same for clients that cannot set the header.
    const byQuery = await connect(`kind=${kind}&last_event_id=${first.events[0]?.id}`)
    await byQuery.until(holds(4), 'the items after the first')
    await settle()
    expect(ids(byQuery)).toEqual([seen[1], ...missed])
    await Promise.all([resumed.close(), byQuery.close()])
  })

  it('resumes from where the live part began, even with no item received yet', async () => {
    const kind = freshKind()
    const first = await connect(`kind=${kind}`)
    await first.until(ready, 'the position on connect')
    const position = first.blocks.find((block) => block.event === 'ready')?.id ?? ''
    expect(first.events).toEqual([])
    await first.close()
    const missed = await write(kind)
    const resumed = await connect(`kind=${kind}`, { headers: { 'last-event-id': position } })
    await resumed.until(holds(1), 'the item written while away')
    expect(ids(resumed)).toEqual([missed])
    await resumed.close()
  })

  it('narrows to a group and its descendants', async () => {
    const kind = freshKind()
    const stream = await connect(`kind=${kind}&group=${federation.id}`)
    const inSection = await write(kind, section)
    await write(kind, elsewhere)
    await write(kind, null)
    const inFederation = await write(kind, federation)
    await stream.until(holds(2), 'the two items of the federation')
    await settle()
    expect(ids(stream)).toEqual([inSection, inFederation])
    await stream.close()
  })

  it('keeps what happens under a private group from publishable keys, and 404s that group', async () => {
    const kind = freshKind()
    const refused = await app().request(`${testPublicUrl}/v1/activity/stream?group=${hidden.id}`, {
      headers: { authorization: `Bearer ${t.demo.publishableKey}` },
    })
    expect(refused.status).toBe(404)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    const open = await connect(`kind=${kind}`)
    const secret = await connect(`kind=${kind}&group=${hidden.id}`, { key: t.demo.secretKey })
    const secretItem = await write(kind, hidden)
    const publicItem = await write(kind, section)
    await open.until(holds(1), 'the public item')
    await secret.until(holds(1), 'the private item')
    await settle()
    expect(ids(open)).toEqual([publicItem])
    expect(ids(secret)).toEqual([secretItem])
    await Promise.all([open.close(), secret.close()])
  })

  it("shows nothing of another organization's activity", async () => {
    const kind = freshKind()
    const theirs = await connect(`kind=${kind}`, { key: t.other.publishableKey })
    const ours = await connect(`kind=${kind}`)
    await write(kind)
    await ours.until(holds(1), 'our item')
    await settle()
    expect(theirs.events).toEqual([])
    await Promise.all([theirs.close(), ours.close()])
  })

  it('accepts the publishable key as ?key= for EventSource, with the Origin check, and never a secret key', async () => {
    const kind = freshKind()
    const allowed = 'https://candidat.example.org'
    const stream = await connect(`kind=${kind}&key=${t.demo.publishableKey}`, {
      key: null,
      headers: { origin: allowed },
    })
    expect(stream.response.headers.get('access-control-allow-origin')).toBe(allowed)
    const item = await write(kind)
    await stream.until(holds(1), 'the item')
    expect(ids(stream)).toEqual([item])
    await stream.close()
    const foreign = await app().request(`${testPublicUrl}/v1/activity/stream?key=${t.demo.publishableKey}`, {
      headers: { origin: 'https://evil.example.net' },
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const secret = await app().request(`${testPublicUrl}/v1/activity/stream?key=${t.demo.secretKey}`)
    expect(secret.status).toBe(401)
    const none = await app().request(`${testPublicUrl}/v1/activity/stream`)
    expect(none.status).toBe(401)
  })

  it('refuses malformed positions and backfills with a problem naming the field', async () => {
    const call = (query: string, headers: Record<string, string> = {}) =>
      app().request(`${testPublicUrl}/v1/activity/stream?${query}`, {
        headers: { authorization: `Bearer ${t.demo.publishableKey}`, ...headers },
      })
    const cases: [Response, string][] = [
      [await call('backfill=51'), 'query.backfill'],
      [await call('last_event_id=act_123'), 'query.last_event_id'],
      [await call('', { 'last-event-id': '1-2-3' }), 'header.last-event-id'],
      [await call('last_event_id=99999999999999999999-1'), 'last_event_id'],
    ]
    for (const [res, path] of cases) {
      expect(res.status).toBe(400)
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(path)
    }
  })

  it('sends a heartbeat comment when nothing happens', async () => {
    const quiet = liveApp({ heartbeatMs: 150 })
    const stream = await connect(`kind=${freshKind()}`, { via: quiet })
    await stream.until((r) => r.blocks.filter((block) => block.comment === 'ping').length >= 2, 'two pings', 3000)
    expect(stream.events).toEqual([])
    await stream.close()
  })

  it('moves the resume point past items of other filters with its heartbeats', async () => {
    const [mine, other] = [freshKind(), freshKind()]
    const quiet = liveApp({ heartbeatMs: 150 })
    const stream = await connect(`kind=${mine}`, { via: quiet })
    await stream.until(ready, 'the stream to be live')
    const start = stream.blocks.find((block) => block.event === 'ready')?.id
    await write(other)
    await stream.until((r) => r.blocks.some((block) => block.comment === 'ping' && block.id), 'a ping with an id', 3000)
    const moved = stream.blocks.find((block) => block.comment === 'ping' && block.id)?.id ?? ''
    expect(moved).not.toBe(start)
    await stream.close()
    const missed = await write(mine)
    const resumed = await connect(`kind=${mine}`, { headers: { 'last-event-id': moved } })
    await resumed.until(ready, 'the resumed stream')
    expect(ids(resumed)).toEqual([missed])
    await resumed.close()
  })

  it('stops following the database when the last client leaves', async () => {
    const hub = activityHub(t.database.db)
    await waitUntil(() => hub.size === 0, 'the clients of earlier tests to be gone')
    const streams = await Promise.all([connect(`kind=${freshKind()}`), connect(`kind=${freshKind()}`)])
    expect(hub.size).toBe(2)
    await streams[0]?.close()
    await waitUntil(() => hub.size === 1, 'the first client to be forgotten')
    await streams[1]?.close()
    await waitUntil(() => hub.size === 0, 'the second client to be forgotten')
  })

  it('disconnects a client that does not read, without slowing the others', async () => {
    const kind = freshKind()
    const strict = liveApp({ maxQueued: 3 })
    const hub = activityHub(t.database.db)
    await waitUntil(() => hub.size === 0, 'the clients of earlier tests to be gone')
    const stalled = await strict.request(`${testPublicUrl}/v1/activity/stream?kind=${kind}`, {
      headers: { authorization: `Bearer ${t.demo.publishableKey}` },
    })
    const reader = await connect(`kind=${kind}`)
    expect(hub.size).toBe(2)
    const written = []
    for (let i = 0; i < 12; i++) written.push(await write(kind))
    await reader.until(holds(12), 'every item for the reading client')
    expect(ids(reader)).toEqual(written)
    await waitUntil(() => hub.size === 1, 'the stalled client to be dropped')
    const late = new SseReader(stalled)
    await late.until((r) => r.ended, 'the stalled stream to end')
    expect(late.events.length).toBeLessThan(12)
    await reader.close()
  })

  it('delivers items committed with out-of-order ids in commit order, and resumes without skipping', async () => {
    const kind = freshKind()
    const stream = await connect(`kind=${kind}`)
    const now = Date.now()
    // The later id commits first, the earlier one after: a reader keyed on ids would skip the second.
    const lateId = newId('act', new Date(now + 60_000))
    const earlyId = newId('act', new Date(now))
    for (const id of [lateId, earlyId]) {
      await t.database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('activity')
          .values({ organization_id: t.demo.organizationId, id, kind, group_id: null, group_path: null })
          .execute()
      })
    }
    await stream.until(holds(2), 'both items')
    expect(ids(stream)).toEqual([lateId, earlyId])
    const resumed = await connect(`kind=${kind}`, { headers: { 'last-event-id': stream.events[0]?.id ?? '' } })
    await resumed.until(holds(1), 'the item committed second')
    expect(ids(resumed)).toEqual([earlyId])
    await Promise.all([stream.close(), resumed.close()])
  })

  it('describes the stream in the contract', async () => {
    const doc = (await (await t.call('GET', '/openapi.json', { key: null })).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: object }>; security: object[] } }>
    }
    const operation = doc.paths['/v1/activity/stream']?.get
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual(['text/event-stream'])
    expect(operation?.security).toContainEqual({ publishableKeyInQuery: [] })
  })
})

async function waitUntil(check: () => boolean, what: string, ms = 5000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
