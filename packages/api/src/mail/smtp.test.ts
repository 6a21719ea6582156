import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../test/app.js'
import { currentConsentTexts } from '../domain/consent/texts.js'
import { eventually } from '../jobs/test-worker.js'
import { type RunningWorker, startWorker } from '../jobs/worker.js'
import { createMailer } from './transport.js'

interface Received {
  from: string
  to: string[]
  raw: string
}

let t: TestContext
let server: SMTPServer
let worker: RunningWorker
const received: Received[] = []
const lines: string[] = []

beforeAll(async () => {
  t = await openTestApp()
  // A real SMTP server on a free port, as the other end of SMTP_URL.
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((to) => to.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  worker = await startWorker({
    db: t.database.db,
    listen: t.database.listen,
    pollSeconds: 0.5,
    context: {
      mailer: createMailer(`smtp://127.0.0.1:${port}`),
      publicUrl: testPublicUrl,
      mailFrom: 'relais@parti.example',
      unconfirmedDays: 14,
      log: (line) => lines.push(line),
    },
  })
})
afterAll(async () => {
  await worker.stop()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await t.close()
})

describe('e-mail over SMTP (SMTP_URL)', () => {
  it('hands the confirmation to the SMTP server, and keeps nothing in the database outbox', async () => {
    const [membership] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
      purpose: 'membership',
      language: 'fr',
    })
    const email = 'par.smtp@example.org'
    const res = await t.call('POST', '/v1/signups', {
      body: {
        email,
        given_name: 'Claude',
        family_name: 'Serveur',
        postcode: '31000',
        consents: [{ purpose: 'membership', text_id: membership?.id }],
      },
    })
    expect(res.status).toBe(202)

    const message = await eventually(async () => received.find((m) => m.to.includes(email)))
    expect(message.from).toBe('relais@parti.example')
    const parsed = await simpleParser(message.raw)
    expect(parsed.subject).toMatch(/^Confirmez votre inscription à /)
    expect(parsed.text).toMatch(/http:\/\/relais\.test\/confirm\?token=[0-9a-z]+/)
    expect(parsed.html).toContain('http://relais.test/unsubscribe?token=')
    expect(lines.some((line) => line.includes('sent over SMTP'))).toBe(true)
    const kept = await t.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()
    expect(kept).toHaveLength(0)
  })
})
