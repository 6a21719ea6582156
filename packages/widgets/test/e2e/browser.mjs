// What the end-to-end checks share: Debian's Chromium driven by playwright-core (never a downloaded
// browser), axe run inside a page whatever its Content-Security-Policy, and a static web server
// standing for a candidate's own hosting.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic'],
  })
}

/**
 * A page that records what would show up in its console as a problem: script errors, refused
 * requests, Content-Security-Policy violations.
 */
export async function watchedPage(context) {
  const page = await context.newPage()
  const problems = []
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP: ${event.violatedDirective} refused ${event.blockedURI || 'inline code'}`)
    })
  })
  return { page, problems }
}

/**
 * Clicks a link as a reader would: once the page has shown itself scrolled to it. Chromium sends
 * a click to the frame that its last shown picture has at that point; a click sent right after a
 * scroll therefore lands where the page was. When a sandboxed iframe was there (the dev mailbox's
 * HTML part, which Chromium runs in a process of its own), the click is lost: no navigation starts,
 * and the page seems to wait forever.
 */
export async function followLink(link) {
  await link.scrollIntoViewIfNeeded()
  await link.evaluate(() => new Promise((shown) => requestAnimationFrame(() => requestAnimationFrame(shown))))
  await link.click()
}

/** axe on the whole page, shadow roots included. Evaluated by the driver: the page's CSP does not apply. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] })
    return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  return violations
}

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' }

/** Serves a folder as a static host would, with `rewrite(text)` applied to its HTML files. */
export function serveFolder(folder, port, rewrite) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname
    const file = normalize(join(folder, path === '/' ? 'index.html' : path))
    const type = types[extname(file)]
    if (!file.startsWith(folder) || !type) return response.writeHead(404).end()
    try {
      const body = readFileSync(file, 'utf8')
      response.writeHead(200, { 'content-type': type }).end(type.startsWith('text/html') ? rewrite(body) : body)
    } catch {
      response.writeHead(404).end()
    }
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
