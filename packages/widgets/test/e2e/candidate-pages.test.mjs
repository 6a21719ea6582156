// The candidate pages in a real browser, end to end: the demo page `/` of the API, and the static
// example examples/candidate-site served from another origin with its own publishable key. Every
// widget must render with the demo data; a visitor signs up and registers to an action through the
// forms; axe finds nothing. Screenshots go to a temporary folder, printed at the end.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { freePort, startApi } from '../api-server.js'
import { axeViolations, followLink, launchChromium, serveFolder, watchedPage } from './browser.mjs'

const exampleFolder = new URL('../../../../examples/candidate-site/', import.meta.url).pathname
const screenshots = mkdtempSync(join(tmpdir(), 'relais-candidate-pages-'))
const sitePort = await freePort()
const siteOrigin = `http://127.0.0.1:${sitePort}`

let api
let browser
let site

/** Secret-key calls, from Node: to look up ids for the example and check what the forms created. */
async function admin(path) {
  const response = await fetch(`${api.info.api}${path}`, { headers: { authorization: `Bearer ${api.secretKey}` } })
  assert.equal(response.status, 200, `${path}: ${response.status}`)
  return response.json()
}

/** Nothing in the console: first what is not about the page's policy, then the policy's refusals. */
function expectNoProblems(problems) {
  const refused = (problem) => /Content Security Policy|CSP:/.test(problem)
  assert.deepEqual(
    problems.filter((p) => !refused(p)),
    [],
    'no error in the console',
  )
  assert.deepEqual([...new Set(problems.filter(refused))], [], "the widgets keep to the page's Content-Security-Policy")
}

/** Opens `count` event streams in a page, resolved once all answered: each holds a connection. */
function openStreams({ url, count }) {
  const opened = () =>
    new Promise((resolve, reject) => {
      const source = new EventSource(url)
      source.onopen = resolve
      source.onerror = () => reject(new Error(`the stream ${url} failed`))
    })
  return Promise.all(Array.from({ length: count }, opened)).then(() => undefined)
}

/** Waits until every widget of the page shows its data, not a placeholder nor an error. */
async function widgetsReady(page) {
  const ready = {
    counters: page.locator('relais-counter [aria-busy="false"] [part="count"]'),
    featured: page.locator('section.featured relais-event [part="title"]'),
    list: page.locator('relais-event-list [part~="initiative"]').first(),
    filters: page.locator('relais-event-list [part="filters"] select'),
    signup: page.locator('relais-signup-form input[type="checkbox"]').first(),
    finder: page.locator('relais-group-finder input').first(),
    feed: page.locator('relais-activity-feed [part~="item"]').first(),
  }
  await ready.counters.nth(1).waitFor()
  for (const locator of Object.values(ready)) await locator.first().waitFor({ timeout: 15_000 })
  for (const count of await ready.counters.allTextContents()) assert.match(count, /\d/)
  assert.equal(await page.locator('[part~="error"]').count(), 0, 'no widget shows an error')
}

before(async () => {
  if (!existsSync(new URL('../../cdn/relais.js', import.meta.url))) {
    throw new Error('The API serves the built widgets: run pnpm --filter @relais/widgets build first.')
  }
  api = await startApi({ pageOrigins: [siteOrigin] })
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  site?.close()
  await api?.stop()
  console.log(`Screenshots of the candidate pages: ${screenshots}`)
})

describe('the demo page, /', () => {
  it('shows every widget with data, takes a sign-up and an RSVP, and passes axe', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    })
    const { page, problems } = await watchedPage(context)
    await page.goto(`${api.info.api}/`)
    await widgetsReady(page)
    assert.deepEqual(await axeViolations(page), [], 'axe, every widget loaded')
    await page.screenshot({ path: join(screenshots, 'demo-page.png'), fullPage: true })

    // A visitor joins, the way they would: labels, keyboard-reachable controls, the button.
    const email = `ines.garnier.${Date.now()}@example.org`
    const signup = page.locator('relais-signup-form')
    await signup.getByLabel('Prénom', { exact: true }).fill('Inès')
    await signup.getByLabel('Nom', { exact: true }).fill('Garnier')
    await signup.getByLabel('Adresse e-mail', { exact: true }).fill(email)
    await signup.getByLabel('Code postal', { exact: true }).fill('75011')
    await signup.locator('#f-membership').check()
    await signup.getByRole('button', { name: 'Adhérer' }).click()
    const joined = signup.locator('[part="success"]')
    await joined.waitFor()
    assert.match(await joined.textContent(), /e-mail/i)
    const members = await admin(`/v1/members?q=${encodeURIComponent(email)}`)
    assert.equal(members.data.length, 1, 'the member exists')
    assert.equal(members.data[0].status, 'pending', 'until the e-mail is confirmed')

    // She opens the confirmation e-mail in the dev mailbox, follows its link and confirms.
    const mailbox = await context.newPage()
    await mailbox.goto(`${api.info.api}/dev/mailbox`)
    await mailbox.locator('tr', { hasText: email }).getByRole('link').first().click()
    await followLink(mailbox.locator('a[href*="/confirm"]').first())
    await mailbox.getByRole('button', { name: 'Confirmer mon adresse' }).click()
    await mailbox.getByRole('heading', { name: 'Merci, votre adresse est confirmée' }).waitFor()
    await mailbox.close()
    const confirmed = await admin(`/v1/members?q=${encodeURIComponent(email)}`)
    assert.equal(confirmed.data[0].status, 'active', 'active once the e-mail is confirmed')
    const held = await admin(`/v1/members/${confirmed.data[0].id}/export`)
    const membership = held.consents.find((consent) => consent.purpose === 'membership')
    assert.match(membership.text.sha256, /^[0-9a-f]{64}$/, 'the consent names the text by its hash')
    assert.ok(membership.given_at && membership.confirmed_at, 'given, then confirmed')
    assert.ok(Date.parse(membership.confirmed_at) >= Date.parse(membership.given_at))
    assert.equal(membership.source_widget, 'relais-signup-form')

    // And registers to the action of the week.
    const featured = page.locator('section.featured relais-event')
    const initiative = await featured.getAttribute('initiative')
    const rsvpEmail = `karim.benali.${Date.now()}@example.org`
    await featured.getByLabel('Prénom', { exact: true }).fill('Karim')
    await featured.getByLabel('Nom', { exact: true }).fill('Benali')
    await featured.getByLabel('Adresse e-mail', { exact: true }).fill(rsvpEmail)
    await featured.getByLabel('Code postal', { exact: true }).fill('75011')
    await featured.locator('#f-consent').check()
    await featured.locator('[part="submit-button"]').click()
    const registered = featured.locator('[part="success"]')
    await registered.waitFor()
    assert.match(await registered.textContent(), /Vérifiez votre boîte e-mail/)
    const before = await admin(`/v1/initiatives/${initiative}/rsvps?limit=100`)
    assert.ok(!before.data.some((rsvp) => rsvp.member.email === rsvpEmail), 'no place before the e-mail link')
    // He follows the link of the e-mail in another tab of the same browser, the demo page still
    // open: that takes the place. Chromium opens six connections at most to a host and the demo
    // page keeps one, its activity stream: with four more streams open in a third tab, the link
    // still opens, through the last one. Were the page to hold another, it would wait forever.
    const streams = await context.newPage()
    await streams.goto(`${api.info.api}/healthz`)
    const config = page.locator('relais-config')
    const stream = new URL('/v1/activity/stream', api.info.api)
    stream.searchParams.set('key', (await config.getAttribute('key')) ?? '')
    stream.searchParams.set('group', (await config.getAttribute('group')) ?? '')
    await streams.evaluate(openStreams, { url: stream.href, count: 4 })
    const inbox = await context.newPage()
    await inbox.goto(`${api.info.api}/dev/mailbox`)
    await inbox.locator('tr', { hasText: rsvpEmail }).getByRole('link').first().click()
    await followLink(inbox.locator('a[href*="/confirm"]').first())
    await inbox.getByRole('button', { name: 'Confirmer mon adresse' }).click()
    await inbox.getByRole('heading', { name: 'Merci, votre adresse est confirmée' }).waitFor()
    assert.match(await inbox.locator('main').textContent(), /Votre place à « .+ » est réservée/)
    await inbox.close()
    await streams.close()
    const rsvps = await admin(`/v1/initiatives/${initiative}/rsvps?limit=100`)
    assert.ok(
      rsvps.data.some((rsvp) => rsvp.member.email === rsvpEmail),
      'the RSVP is recorded once confirmed',
    )

    assert.deepEqual(await axeViolations(page), [], 'axe, after both forms were sent')
    await page.screenshot({ path: join(screenshots, 'demo-page-after-forms.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(screenshots, 'demo-page-phone.png'), fullPage: true })
    expectNoProblems(problems)
    await context.close()
  })
})

describe('the static example, examples/candidate-site, on another origin', () => {
  it('shows every widget with data, with a publishable key of its own origin', async () => {
    const groups = await admin('/v1/groups?near=75011&kind=section&limit=1')
    const section = groups.data[0]
    const upcoming = await admin(`/v1/initiatives?group=${section.id}&limit=1`)
    const values = {
      'https://relais.example.org': api.info.api,
      pk_live_REMPLACEZ_PAR_VOTRE_CLE: api.info.key,
      grp_REMPLACEZ_PAR_VOTRE_GROUPE: section.parent_id,
      ini_REMPLACEZ_PAR_VOTRE_ACTION: upcoming.data[0].id,
    }
    // What the README asks a webmaster to do: replace four values, nothing else.
    site = await serveFolder(exampleFolder, sitePort, (html) =>
      Object.entries(values).reduce((text, [placeholder, value]) => text.replaceAll(placeholder, value), html),
    )
    assert.notEqual(new URL(api.info.api).origin, siteOrigin)
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    })
    const { page, problems } = await watchedPage(context)
    await page.goto(`${siteOrigin}/`)
    await widgetsReady(page)
    assert.deepEqual(await axeViolations(page), [], 'axe')
    await page.screenshot({ path: join(screenshots, 'static-example.png'), fullPage: true })
    expectNoProblems(problems)
    await context.close()
  })
})
