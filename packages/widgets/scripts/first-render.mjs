// First render of the widgets, measured in Debian's Chromium: the demo API (PGlite in a temp dir)
// serves `/`, and each of 7 cold loads (a fresh browser context, so nothing cached) measures the
// time from the loader script's request to the event list's first initiative painted, where that
// time goes (code, waiting for a connection, the API), and the cumulative layout shift of the page;
// then layout shifts on a phone's viewport and over the whole page, where every widget's loading
// counts (target: none at all, as in the timed viewport). Prints the medians and writes
// them to bench/results/widgets.json and to their section of bench/RESULTS.md.
//   node packages/widgets/scripts/first-render.mjs   (after pnpm --filter @relais/widgets build)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { startApi } from '../test/api-server.js'
import { launchChromium } from '../test/e2e/browser.mjs'

const loads = 7
const resultsFolder = new URL('../../api/bench/results/', import.meta.url)
const report = new URL('../../api/bench/RESULTS.md', import.meta.url)

// Runs in the page before its scripts. Records when the loader runs (it creates the `Relais`
// global), when <relais-event-list> is defined (its code arrived and ran), when its first initiative
// is added to its shadow root and the frame after (when it is painted), and layout shifts.
function instrument() {
  const marks = {
    loaderRanAt: undefined,
    definedAt: undefined,
    itemAddedAt: undefined,
    itemAt: undefined,
    cls: 0,
    shifted: [],
  }
  window.__firstRender = marks
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue
      marks.cls += entry.value
      for (const source of entry.sources ?? []) {
        const node = source.node
        const name = `${node?.localName ?? node?.nodeName ?? '?'}${node?.id ? `#${node.id}` : node?.classList?.length ? `.${node.classList[0]}` : ''}`
        const host = node?.getRootNode?.()?.host?.localName
        marks.shifted.push(
          `${host ? `${host} > ` : ''}${name}${node?.getAttribute?.('part') ? `[part=${node.getAttribute('part')}]` : ''}`,
        )
      }
    }
  }).observe({ type: 'layout-shift', buffered: true })
  customElements.whenDefined('relais-event-list').then(() => (marks.definedAt = performance.now()))
  // The loader's first statement creates the `Relais` global.
  Object.defineProperty(window, 'Relais', {
    configurable: true,
    set(value) {
      marks.loaderRanAt = performance.now()
      Object.defineProperty(window, 'Relais', { value, writable: true, configurable: true })
    },
  })
  const attach = Element.prototype.attachShadow
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init)
    if (this.localName === 'relais-event-list') {
      const seen = () => {
        if (marks.itemAt !== undefined || !root.querySelector('[part~="initiative"]')) return false
        marks.itemAt = -1
        marks.itemAddedAt = performance.now()
        requestAnimationFrame(() => requestAnimationFrame(() => (marks.itemAt = performance.now())))
        return true
      }
      const observer = new MutationObserver(() => seen() && observer.disconnect())
      observer.observe(root, { childList: true, subtree: true })
    }
    return root
  }
}

// In the page once the item is painted: every milestone in ms after the loader's request.
function milestones() {
  const resources = performance.getEntriesByType('resource')
  const find = (part) => resources.find((entry) => entry.name.includes(part))
  const loader = find('/widgets/v1/relais.js')
  const module = find('/widgets/v1/relais-event-list.js')
  const core = find('/widgets/v1/chunks/core-')
  const list = find('/v1/initiatives?')
  const zero = loader?.startTime ?? 0
  const at = (time) => (time === undefined ? undefined : time - zero)
  const api = resources.filter((entry) => new URL(entry.name).pathname.startsWith('/v1/'))
  return {
    loaderFound: Boolean(loader),
    loaderArrived: at(loader?.responseEnd),
    loaderRan: at(window.__firstRender.loaderRanAt),
    moduleRequested: at(module?.startTime),
    moduleArrived: at(module?.responseEnd),
    coreArrived: at(core?.responseEnd),
    defined: at(window.__firstRender.definedAt),
    fetchStarted: at(list?.startTime),
    fetchSent: at(list?.requestStart),
    firstByte: at(list?.responseStart),
    fetchDone: at(list?.responseEnd),
    rendered: at(window.__firstRender.itemAddedAt),
    painted: at(window.__firstRender.itemAt),
    fromNavigationMs: window.__firstRender.itemAt,
    apiBefore: api
      .filter((entry) => entry !== list && entry.startTime <= (list?.startTime ?? 0))
      .map((entry) => new URL(entry.name).pathname),
    cls: window.__firstRender.cls,
    shifted: [...new Set(window.__firstRender.shifted)],
  }
}

// The server goes on with a closed page's requests (its statistics take long on PGlite): each load
// starts once the database answers at once again, on an idle server as a visitor's would.
async function serverIdle(url) {
  for (let fast = 0, tries = 0; fast < 2 && tries < 100; tries++) {
    const started = performance.now()
    await fetch(`${url}/readyz`)
    fast = performance.now() - started < 50 ? fast + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

// Every widget of the page upgraded and done loading (no `aria-busy` placeholder left), so that the
// layout shifts counted are all of them.
const widgetsSettled = () =>
  [...document.querySelectorAll('*')]
    .filter((element) => element.localName.startsWith('relais-') && element.localName !== 'relais-config')
    .every((element) => element.shadowRoot && !element.shadowRoot.querySelector('[aria-busy="true"]'))

async function measure(browser, url, viewport = { width: 1280, height: 900 }) {
  await serverIdle(url)
  const context = await browser.newContext({ locale: 'fr-FR', viewport })
  const page = await context.newPage()
  await page.addInitScript(instrument)
  await page.goto(`${url}/`)
  await page.waitForFunction(() => window.__firstRender.itemAt > 0, null, { timeout: 20_000 })
  await page.waitForFunction(widgetsSettled, null, { timeout: 20_000 }).catch(() => {})
  await page.waitForTimeout(500)
  const result = await page.evaluate(milestones)
  await context.close()
  return result
}

// Layout stability beyond the timed viewport: a phone's, as Lighthouse's mobile run has it, and the
// whole page at once (a viewport as tall as the page), where every widget's changes count: no widget
// may move the page while it loads, wherever it is.
const stabilityViewports = [
  { name: 'phone (412 × 823, as Lighthouse)', viewport: { width: 412, height: 823 } },
  { name: 'whole page (1280 wide, 6000 tall)', viewport: { width: 1280, height: 6000 }, target: 0 },
]
const stabilityLoads = 3

const median = (values) => {
  const known = values.filter((value) => value !== undefined)
  return known.length ? [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)] : undefined
}
const round = (ms) => (ms === undefined ? '—' : Math.round(ms))

// Where the time goes, in order: each row is a milestone after the loader's request (the median of
// each milestone on its own, so rows need not add up exactly).
const steps = [
  ['loaderArrived', 'loader relais.js arrived'],
  ['loaderRan', 'loader ran'],
  ['moduleRequested', 'relais-event-list.js requested'],
  ['moduleArrived', 'relais-event-list.js arrived'],
  ['coreArrived', 'shared chunk (Lit + internals) arrived'],
  ['defined', 'relais-event-list defined (its code ran)'],
  ['fetchStarted', 'GET /v1/initiatives started (fetch called)'],
  ['fetchSent', 'GET /v1/initiatives sent (a connection was free)'],
  ['firstByte', 'GET /v1/initiatives first byte (the API answered)'],
  ['fetchDone', 'GET /v1/initiatives done'],
  ['rendered', 'first initiative in the DOM'],
  ['painted', 'first initiative painted'],
]

if (!existsSync(new URL('../cdn/relais.js', import.meta.url))) {
  throw new Error('The API serves the built widgets: run pnpm --filter @relais/widgets build first.')
}
const api = await startApi({ pageOrigins: [] })
const browser = await launchChromium()
try {
  await measure(browser, api.info.api) // warm-up: the API's first queries, Chromium's first start
  const runs = []
  for (let i = 0; i < loads; i++) runs.push(await measure(browser, api.info.api))
  const stability = []
  for (const { name, viewport } of stabilityViewports) {
    const checked = []
    for (let i = 0; i < stabilityLoads; i++) checked.push(await measure(browser, api.info.api, viewport))
    stability.push({ name, runs: checked })
  }
  const painted = median(runs.map((r) => r.painted))
  const cls = median(runs.map((r) => r.cls))
  const apiWait = median(runs.map((r) => r.firstByte - r.fetchSent))
  const connectionWait = median(runs.map((r) => r.fetchSent - r.fetchStarted))
  const each = (key) => runs.map((r) => round(r[key])).join(', ')
  console.log(`loads: ${runs.map((r) => `${round(r.painted)} ms (CLS ${r.cls.toFixed(3)})`).join(', ')}`)
  console.log('breakdown, ms after the loader was requested (median | each load):')
  for (const [key, label] of steps)
    console.log(`  ${label.padEnd(52)}${String(round(median(runs.map((r) => r[key])))).padStart(6)} | ${each(key)}`)
  console.log(
    `  of which the API (GET /v1/initiatives sent → first byte): ${round(apiWait)} ms; waiting for a connection: ${round(connectionWait)} ms`,
  )
  console.log(
    `  API requests started before the list's: ${[...new Set(runs.flatMap((r) => r.apiBefore))].join(', ') || 'none'}`,
  )
  console.log(
    `median: ${round(painted)} ms from the loader's request to the first initiative painted; CLS ${cls.toFixed(3)}`,
  )
  const met = (ok) => (ok ? '✅' : '❌')
  const stabilityRows = stability.map(({ name, runs: checked }, i) => {
    const { target } = stabilityViewports[i]
    const shift = median(checked.map((r) => r.cls))
    const sources = [...new Set(checked.flatMap((r) => r.shifted))].join(', ') || 'none'
    const goal = target === undefined ? '— | —' : `${target} | ${met(shift <= target)}`
    return `| ${name} | ${shift.toFixed(3)} | ${checked.map((r) => r.cls.toFixed(3)).join(', ')} | ${goal} | ${sources} |`
  })
  for (const row of stabilityRows) console.log(`CLS ${row.replaceAll(' |', ';').slice(2)}`)
  const markdown = [
    `Run ${new Date().toISOString().slice(0, 16)}Z with \`node packages/widgets/scripts/first-render.mjs\`: the demo API (PGlite) on localhost, \`/\` opened ${loads} times in Debian Chromium (${browser.version()}), each in a fresh context (cold cache), after one warm-up load.`,
    '',
    `| Measure | Median of ${loads} | Each load | Target | Met |`,
    '| --- | --- | --- | --- | --- |',
    `| loader script requested → first initiative of relais-event-list painted | ${round(painted)} ms | ${each('painted')} ms | < 300 ms | ${met(painted < 300)} |`,
    `| navigation start → first initiative painted | ${round(median(runs.map((r) => r.fromNavigationMs)))} ms | ${each('fromNavigationMs')} ms | — | — |`,
    `| cumulative layout shift | ${cls.toFixed(3)} | ${runs.map((r) => r.cls.toFixed(3)).join(', ')} | 0 | ${met(cls === 0)} |`,
    '',
    `Where the time goes, in ms after the loader's request (median of each milestone; of the list's request, the API took ${round(apiWait)} ms from sending to first byte, and it waited ${round(connectionWait)} ms for a connection):`,
    '',
    '| Milestone | Median | Each load |',
    '| --- | --- | --- |',
    ...steps.map(([key, label]) => `| ${label} | ${round(median(runs.map((r) => r[key])))} | ${each(key)} |`),
    '',
    `API requests started before the list's: ${[...new Set(runs.flatMap((r) => r.apiBefore))].join(', ') || 'none'}. Elements that moved (layout-shift sources): ${[...new Set(runs.flatMap((r) => r.shifted))].join(', ') || 'none'}.`,
    '',
    `Layout stability beyond the timed viewport, ${stabilityLoads} loads each (the phone's for information; over the whole page, no widget may move anything while it loads):`,
    '',
    '| Viewport | CLS, median | Each load | Target | Met | Elements that moved |',
    '| --- | --- | --- | --- | --- | --- |',
    ...stabilityRows,
  ].join('\n')
  mkdirSync(resultsFolder, { recursive: true })
  writeFileSync(new URL('widgets.json', resultsFolder), `${JSON.stringify({ markdown, runs, stability }, null, 2)}\n`)
  // The same section `pnpm bench` writes from widgets.json, replaced in place.
  if (existsSync(report)) {
    const text = readFileSync(report, 'utf8')
    const section = /(## Widgets first render\n\n)[\s\S]*?(\n\n<!-- analysis)/
    if (section.test(text))
      writeFileSync(
        report,
        text.replace(section, (_, head, tail) => `${head}${markdown}${tail}`),
      )
  }
} finally {
  await browser.close()
  await api.stop()
}
