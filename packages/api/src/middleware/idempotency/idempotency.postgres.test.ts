import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { lockIdempotencyKey } from '../../domain/idempotency/stored-answers.js'
import { findKeyByToken } from '../../domain/keys/keys.js'

// Only a server has several connections: on PGlite transactions queue, so a duplicate never overlaps.
let t: TestContext
let membershipText: string
beforeAll(async () => {
  t = await openTestApp()
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  membershipText = texts.find((text) => text.purpose === 'membership')?.id ?? ''
})
afterAll(() => t.close())

const signup = (email: string) => ({
  email,
  given_name: 'Deux',
  family_name: 'Connexions',
  postcode: '75011',
  consents: [{ purpose: 'membership', text_id: membershipText }],
})

const members = async (email: string) =>
  (await t.database.db.selectFrom('members').select('id').where('email_normalized', '=', email).execute()).length

describe('Idempotency-Key across connections of one PostgreSQL', () => {
  it('answers 409 with Retry-After while another transaction holds the key, then runs once it is gone', async () => {
    const key = await findKeyByToken(t.database.db, t.demo.publishableKey)
    const scope = { organizationId: t.demo.organizationId, keyId: key?.id ?? '', idempotencyKey: 'en-vol-1' }
    const holder = await t.database.db.startTransaction().execute()
    expect(await lockIdempotencyKey(holder, scope)).toBe(true)
    const send = () =>
      t.call('POST', '/v1/signups', { body: signup('en.vol@example.org'), headers: { 'idempotency-key': 'en-vol-1' } })
    try {
      const busy = await send()
      expect(busy.status).toBe(409)
      expect(busy.headers.get('retry-after')).toBe('1')
      expect(await busy.json()).toMatchObject({ status: 409, detail: expect.stringContaining('still being processed') })
      expect(await members('en.vol@example.org')).toBe(0)
    } finally {
      await holder.rollback().execute()
    }
    expect((await send()).status).toBe(202)
    expect(await members('en.vol@example.org')).toBe(1)
  })

  it('lets exactly one of ten simultaneous duplicates write, on a pool of connections', async () => {
    const email = 'dix.connexions@example.org'
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', '/v1/signups', { body: signup(email), headers: { 'idempotency-key': 'simultane-1' } }),
      ),
    )
    const statuses = answers.map((res) => res.status)
    expect(
      statuses.every((status) => status === 202 || status === 409),
      statuses.join(),
    ).toBe(true)
    expect(answers.filter((res) => res.status === 202 && !res.headers.get('idempotent-replayed'))).toHaveLength(1)
    expect(await members(email)).toBe(1)
  })
})
