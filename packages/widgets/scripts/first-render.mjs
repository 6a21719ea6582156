// First render of the widgets, measured in Debian's Chromium: the demo API (PGlite in a temp dir)
// serves `/`, and each of 5 cold loads (a fresh browser context, so nothing cached) measures the
// time from the loader script's request to the event list's first initiative painted, and the
// cumulative layout shift of the page. Prints the medians and writes them for bench/RESULTS.md.
//   node packages/widgets/scripts/first-render.mjs   (after pnpm --filter @relais/widgets build)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { startApi } from '../test/api-server.js'
import { launchChromium } from '../test/e2e/browser.mjs'

const loads = 5
const resultsFolder = new URL('../../api/bench/results/', import.meta.url)

// Runs in the page before its scripts: watches every shadow root of <relais-event-list> for the
// first initiative, and records the frame after it is added (when it is painted), and layout shifts.
function instrument() {
  const marks = { itemAt: undefined, cls: 0, shifted: [] }
  window.__firstRender = marks
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue
      marks.cls += entry.value
      for (const source of entry.sources ?? []) {
        const node = source.node
        const name = node?.localName ?? node?.nodeName ?? '?'
        const host = node?.getRootNode?.()?.host?.localName
        marks.shifted.push(
          `${host ? `${host} > ` : ''}${name}${node?.getAttribute?.('part') ? `[part=${node.getAttribute('part')}]` : ''}`,
        )
      }
    }
  }).observe({ type: 'layout-shift', buffered: true })
  const attach = Element.prototype.attachShadow
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init)
    if (this.localName === 'relais-event-list') {
      const seen = () => {
        if (marks.itemAt !== undefined || !root.querySelector('[part~="initiative"]')) return false
        marks.itemAt = -1
        requestAnimationFrame(() => requestAnimationFrame(() => (marks.itemAt = performance.now())))
        return true
      }
      const observer = new MutationObserver(() => seen() && observer.disconnect())
      observer.observe(root, { childList: true, subtree: true })
    }
    return root
  }
}

async function measure(browser, url) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.addInitScript(instrument)
  await page.goto(url)
  await page.waitForFunction(() => window.__firstRender.itemAt > 0, null, { timeout: 20_000 })
  await page.waitForTimeout(1000)
  const result = await page.evaluate(() => {
    const loader = performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.includes('/widgets/v1/relais.js'))
    const list = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/v1/initiatives?'))
    return {
      loaderMs: loader ? loader.responseEnd - loader.startTime : undefined,
      listRequestMs: list ? list.responseEnd - list.startTime : undefined,
      listRequestFromLoaderMs: list && loader ? list.startTime - loader.startTime : undefined,
      shifted: [...new Set(window.__firstRender.shifted)],
      fromLoaderMs: window.__firstRender.itemAt - (loader?.startTime ?? 0),
      fromNavigationMs: window.__firstRender.itemAt,
      loaderFound: Boolean(loader),
      cls: window.__firstRender.cls,
    }
  })
  await context.close()
  return result
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

if (!existsSync(new URL('../cdn/relais.js', import.meta.url))) {
  throw new Error('The API serves the built widgets: run pnpm --filter @relais/widgets build first.')
}
const api = await startApi({ pageOrigins: [] })
const browser = await launchChromium()
try {
  await measure(browser, `${api.info.api}/`) // warm-up: the API's first queries, Chromium's first start
  const runs = []
  for (let i = 0; i < loads; i++) runs.push(await measure(browser, `${api.info.api}/`))
  const fromLoader = median(runs.map((r) => r.fromLoaderMs))
  const fromNavigation = median(runs.map((r) => r.fromNavigationMs))
  const cls = median(runs.map((r) => r.cls))
  const round = (ms) => Math.round(ms)
  console.log(`loads: ${runs.map((r) => `${round(r.fromLoaderMs)} ms (CLS ${r.cls.toFixed(3)})`).join(', ')}`)
  console.log(
    `median: ${round(fromLoader)} ms from the loader's request to the first initiative painted; CLS ${cls.toFixed(3)}`,
  )
  const met = (ok) => (ok ? '✅' : '❌')
  const markdown = [
    `Run ${new Date().toISOString().slice(0, 16)}Z with \`node packages/widgets/scripts/first-render.mjs\`: the demo API (PGlite) on localhost, \`/\` opened ${loads} times in Debian Chromium (${browser.version()}), each in a fresh context (cold cache), after one warm-up load.`,
    '',
    '| Measure | Median of 5 | Each load | Target | Met |',
    '| --- | --- | --- | --- | --- |',
    `| loader script requested → first initiative of relais-event-list painted | ${round(fromLoader)} ms | ${runs.map((r) => round(r.fromLoaderMs)).join(', ')} ms | < 300 ms | ${met(fromLoader < 300)} |`,
    `| navigation start → first initiative painted | ${round(fromNavigation)} ms | ${runs.map((r) => round(r.fromNavigationMs)).join(', ')} ms | — | — |`,
    `| of which: loader script downloaded | ${round(median(runs.map((r) => r.loaderMs ?? 0)))} ms | ${runs.map((r) => round(r.loaderMs ?? 0)).join(', ')} ms | — | — |`,
    `| of which: list request (GET /v1/initiatives) sent after the loader's request / took | ${round(median(runs.map((r) => r.listRequestFromLoaderMs ?? 0)))} / ${round(median(runs.map((r) => r.listRequestMs ?? 0)))} ms | ${runs.map((r) => `${round(r.listRequestFromLoaderMs ?? 0)}/${round(r.listRequestMs ?? 0)}`).join(', ')} ms | — | — |`,
    `| cumulative layout shift | ${cls.toFixed(3)} | ${runs.map((r) => r.cls.toFixed(3)).join(', ')} | 0 | ${met(cls === 0)} |`,
    '',
    `Elements that moved (layout-shift sources): ${[...new Set(runs.flatMap((r) => r.shifted))].join(', ') || 'none'}.`,
  ].join('\n')
  mkdirSync(resultsFolder, { recursive: true })
  writeFileSync(new URL('widgets.json', resultsFolder), `${JSON.stringify({ markdown, runs }, null, 2)}\n`)
} finally {
  await browser.close()
  await api.stop()
}
