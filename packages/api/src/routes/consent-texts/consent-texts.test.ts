import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { sha256Hex } from '../../domain/hashing.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface Text {
  id: string
  purpose: string
  language: string
  version: number
  text: string
  sha256: string
}

async function list(query = '', key?: string) {
  const res = await t.call('GET', `/v1/consent-texts${query}`, key ? { key } : {})
  expect(res.status).toBe(200)
  return { res, texts: ((await res.json()) as { data: Text[] }).data }
}

describe('GET /v1/consent-texts', () => {
  it('lists one current text per purpose and language, fingerprinted, cacheable for five minutes', async () => {
    const { res, texts } = await list()
    const keys = texts.map((text) => `${text.purpose}/${text.language}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toEqual(expect.arrayContaining(['membership/fr', 'membership/en', 'news/fr', 'public_activity/fr']))
    for (const text of texts) expect(text.sha256).toBe(sha256Hex(text.text))
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(res.headers.get('vary')).toContain('Authorization')
  })

  it('filters by purpose and language', async () => {
    const { texts } = await list('?purpose=membership&language=en')
    expect(texts).toHaveLength(1)
    expect(texts[0]).toMatchObject({ purpose: 'membership', language: 'en' })
  })

  it('shows the newest version and never a retired one', async () => {
    const { texts: before } = await list('?purpose=news&language=fr')
    const current = before[0] as Text
    const newer = {
      ...current,
      id: 'cst_newerversionforthetest0000',
      version: current.version + 1,
      text: 'Nouvelle version.',
    }
    await t.database.db
      .insertInto('consent_texts')
      .values({ organization_id: t.demo.organizationId, ...newer, sha256: sha256Hex(newer.text) })
      .execute()
    const { texts: after } = await list('?purpose=news&language=fr')
    expect(after.map((text) => text.id)).toEqual([newer.id])
    await t.database.db
      .updateTable('consent_texts')
      .set({ retired_at: new Date() })
      .where('id', '=', newer.id)
      .execute()
    expect((await list('?purpose=news&language=fr')).texts.map((text) => text.id)).toEqual([current.id])
  })

  it('shows each organization its own texts', async () => {
    const ours = (await list()).texts.map((text) => text.id)
    const theirs = (await list('', t.other.publishableKey)).texts.map((text) => text.id)
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.filter((id) => ours.includes(id))).toEqual([])
  })

  it('refuses an unknown purpose, and calls without a key', async () => {
    const res = await t.call('GET', '/v1/consent-texts?purpose=marketing')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('query.purpose')
    expect((await t.call('GET', '/v1/consent-texts', { key: null })).status).toBe(401)
  })
})
