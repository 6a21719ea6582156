import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { sha256Hex } from '../../domain/hashing.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

interface Version {
  id: string
  purpose: string
  language: string
  version: number
  text: string
  sha256: string
  retired_at: string | null
}

const wording = 'J’accepte que le parti traite mes données pour gérer mon adhésion (version revue par nos juristes).'

async function current(purpose: string, language: string) {
  const res = await t.call('GET', `/v1/consent-texts?purpose=${purpose}&language=${language}`)
  return ((await res.json()) as { data: Version[] }).data
}

describe('consent text versions', () => {
  it('publishes the next version, fingerprinted here, and retires the one it replaces', async () => {
    const [before] = await current('membership', 'fr')
    const res = await t.call('POST', '/v1/consent-texts', {
      key: t.demo.secretKey,
      body: { purpose: 'membership', language: 'fr', text: wording },
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Version
    expect(created).toMatchObject({
      purpose: 'membership',
      language: 'fr',
      version: (before?.version ?? 0) + 1,
      text: wording,
      sha256: sha256Hex(wording),
      retired_at: null,
    })
    expect(res.headers.get('location')).toBe(`http://relais.test/v1/consent-texts/${created.id}`)
    expect((await current('membership', 'fr')).map((text) => text.id)).toEqual([created.id])

    // The old version stays readable, verbatim, as proof; it is marked retired.
    const old = await t.call('GET', `/v1/consent-texts/${before?.id}`)
    expect(old.status).toBe(200)
    expect(await old.json()).toMatchObject({ id: before?.id, text: before?.text, retired_at: expect.any(String) })

    // A form still showing it has its sign-up refused.
    const signup = await t.call('POST', '/v1/signups', {
      body: {
        email: 'formulaire.ancien@example.org',
        given_name: 'Ancien',
        family_name: 'Formulaire',
        postcode: '75011',
        consents: [{ purpose: 'membership', text_id: before?.id }],
      },
    })
    expect(signup.status).toBe(400)
    expect(JSON.stringify(await signup.json())).toContain('replaced by a newer version')

    const versions = await t.call('GET', '/v1/consent-text-versions?purpose=membership&language=fr', {
      key: t.demo.secretKey,
    })
    expect(versions.status).toBe(200)
    const all = ((await versions.json()) as { data: Version[] }).data
    expect(all.map((text) => text.id)).toEqual(expect.arrayContaining([before?.id, created.id]))
    expect(all.filter((text) => text.retired_at === null).map((text) => text.id)).toEqual([created.id])

    const audit = await t.call('GET', `/v1/audit-events?action=consent_text.create&target_id=${created.id}`, {
      key: t.demo.secretKey,
    })
    const [event] = ((await audit.json()) as { data: { details: Record<string, unknown> }[] }).data
    expect(event?.details).toMatchObject({ version: created.version, sha256: created.sha256, retired: [before?.id] })
  })

  it('numbers versions one after the other', async () => {
    const publish = (text: string) =>
      t.call('POST', '/v1/consent-texts', { key: t.demo.secretKey, body: { purpose: 'news', language: 'en', text } })
    const first = (await (await publish('First new wording of the news consent.')).json()) as Version
    const second = (await (await publish('Second new wording of the news consent.')).json()) as Version
    expect(second.version).toBe(first.version + 1)
    expect((await current('news', 'en')).map((text) => text.id)).toEqual([second.id])
  })

  it('refuses publishable keys, bad bodies, and another organization’s versions', async () => {
    const body = { purpose: 'news', language: 'fr', text: wording }
    expect((await t.call('POST', '/v1/consent-texts', { body })).status).toBe(403)
    const bad = await t.call('POST', '/v1/consent-texts', {
      key: t.demo.secretKey,
      body: { purpose: 'marketing', language: 'de', text: 'court', sha256: 'x' },
    })
    expect(bad.status).toBe(400)
    const list = (await (await t.call('GET', '/v1/consent-texts', { key: t.other.publishableKey })).json()) as {
      data: Version[]
    }
    expect(list.data[0]?.id).toBeDefined()
    expect((await t.call('GET', `/v1/consent-texts/${list.data[0]?.id}`)).status).toBe(404)
    expect((await t.call('GET', '/v1/consent-texts/not-an-id')).status).toBe(400)
    expect((await t.call('GET', '/v1/consent-text-versions')).status).toBe(403)
  })
})
