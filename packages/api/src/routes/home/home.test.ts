import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { createApp } from '../../app.js'
import { campaignPage } from './campaign-page.js'

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

const demoPage = async () => (await demoApp().request('/')).text()
const widgets = [
  'relais-counter',
  'relais-event',
  'relais-event-list',
  'relais-signup-form',
  'relais-group-finder',
  'relais-activity-feed',
]

async function json<T>(path: string): Promise<T> {
  return (await (await t.call('GET', path)).json()) as T
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
    expect(html).not.toContain('<relais-')
  })

  it('is a candidate’s site made of every widget, through the loader and the demo publishable key', async () => {
    const html = await demoPage()
    expect(html).toContain('<script type="module" src="/widgets/v1/relais.js"></script>')
    expect(html).toMatch(new RegExp(`<relais-config key="${t.demo.publishableKey}" group="grp_\\w+" lang="fr">`))
    for (const tag of widgets) expect(html, tag).toContain(`<${tag}`)
    expect(html).toContain('<relais-event-list show-filters limit="5">')
    expect(html).not.toContain(t.demo.secretKey)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    for (const landmark of ['<header', '<nav', '<main id="contenu"', '<footer']) expect(html).toContain(landmark)
  })

  it('puts a link for visitors without JavaScript inside every widget tag', async () => {
    const html = await demoPage()
    for (const tag of widgets) {
      const blocks = [...html.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g'))].map(([block]) => block)
      expect(blocks.length, tag).toBeGreaterThan(0)
      for (const block of blocks) expect(block, tag).toMatch(/<a href="[^"]+">[^<]+<\/a>/)
    }
    // The calendar links work without a header: the publishable key rides in the address.
    const calendar = /href="(\/v1\/groups\/grp_\w+\/calendar\.ics\?key=[^"]+)"/.exec(html)?.[1] ?? ''
    const res = await demoApp().request(calendar)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
  })

  it('features the next initiative of the candidate’s section that still takes sign-ups', async () => {
    const sections = await json<{ data: { id: string; name: string }[] }>('/v1/groups?near=75011&kind=section&limit=1')
    const section = sections.data[0]
    expect(section?.name).toBe('Section Paris 11e')
    const upcoming = await json<{
      data: { id: string; starts_at: string; spots_left: number | null; waitlist_enabled: boolean }[]
    }>(`/v1/initiatives?group=${section?.id}&limit=20`)
    const next = upcoming.data.find(
      (i) => new Date(i.starts_at) > new Date() && (i.spots_left !== 0 || i.waitlist_enabled),
    )
    expect(next).toBeDefined()
    const html = await demoPage()
    expect(html).toContain(`<relais-event class="card" initiative="${next?.id}">`)
  })

  it('writes data from the database as text, never as markup', () => {
    const title = '<img src=x onerror="alert(1)"> & co'
    const html = campaignPage({
      publishableKey: 'pk_live_"><script>alert(1)</script>',
      featured: {
        id: 'ini_x"y',
        title,
        starts_at: new Date('2030-05-04T08:00:00Z'),
        timezone: 'Europe/Paris',
      } as Parameters<typeof campaignPage>[0]['featured'],
    })
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co, samedi 4 mai à 10:00')
    expect(html).toContain('initiative="ini_x&quot;y"')
  })

  it('runs under a strict policy: its own scripts only, no inline script, its one stylesheet by hash', async () => {
    const res = await demoApp().request('/')
    const html = await res.text()
    for (const [script] of html.matchAll(/<script[^>]*>/g)) expect(script).toMatch(/ src="\/[^/]/)
    expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/)
    expect(html).not.toMatch(/ style="/)
    expect(html).not.toMatch(/src="(https?:)?\/\//)
    expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//)
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
    const hash = createHash('sha256').update(style).digest('base64')
    const policy = res.headers.get('content-security-policy') ?? ''
    expect(policy).toContain(`style-src 'sha256-${hash}'`)
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("connect-src 'self'")
    expect(policy).not.toContain('unsafe')
  })

  it('has the browser fetch the event list’s code with the loader, not after it', async () => {
    const html = await demoPage()
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href ?? '')
    expect(preloaded[0]).toBe('/widgets/v1/relais-event-list.js')
    const list = await (await demoApp().request(preloaded[0] ?? '')).text()
    const imported = [...list.matchAll(/from\s*"\.\/(chunks\/[^"]+)"/g)].map(([, chunk]) => `/widgets/v1/${chunk}`)
    expect(imported.length).toBeGreaterThan(0)
    expect(preloaded.slice(1)).toEqual(imported)
    for (const href of preloaded) expect((await demoApp().request(href)).status, href).toBe(200)
  })

  it('serves the widgets’ loader it refers to', async () => {
    const res = await demoApp().request('/widgets/v1/relais.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/javascript')
  })
})
