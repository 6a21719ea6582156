import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../test/app.js'
import { currentConsentTexts } from '../domain/consent/texts.js'
import { sha256Hex } from '../domain/hashing.js'
import { mailTo, startTestWorker, type TestWorker } from '../jobs/test-worker.js'

let t: TestContext
let worker: TestWorker
let textIds: Record<string, string>
beforeAll(async () => {
  t = await openTestApp()
  worker = await startTestWorker(t.database)
  const texts = await currentConsentTexts(t.database.db, t.demo.organizationId, { language: 'fr' })
  textIds = Object.fromEntries(texts.map((text) => [text.purpose, text.id]))
})
afterAll(async () => {
  await worker.stop()
  await t.close()
})

const db = () => t.database.db

function signupBody(email: string, overrides: Record<string, unknown> = {}) {
  return {
    email,
    given_name: 'Camille',
    family_name: 'Courriel',
    postcode: '69003',
    consents: [
      { purpose: 'membership', text_id: textIds.membership },
      { purpose: 'news', text_id: textIds.news },
    ],
    ...overrides,
  }
}

const linkIn = (text: string, path: 'confirm' | 'unsubscribe') => {
  const match = text.match(new RegExp(`http://relais\\.test/${path}\\?token=([0-9a-z]+)`))
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${text}`)
  return { url: match[0], token: match[1], path: match[0].replace('http://relais.test', '') }
}

const postForm = (path: string, fields: Record<string, string>) =>
  t.call('POST', path, {
    key: null,
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })

async function memberByEmail(email: string) {
  return db()
    .selectFrom('members')
    .selectAll()
    .where('organization_id', '=', t.demo.organizationId)
    .where('email_normalized', '=', email.toLowerCase())
    .executeTakeFirstOrThrow()
}

describe('sign-up e-mails', () => {
  it('sends a new person a French confirmation whose link, followed, makes them an active member', async () => {
    const email = 'nouvelle.inscrite@example.org'
    const res = await t.call('POST', '/v1/signups', { body: signupBody(email) })
    expect(res.status).toBe(202)

    const mail = await mailTo(db(), email)
    expect(mail.template).toBe('signup-confirmation')
    expect(mail.subject).toMatch(/^Confirmez votre inscription à /)
    expect(mail.text_body).toContain('Bonjour Camille,')
    const parsed = await simpleParser(mail.raw)
    expect(parsed.subject).toBe(mail.subject)
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe(email)
    expect(parsed.from?.value[0]?.address).toBe('no-reply@relais.test')
    expect(parsed.text).toContain('/confirm?token=')
    expect(parsed.html).toContain('/confirm?token=')
    // Unfolded: long header lines are folded onto several.
    const header = (name: string) => parsed.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, ' ')
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/relais\.test\/unsubscribe\?token=/)
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    // Only the hash of the link's token is stored.
    const link = linkIn(mail.text_body, 'confirm')
    const stored = await db()
      .selectFrom('confirmations')
      .select('token_hash')
      .where('token_hash', '=', sha256Hex(link.token))
      .executeTakeFirst()
    expect(stored).toBeDefined()
    expect(JSON.stringify(await db().selectFrom('confirmations').selectAll().execute())).not.toContain(link.token)

    const page = await t.call('GET', link.path, { key: null })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`value="${link.token}"`)
    expect((await memberByEmail(email)).status).toBe('pending')

    const done = await postForm('/confirm', { token: link.token })
    expect(done.status).toBe(200)
    const member = await memberByEmail(email)
    expect(member.status).toBe('active')
    const consents = await db()
      .selectFrom('consent_records')
      .select(['purpose', 'confirmed_at'])
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', member.id)
      .execute()
    expect(consents.map((c) => c.purpose).sort()).toEqual(['membership', 'news'])
    expect(consents.every((c) => c.confirmed_at !== null)).toBe(true)
    // Single use.
    expect((await postForm('/confirm', { token: link.token })).status).toBe(400)
  })

  it("announces the organization's own delay before an unconfirmed sign-up is erased", async () => {
    const changed = await t.call('PUT', '/v1/retention-policy', {
      key: t.demo.secretKey,
      body: { unconfirmed_signups: 7 },
    })
    expect(changed.status).toBe(200)
    const email = 'delai.court@example.org'
    expect((await t.call('POST', '/v1/signups', { body: signupBody(email) })).status).toBe(202)
    const mail = await mailTo(db(), email)
    expect(mail.text_body).toContain('effacées d’ici 7 jours')
    await t.call('PUT', '/v1/retention-policy', { key: t.demo.secretKey, body: { unconfirmed_signups: null } })
  })

  it('writes in English to a person who signed up in English', async () => {
    const [membership] = await currentConsentTexts(db(), t.demo.organizationId, {
      purpose: 'membership',
      language: 'en',
    })
    const email = 'english.speaker@example.org'
    const res = await t.call('POST', '/v1/signups', {
      body: signupBody(email, { language: 'en', consents: [{ purpose: 'membership', text_id: membership?.id }] }),
    })
    expect(res.status).toBe(202)
    const mail = await mailTo(db(), email)
    expect(mail.subject).toMatch(/^Confirm your sign-up with /)
    expect(mail.text_body).toContain('Hello Camille,')
    expect(mail.html_body).toContain('<html lang="en">')
  })

  it('answers a known address exactly like a new one, and tells its owner by e-mail instead', async () => {
    const email = 'deja.membre@example.org'
    const first = await t.call('POST', '/v1/signups', { body: signupBody(email) })
    await postForm('/confirm', { token: linkIn((await mailTo(db(), email)).text_body, 'confirm').token })
    const member = await memberByEmail(email)
    expect(member.status).toBe('active')

    const again = await t.call('POST', '/v1/signups', {
      body: signupBody(email.toUpperCase(), { given_name: 'Usurpateur' }),
    })
    expect(again.status).toBe(first.status)
    expect(await again.text()).toBe(await first.clone().text())

    const notice = await mailTo(db(), email, 'already-member')
    expect(notice.subject).toMatch(/^Votre inscription à /)
    expect(notice.text_body).toContain('Vous en êtes déjà membre')
    // The stored name, not the one typed in the form.
    expect(notice.text_body).toContain('Bonjour Camille,')
    expect(notice.text_body).not.toContain('Usurpateur')
    linkIn(notice.text_body, 'confirm')
    linkIn(notice.text_body, 'unsubscribe')
    const count = await db()
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', t.demo.organizationId)
      .where('email_normalized', '=', email)
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('escapes what people typed in the HTML part', async () => {
    const email = 'balise@example.org'
    await t.call('POST', '/v1/signups', { body: signupBody(email, { given_name: '<b>Léa</b> & "co"' }) })
    const mail = await mailTo(db(), email)
    expect(mail.html_body).toContain('Bonjour &lt;b&gt;Léa&lt;/b&gt; &amp; &quot;co&quot;,')
    expect(mail.html_body).not.toContain('<b>Léa</b>')
    expect(mail.text_body).toContain('Bonjour <b>Léa</b> & "co",')
  })

  it('sends nothing for a form the robot trap caught', async () => {
    const email = 'robot@example.org'
    const res = await t.call('POST', '/v1/signups', { body: signupBody(email, { website: 'http://spam.example' }) })
    expect(res.status).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const kept = await db().selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()
    expect(kept).toHaveLength(0)
  })
})

describe('unsubscribe links', () => {
  it('show a page, then unsubscribe the member and withdraw their consent to news on POST', async () => {
    const email = 'desabonnement@example.org'
    await t.call('POST', '/v1/signups', { body: signupBody(email) })
    const mail = await mailTo(db(), email)
    await postForm('/confirm', { token: linkIn(mail.text_body, 'confirm').token })
    const link = linkIn(mail.text_body, 'unsubscribe')

    const page = await t.call('GET', link.path, { key: null })
    expect(page.status).toBe(200)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await page.text()).toContain(`value="${link.token}"`)
    expect((await memberByEmail(email)).status).toBe('active')

    const done = await postForm('/unsubscribe', { token: link.token })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('Vous êtes désabonné')
    const member = await memberByEmail(email)
    expect(member.status).toBe('unsubscribed')
    const news = await db()
      .selectFrom('consent_records')
      .select('withdrawn_at')
      .where('organization_id', '=', t.demo.organizationId)
      .where('member_id', '=', member.id)
      .where('purpose', '=', 'news')
      .executeTakeFirstOrThrow()
    expect(news.withdrawn_at).not.toBeNull()
    // The link keeps working, and says it is done.
    expect((await t.call('GET', link.path, { key: null })).status).toBe(200)
    expect((await postForm('/unsubscribe', { token: link.token })).status).toBe(200)
  })

  it('accept the one-click POST of mail apps (RFC 8058), with the token in the link', async () => {
    const email = 'un.clic@example.org'
    await t.call('POST', '/v1/signups', { body: signupBody(email) })
    const link = linkIn((await mailTo(db(), email)).text_body, 'unsubscribe')
    const res = await postForm(link.path, { 'List-Unsubscribe': 'One-Click' })
    expect(res.status).toBe(200)
    expect((await memberByEmail(email)).status).toBe('unsubscribed')
  })

  it('refuse an unknown or malformed token without changing anything', async () => {
    for (const token of ['0123456789abcdefghjk0123456789', 'not a token', '']) {
      expect((await t.call('GET', `/unsubscribe?token=${encodeURIComponent(token)}`, { key: null })).status).toBe(400)
      expect((await postForm('/unsubscribe', { token })).status).toBe(400)
    }
  })
})
