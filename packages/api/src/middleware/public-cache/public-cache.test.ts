import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { publicSection } from '../../../test/demo-groups.js'
import { createApp } from '../../app.js'
import type { Initiative } from '../../db/types.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { AnswerStore } from './answer-store.js'
import { openPublicCache } from './index.js'

let t: TestContext
let section: string

beforeAll(async () => {
  t = await openTestApp()
  section = (await publicSection(t)).id
})
afterAll(() => t.close())

/** The app as a server runs it: with recent public answers kept for `ttlMs`. */
async function cachedApp(ttlMs: number) {
  const publicCache = await openPublicCache({ ttlMs })
  const app = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl }, publicCache })
  return (method: string, path: string, key: string, headers: Record<string, string> = {}, body?: unknown) =>
    app.request(`${testPublicUrl}${path}`, {
      method,
      headers: { ...headers, authorization: `Bearer ${key}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
}

async function upcomingInitiative(): Promise<Initiative> {
  return t.database.db
    .selectFrom('initiatives')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('group_id', '=', section)
    .where('status', '=', 'published')
    .where('starts_at', '>', new Date())
    .orderBy('starts_at')
    .executeTakeFirstOrThrow()
}

/** Renames an initiative behind the API's back, as another tool writing to the database would. */
async function renameQuietly(id: string, title: string) {
  await t.database.db
    .updateTable('initiatives')
    .set({ title })
    .where('organization_id', '=', t.demo.organizationId)
    .where('id', '=', id)
    .execute()
}

const titleOf = async (res: Response) => ((await res.json()) as { title: string }).title

describe('conditional public reads', () => {
  it('gives a list an ETag, and 304 with no body to a caller holding it', async () => {
    const path = `/v1/initiatives?group=${section}&limit=5`
    const first = await t.call('GET', path)
    const etag = first.headers.get('etag')
    expect(first.status).toBe(200)
    expect(etag).toMatch(/^"b-[0-9a-f]{32}"$/)
    const again = await t.call('GET', path, { headers: { 'if-none-match': etag ?? '' } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await t.call('GET', path, { headers: { 'if-none-match': '"b-0"' } })
    expect(other.status).toBe(200)
    expect(other.headers.get('etag')).toBe(etag)
  })
})

describe('the public cache', () => {
  it('serves a publishable key the answer of the last ttl, then computes it again', async () => {
    const call = await cachedApp(300)
    const initiative = await upcomingInitiative()
    const path = `/v1/initiatives/${initiative.id}`
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe(initiative.title)
    await renameQuietly(initiative.id, 'Renamed behind the cache')
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe(initiative.title)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe('Renamed behind the cache')
    await renameQuietly(initiative.id, initiative.title)
  })

  it('never serves a secret key from it', async () => {
    const call = await cachedApp(60_000)
    const initiative = await upcomingInitiative()
    const path = `/v1/initiatives/${initiative.id}`
    expect(await titleOf(await call('GET', path, t.demo.secretKey))).toBe(initiative.title)
    await renameQuietly(initiative.id, 'Seen by the secret key at once')
    expect(await titleOf(await call('GET', path, t.demo.secretKey))).toBe('Seen by the secret key at once')
    await renameQuietly(initiative.id, initiative.title)
  })

  it('forgets the organization’s answers when a write succeeds: a cancellation shows at once', async () => {
    const call = await cachedApp(60_000)
    const initiative = await upcomingInitiative()
    const detail = `/v1/initiatives/${initiative.id}`
    const list = `/v1/initiatives?group=${section}&limit=100`
    const listed = async () =>
      ((await (await call('GET', list, t.demo.publishableKey)).json()) as { data: { id: string }[] }).data.map(
        (item) => item.id,
      )
    expect(await listed()).toContain(initiative.id)
    const before = (await (await call('GET', detail, t.demo.publishableKey)).json()) as { status: string }
    expect(before.status).toBe('published')
    expect((await call('POST', `${detail}/cancel`, t.demo.secretKey)).status).toBe(200)
    const after = (await (await call('GET', detail, t.demo.publishableKey)).json()) as { status: string }
    expect(after.status).toBe('cancelled')
    expect(await listed()).not.toContain(initiative.id)
  })

  it('keeps the answers of other organizations, and after a refused write', async () => {
    const call = await cachedApp(60_000)
    const initiative = await upcomingInitiative()
    const path = `/v1/initiatives/${initiative.id}`
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe(initiative.title)
    await renameQuietly(initiative.id, 'Not seen while nothing changed through the API')
    const refused = await call('PATCH', path, t.demo.secretKey, { 'content-type': 'application/json' })
    expect(refused.status).toBe(400)
    expect((await call('GET', '/v1/groups?limit=1', t.other.secretKey)).status).toBe(200)
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe(initiative.title)
    await renameQuietly(initiative.id, initiative.title)
  })

  it('keeps them through pending sign-ups, which show nowhere until confirmed', async () => {
    const call = await cachedApp(60_000)
    const initiative = await upcomingInitiative()
    const path = `/v1/initiatives/${initiative.id}`
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe(initiative.title)
    await renameQuietly(initiative.id, 'Not seen after a sign-up')
    const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
    const membership = texts.find((text) => text.purpose === 'membership')?.id ?? ''
    const signup = await call(
      'POST',
      '/v1/signups',
      t.demo.publishableKey,
      { 'content-type': 'application/json' },
      {
        email: 'cache.signup@example.org',
        given_name: 'Inès',
        family_name: 'Durand',
        postcode: '75011',
        consents: [{ purpose: 'membership', text_id: membership }],
      },
    )
    expect(signup.status).toBe(202)
    expect(await titleOf(await call('GET', path, t.demo.publishableKey))).toBe(initiative.title)
    await renameQuietly(initiative.id, initiative.title)
  })

  it('refuses a key revoked through the API at once, though it was just used', async () => {
    const call = await cachedApp(60_000)
    const created = await call('POST', '/v1/keys', t.demo.secretKey, { 'content-type': 'application/json' })
    expect(created.status).toBe(400) // a body is needed: the write failed and changed nothing
    const made = await t.call('POST', '/v1/keys', {
      key: t.demo.secretKey,
      body: { kind: 'publishable', name: 'Revoked soon', allowed_origins: ['https://example.org'] },
    })
    expect(made.status).toBe(201)
    const { id, token } = (await made.json()) as { id: string; token: string }
    expect((await call('GET', '/v1/groups?limit=1', token)).status).toBe(200)
    expect((await call('DELETE', `/v1/keys/${id}`, t.demo.secretKey)).status).toBe(204)
    expect((await call('GET', '/v1/groups?limit=1', token)).status).toBe(401)
  })
})

describe('the consent texts a form is checked against', () => {
  const texts = async () => {
    const current = await currentConsentTexts(t.database.db, t.demo.organizationId)
    const find = (purpose: string, language: string) =>
      current.find((text) => text.purpose === purpose && text.language === language)?.id ?? ''
    return { membership: find('membership', 'fr'), news: find('news', 'en') }
  }
  const signup = (email: string, membership: string, news: string) => ({
    email,
    given_name: 'Inès',
    family_name: 'Durand',
    postcode: '75011',
    consents: [
      { purpose: 'membership', text_id: membership },
      { purpose: 'news', text_id: news },
    ],
  })
  const json = { 'content-type': 'application/json' }

  it('are kept a moment: a text retired behind the API’s back is still accepted within the ttl', async () => {
    const call = await cachedApp(60_000)
    const { membership, news } = await texts()
    expect(
      (await call('POST', '/v1/signups', t.demo.publishableKey, json, signup('a.texts@example.org', membership, news)))
        .status,
    ).toBe(202)
    const retire = (at: Date | null) =>
      t.database.db
        .updateTable('consent_texts')
        .set({ retired_at: at })
        .where('organization_id', '=', t.demo.organizationId)
        .where('id', '=', news)
        .execute()
    await retire(new Date())
    try {
      // Kept: not read again. Without the cache, the same form is refused at once.
      const kept = await call(
        'POST',
        '/v1/signups',
        t.demo.publishableKey,
        json,
        signup('b.texts@example.org', membership, news),
      )
      expect(kept.status).toBe(202)
      const uncached = await t.call('POST', '/v1/signups', { body: signup('c.texts@example.org', membership, news) })
      expect(uncached.status).toBe(400)
    } finally {
      await retire(null)
    }
  })

  it('are read again once a new version is published through the API: the old one is refused at once', async () => {
    const call = await cachedApp(60_000)
    const { membership, news } = await texts()
    expect(
      (await call('POST', '/v1/signups', t.demo.publishableKey, json, signup('d.texts@example.org', membership, news)))
        .status,
    ).toBe(202)
    const published = await call('POST', '/v1/consent-texts', t.demo.secretKey, json, {
      purpose: 'news',
      language: 'en',
      text: 'A newer wording of the news consent, published during a rush of sign-ups.',
    })
    expect(published.status).toBe(201)
    const replaced = await call(
      'POST',
      '/v1/signups',
      t.demo.publishableKey,
      json,
      signup('e.texts@example.org', membership, news),
    )
    expect(replaced.status).toBe(400)
    const { id } = (await published.json()) as { id: string }
    expect(
      (await call('POST', '/v1/signups', t.demo.publishableKey, json, signup('f.texts@example.org', membership, id)))
        .status,
    ).toBe(202)
  })
})

describe('AnswerStore', () => {
  const stamp = { organization: 0, everything: 0 }
  const answer = { body: new Uint8Array([1]), headers: [], etag: '"b-1"' }

  it('computes an answer once for all the requests waiting for it', async () => {
    const store = new AnswerStore({ ttlMs: 1000, maxBytes: 1 << 20, isCurrent: () => true })
    let computed = 0
    const compute = async () => {
      computed += 1
      await new Promise((resolve) => setTimeout(resolve, 20))
      return answer
    }
    const flights = Array.from({ length: 20 }, () => store.shared('org\n/v1/initiatives', 'org', stamp, compute))
    const answers = await Promise.all(flights.map((flight) => flight.answer))
    expect(computed).toBe(1)
    expect(flights.filter((flight) => flight.leader)).toHaveLength(1)
    expect(answers.every((each) => each === answer)).toBe(true)
    expect(store.get('org\n/v1/initiatives')?.answer).toBe(answer)
  })

  it('has one request renew an answer in the last quarter of its ttl while the others are still served it', async () => {
    let now = 0
    const store = new AnswerStore({ ttlMs: 1000, maxBytes: 1 << 20, isCurrent: () => true, now: () => now })
    const next = { body: new Uint8Array([2]), headers: [], etag: '"b-2"' }
    await store.shared('k', 'org', stamp, async () => answer).answer
    now = 700
    expect(store.get('k')).toEqual({ answer, renew: false })
    now = 800
    expect(store.get('k')).toEqual({ answer, renew: true })
    let finish: (value: typeof next) => void = () => undefined
    const renewal = store.shared('k', 'org', stamp, () => new Promise((resolve) => (finish = resolve)))
    expect(renewal.leader).toBe(true)
    // While it computes, the others get the answer they had, and none of them computes too.
    expect(store.get('k')).toEqual({ answer, renew: false })
    finish(next)
    await renewal.answer
    expect(store.get('k')).toEqual({ answer: next, renew: false })
    // Past the ttl with nobody renewing it, the answer is gone: nobody is served it any longer.
    now = 800 + 1000
    expect(store.get('k')).toBeUndefined()
  })

  it('drops answers past their ttl or their organization’s change, and the least used past its bytes', async () => {
    let now = 0
    let current = true
    const store = new AnswerStore({ ttlMs: 1000, maxBytes: 64, isCurrent: () => current, now: () => now })
    const big = (n: number) => ({ body: new Uint8Array(4).fill(n), headers: [], etag: `"b-${n}"` })
    for (const n of [1, 2, 3]) await store.shared(`k${n}`, 'org', stamp, async () => big(n)).answer
    expect(store.get('k1')?.answer.etag).toBe('"b-1"')
    now = 1000
    expect(store.get('k1')).toBeUndefined()
    now = 0
    current = false
    expect(store.get('k2')).toBeUndefined()
    current = true
    for (let n = 10; n < 40; n++) await store.shared(`k${n}`, 'org', stamp, async () => big(n)).answer
    expect(store.get('k10')).toBeUndefined()
    expect(store.get('k39')?.answer.etag).toBe('"b-39"')
  })
})
