import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import { newId } from '../../domain/ids.js'
import { SseReader } from './test-sse.js'

// Only a PostgreSQL server has several connections writing at once and several processes on one
// database; this file runs in the postgres project only.

let t: TestContext
const servers: ChildProcess[] = []

beforeAll(async () => {
  t = await openTestApp()
})
afterAll(async () => {
  await Promise.all(servers.map(stop))
  await t.close()
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
    server.on('error', reject)
  })
}

/** A real API process on the test database, as `relais serve` runs in production. */
async function startServer(): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: new URL('../../../', import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: t.database.url, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  servers.push(child)
  let log = ''
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`)
    const ready = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ready) return url
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server did not start: ${log}`)
}

/** The connections LISTENing for activity on the test database: one per process with stream clients. */
async function listeners(): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and query ilike ${'listen%relais_activity%'}`.execute(t.database.db)
  return rows[0]?.n ?? 0
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

describe('GET /v1/activity/stream on PostgreSQL', () => {
  it('brings an item written through one process to the streams of another within a second', async () => {
    const [writer, reader] = await Promise.all([startServer(), startServer()])
    const response = await fetch(`${reader}/v1/activity/stream?kind=group_created`, {
      headers: { authorization: `Bearer ${t.demo.publishableKey}` },
    })
    expect(response.status).toBe(200)
    const stream = new SseReader(response)
    await stream.until((r) => r.blocks.some((block) => block.event === 'ready'), 'the stream to be live')
    const delays: number[] = []
    for (let n = 1; n <= 5; n++) {
      const started = Date.now()
      const created = await fetch(`${writer}/v1/groups`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.demo.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'thematic', name: `Atelier ${n}` }),
      })
      expect(created.status).toBe(201)
      const { id } = (await created.json()) as { id: string }
      await stream.until(
        (r) => r.events.some((event) => event.item.group?.id === id),
        `group ${n} on the other process`,
      )
      const arrived = stream.blocks.find((block) => block.data?.includes(id))?.at ?? Number.NaN
      delays.push(arrived - started)
    }
    console.log(`cross-process delay, POST on A to event on B (ms): ${delays.join(', ')}`)
    expect(Math.max(...delays)).toBeLessThan(1000)
    expect(stream.events.map((event) => event.item.data.name)).toEqual([1, 2, 3, 4, 5].map((n) => `Atelier ${n}`))
    expect(await listeners()).toBe(1)
    // When its last client leaves, the process stops listening: nothing is left behind.
    await stream.close()
    for (let i = 0; i < 100 && (await listeners()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await listeners()).toBe(0)
  })

  it('holds back a commit until every older transaction has finished, then delivers both in order', async () => {
    const app = createApp({
      db: t.database.db,
      config: { publicUrl: testPublicUrl, live: { listen: t.database.listen } },
    })
    const connect = async (headers: Record<string, string> = {}) =>
      new SseReader(
        await app.request(`${testPublicUrl}/v1/activity/stream?kind=test_overlap`, {
          headers: { authorization: `Bearer ${t.demo.publishableKey}`, ...headers },
        }),
      )
    const live = await connect()
    await live.until((r) => r.blocks.some((block) => block.event === 'ready'), 'the stream to be live')
    const insert = (trx: typeof t.database.db, id: string) =>
      trx
        .insertInto('activity')
        .values({ organization_id: t.demo.organizationId, id, kind: 'test_overlap', group_id: null, group_path: null })
        .execute()
    const early = await t.database.db.startTransaction().execute()
    const earlyId = newId('act')
    await insert(early, earlyId)
    const late = await t.database.db.startTransaction().execute()
    const lateId = newId('act')
    await insert(late, lateId)
    await late.commit().execute()
    // Longer than the safety-net poll: the late commit must still wait for the early transaction.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(live.events).toEqual([])
    const position = [...live.blocks].reverse().find((block) => block.id !== undefined)?.id ?? ''
    await early.commit().execute()
    await live.until((r) => r.events.length >= 2, 'both items')
    expect(live.events.map((event) => event.item.id)).toEqual([earlyId, lateId])
    // A client that left while the early transaction was open misses neither.
    const resumed = await connect({ 'last-event-id': position })
    await resumed.until((r) => r.events.length >= 2, 'both items on resume')
    expect(resumed.events.map((event) => event.item.id)).toEqual([earlyId, lateId])
    await Promise.all([live.close(), resumed.close()])
  })
})
