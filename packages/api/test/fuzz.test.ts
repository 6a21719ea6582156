import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { openTestApp, testPublicUrl } from './app.js'
import { nonConformity } from './fuzz/conforms.js'
import { type OpenApiDocument, type Operation, operationsOf, resolver } from './fuzz/openapi.js'
import { describeRequest, type FuzzRequest, requestsFor } from './fuzz/requests.js'
import type { Pools } from './fuzz/values.js'

// Every operation of the contract gets malformed, hostile and nearly valid requests, with the demo
// secret key (all scopes) or publishable key: none may answer 5xx, and every refusal is a problem.
// Seeded, so a failure replays: FUZZ_SEED=… FUZZ_RUNS=… npx vitest run test/fuzz.test.ts
const seed = Number(process.env.FUZZ_SEED ?? 20_261_123)
const runs = Number(process.env.FUZZ_RUNS ?? 100)

const t = await openTestApp()
afterAll(() => t.close())

const document = (await (await t.app.request('/openapi.json')).json()) as OpenApiDocument
const operations = operationsOf(document)
const resolve = resolver(document)

async function idsOf(table: 'groups' | 'initiatives' | 'members' | 'rsvps' | 'consent_texts', org: string) {
  const rows = await t.database.db
    .selectFrom(table)
    .select('id')
    .where('organization_id', '=', org)
    .orderBy('id')
    .limit(40)
    .execute()
  return rows.map((row) => row.id)
}

async function pools(): Promise<Pools> {
  const prefixes = { grp: 'groups', ini: 'initiatives', mem: 'members', rsv: 'rsvps', cst: 'consent_texts' } as const
  const ids: Pools['ids'] = {}
  for (const [prefix, table] of Object.entries(prefixes)) {
    ids[prefix] = {
      own: await idsOf(table, t.demo.organizationId),
      foreign: await idsOf(table, t.other.organizationId),
    }
  }
  // Keys the fuzzing may revoke: never the two it calls with.
  const spare = await Promise.all(
    ['a', 'b', 'c'].map(async (name) => {
      const res = await t.call('POST', '/v1/keys', { key: t.demo.secretKey, body: { kind: 'publishable', name } })
      return ((await res.json()) as { id: string }).id
    }),
  )
  const foreignKeys = await t.database.db
    .selectFrom('api_keys')
    .select('id')
    .where('organization_id', '=', t.other.organizationId)
    .execute()
  ids.key = { own: spare, foreign: foreignKeys.map((row) => row.id) }
  const postcodes = await t.database.db.selectFrom('group_postcodes').select('postcode').distinct().limit(40).execute()
  const consentTexts = await t.database.db
    .selectFrom('consent_texts')
    .select(['id', 'purpose'])
    .where('organization_id', '=', t.demo.organizationId)
    .execute()
  return {
    ids,
    postcodes: postcodes.map((row) => row.postcode),
    consentTexts,
    publishableKey: t.demo.publishableKey,
    secretKey: t.demo.secretKey,
  }
}

const values = await pools()

/** What went wrong with an answer, or undefined when it keeps the contract. */
async function breach(operation: Operation, res: Response): Promise<string | undefined> {
  const type = res.headers.get('content-type') ?? ''
  if (res.status >= 500) return `answered ${res.status}: ${await res.text()}`
  const declared = operation.responses[String(res.status)]
  if (!declared) return `answered ${res.status}, which the contract does not list: ${(await res.text()).slice(0, 500)}`
  if (res.status === 204 || res.status === 304) {
    return (await res.text()) === '' ? undefined : `a ${res.status} with a body`
  }
  if (res.status >= 400 && type !== 'application/problem+json') return `a ${res.status} with content-type ${type}`
  if (type.startsWith('text/calendar')) {
    const text = await res.text()
    return text.startsWith('BEGIN:VCALENDAR') && text.trimEnd().endsWith('END:VCALENDAR')
      ? undefined
      : 'a broken calendar'
  }
  if (type.startsWith('text/event-stream')) return streamBreach(res)
  const schema = declared.content?.[type.split(';')[0] ?? '']?.schema
  if (!schema) return `a ${res.status} with content-type ${type}, which the contract does not declare`
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return `a ${res.status} whose JSON does not parse: ${text.slice(0, 500)}`
  }
  // Problems included: their status field must be the answer's, and every field its declared bounds.
  if (res.status >= 400 && (body as { status?: unknown }).status !== res.status) {
    return `a problem whose status is not ${res.status}: ${text.slice(0, 500)}`
  }
  const wrong = nonConformity(body, schema, resolve)
  return wrong ? `a ${res.status} unlike the contract says: ${wrong}\n${text.slice(0, 500)}` : undefined
}

/** Reads a live stream up to its `ready` event: every `activity` event's data must be JSON. */
async function streamBreach(res: Response): Promise<string | undefined> {
  const reader = res.body?.getReader()
  if (!reader) return 'a stream without a body'
  const decoder = new TextDecoder()
  let text = ''
  const deadline = Date.now() + 5000
  try {
    while (!text.includes('event: ready') && Date.now() < deadline) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  if (!text.includes('event: ready')) return `a stream that never got ready: ${text.slice(0, 300)}`
  for (const block of text.split('\n\n').filter((b) => b.startsWith('event: activity'))) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n')
    try {
      JSON.parse(data)
    } catch {
      return `a stream event whose data is not JSON: ${data.slice(0, 300)}`
    }
  }
  return undefined
}

// FUZZ_STATS=1 prints the statuses each operation answered: how deep the requests reached;
// FUZZ_DEBUG=<operationId> prints every request to that operation with its answer.
const statuses = new Map<string, Map<number, number>>()
function tally(operation: Operation, status: number) {
  const counts = statuses.get(operation.operationId) ?? new Map<number, number>()
  counts.set(status, (counts.get(status) ?? 0) + 1)
  statuses.set(operation.operationId, counts)
}
afterAll(() => {
  if (!process.env.FUZZ_STATS) return
  for (const [id, counts] of statuses) {
    const line = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`)
    console.log(`${id.padEnd(24)} ${line.join(' ')}`)
  }
})

function send(request: FuzzRequest): Promise<Response> {
  const init: RequestInit = { method: request.method, headers: request.headers }
  if (request.body !== undefined) init.body = request.body
  return Promise.resolve(t.app.request(`${testPublicUrl}${request.url}`, init))
}

describe('fuzzing every operation of the contract', () => {
  it('finds the operations in the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30)
  })

  operations.forEach((operation, index) => {
    it(`${operation.method} ${operation.path} (${operation.operationId}): no 5xx, every refusal a problem, every answer as declared`, async () => {
      await fc.assert(
        fc.asyncProperty(requestsFor(operation, values, resolve), async (request) => {
          const answers = await Promise.all(Array.from({ length: request.copies }, () => send(request)))
          for (const res of answers) {
            tally(operation, res.status)
            if (process.env.FUZZ_DEBUG === operation.operationId) {
              console.log(
                `${describeRequest(request).slice(0, 300)}\n=> ${res.status} ${(await res.clone().text()).slice(0, 300)}`,
              )
            }
            const wrong = await breach(operation, res)
            if (wrong)
              throw new Error(`${operation.operationId} ${wrong}\n--- request ---\n${describeRequest(request)}`)
          }
        }),
        // One seed per operation: adding an operation does not change what the others are sent.
        { seed: seed + index, numRuns: runs, endOnFailure: true },
      )
    }, 120_000)
  })
})
