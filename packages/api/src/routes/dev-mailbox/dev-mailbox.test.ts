import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { mailTo, startTestWorker, type TestWorker } from '../../jobs/test-worker.js'

let t: TestContext
let worker: TestWorker
let mailbox: ReturnType<typeof createApp>
beforeAll(async () => {
  t = await openTestApp()
  worker = await startTestWorker(t.database)
  mailbox = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl, devMailbox: true } })
})
afterAll(async () => {
  await worker.stop()
  await t.close()
})

const get = (path: string) => Promise.resolve(mailbox.request(`${testPublicUrl}${path}`))

async function signUp(email: string) {
  const [membership] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
    purpose: 'membership',
    language: 'fr',
  })
  const res = await t.call('POST', '/v1/signups', {
    body: {
      email,
      given_name: 'Dominique',
      family_name: 'Boîte',
      postcode: '13001',
      consents: [{ purpose: 'membership', text_id: membership?.id }],
    },
  })
  expect(res.status).toBe(202)
  return mailTo(t.database.db, email)
}

describe('/dev/mailbox', () => {
  it('lists the kept messages, newest first, each linking to its page', async () => {
    await signUp('premiere@example.org')
    const second = await signUp('seconde@example.org')
    const res = await get('/dev/mailbox')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const page = await res.text()
    expect(page).toContain(`href="/dev/mailbox/${second.id}"`)
    expect(page.indexOf('seconde@example.org')).toBeLessThan(page.indexOf('premiere@example.org'))
    expect(page).toContain('Confirmez votre inscription à ')
  })

  it('shows a message with clickable links, its HTML part, attachments and MIME source', async () => {
    const mail = await signUp('lecture@example.org')
    const res = await get(`/dev/mailbox/${mail.id}`)
    expect(res.status).toBe(200)
    const page = await res.text()
    const confirm = mail.text_body.match(/http:\/\/relais\.test\/confirm\?token=[0-9a-z]+/)?.[0] ?? 'missing'
    expect(page).toContain(`<a href="${confirm}" target="_top">${confirm}</a>`)
    expect(page).toContain(`<iframe src="/dev/mailbox/${mail.id}/html"`)

    const part = await get(`/dev/mailbox/${mail.id}/html`)
    expect(part.status).toBe(200)
    const partHtml = await part.text()
    expect(partHtml).toContain('<base target="_top">')
    expect(partHtml).toContain(`href="${confirm}"`)
    expect(part.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")

    const raw = await get(`/dev/mailbox/${mail.id}/raw`)
    expect(raw.headers.get('content-type')).toBe('message/rfc822')
    expect(await raw.text()).toBe(mail.raw)
    // The link from the mailbox works like the one in a real inbox.
    const confirmPage = await get(confirm.replace(testPublicUrl, ''))
    expect(confirmPage.status).toBe(200)
  })

  it('answers 404 problems for unknown messages, and everywhere when the mailbox is off', async () => {
    for (const path of ['/dev/mailbox/999999', '/dev/mailbox/abc', '/dev/mailbox/1/attachments/7']) {
      const res = await get(path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    // The default: off, as with SMTP_URL set.
    for (const path of ['/dev/mailbox', '/dev/mailbox/1', '/dev/mailbox/1/raw']) {
      const res = await t.call('GET', path, { key: null })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })
})
