import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { createApp } from '../../app.js'

let t: TestContext
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

function demoApp() {
  return createApp({
    db: t.database.db,
    config: {
      publicUrl: 'http://localhost:8787',
      demo: { publishableKey: t.demo.publishableKey, organizationId: t.demo.organizationId },
    },
  })
}

describe('GET /', () => {
  it('introduces Relais and its docs when no demo is configured', async () => {
    const res = await t.call('GET', '/', { key: null })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('href="/docs"')
    expect(html).toContain('href="/openapi.json"')
    expect(html).not.toContain('data-key')
  })

  it('carries the demo publishable key and loads its script, never the secret key', async () => {
    const html = await (await demoApp().request('/')).text()
    expect(html).toContain(`data-key="${t.demo.publishableKey}"`)
    expect(html).toContain('<script src="/home/demo.js" defer></script>')
    expect(html).not.toContain(t.demo.secretKey)
  })

  it('loads nothing from elsewhere, under a policy that allows only its own style and script', async () => {
    const res = await demoApp().request('/')
    const html = await res.text()
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
    const hash = createHash('sha256').update(style).digest('base64')
    const policy = res.headers.get('content-security-policy') ?? ''
    expect(policy).toContain(`style-src 'sha256-${hash}'`)
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("connect-src 'self'")
  })

  it('serves a script that writes data as text, never as markup', async () => {
    const res = await demoApp().request('/home/demo.js')
    expect(res.headers.get('content-type')).toContain('text/javascript')
    const script = await res.text()
    expect(script).toContain('/v1/initiatives?limit=10')
    expect(script).toContain('kind=federation')
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })
})
