import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext, testPublicUrl } from '../../../test/app.js'
import { createApp } from '../../app.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { jobsChannel } from '../../jobs/queue.js'
import { mailTo, startTestWorker, type TestWorker } from '../../jobs/test-worker.js'
import { WorkerWake } from '../../jobs/wake.js'

// The API with its wake-up, and a worker that would look at its queues only once a minute.
let t: TestContext
let app: ReturnType<typeof createApp>
let wake: WorkerWake
let worker: TestWorker
let membershipText: string
beforeAll(async () => {
  t = await openTestApp()
  wake = new WorkerWake(t.database.db)
  app = createApp({ db: t.database.db, config: { publicUrl: testPublicUrl }, workerWake: wake })
  worker = await startTestWorker(t.database, { pollSeconds: 60 })
  const [text] = await currentConsentTexts(t.database.db, t.demo.organizationId, {
    purpose: 'membership',
    language: 'fr',
  })
  membershipText = text?.id ?? ''
})
afterAll(async () => {
  await wake.close()
  await worker.stop()
  await t.close()
})

function signUp(email: string, textId = membershipText) {
  return app.request(`${testPublicUrl}/v1/signups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.demo.publishableKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      given_name: 'Camille',
      family_name: 'Réveil',
      postcode: '69003',
      consents: [{ purpose: 'membership', text_id: textId }],
    }),
  })
}

describe('wakeWorkers', { timeout: 20_000 }, () => {
  it('has an idle worker send the e-mail of a sign-up at once, not at its next poll', async () => {
    // Past the worker's first look at its queues, on start.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const sent = performance.now()
    expect((await signUp('reveil@example.org')).status).toBe(202)
    const message = await mailTo(t.database.db, 'reveil@example.org', 'signup-confirmation')
    expect(message).toBeDefined()
    expect(performance.now() - sent).toBeLessThan(10_000)
  })

  it('wakes nobody after a refused write or a read', async () => {
    const heard: string[] = []
    const unlisten = await t.database.listen?.(jobsChannel, (payload) => heard.push(payload ?? ''))
    expect((await signUp('refuse@example.org', 'cst_unknown')).status).toBe(400)
    const read = await app.request(`${testPublicUrl}/v1/initiatives`, {
      headers: { authorization: `Bearer ${t.demo.publishableKey}` },
    })
    expect(read.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await unlisten?.()
    expect(heard).toEqual([])
  })
})
