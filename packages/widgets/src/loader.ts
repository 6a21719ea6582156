import { relaisNamespace } from './internal/namespace.js'

// The loader stays tiny: it knows the tag names and fetches a widget's code only when its tag is
// on the page, now or later (single-page apps insert tags after load).
const tags = [
  'relais-event-list',
  'relais-event',
  'relais-signup-form',
  'relais-group-finder',
  'relais-activity-feed',
  'relais-counter',
]

// The event list is a page's main content: the other widgets load once its first page is painted
// (or it failed, or after a second). An API on one database connection (the demo's PGlite) answers
// one request at a time, and a counter's statistics must not make the list wait; nor must the
// other widgets' code compete with the list's first paint for the main thread.
const lead = 'relais-event-list'

const relais = relaisNamespace()
relais.scriptOrigin ??= new URL(import.meta.url).origin
const requested = new Set<string>()
let leadShown: Promise<unknown> = Promise.resolve()

function firstPage(code: Promise<unknown>): Promise<unknown> {
  return new Promise((resolve) => {
    // The event comes before the list renders: after the next frame, it is painted.
    const painted = () => requestAnimationFrame(() => setTimeout(resolve))
    for (const event of ['relais-load', 'relais-error']) document.addEventListener(event, painted, { once: true })
    setTimeout(resolve, 1000)
    // The list writes dates with Intl, whose first formatter on a page loads its data (tens of
    // milliseconds): done while the list waits for its data, not after the data has arrived.
    code.then(() => setTimeout(() => new Intl.DateTimeFormat().format()), resolve)
  })
}

function load(tag: string) {
  if (requested.has(tag) || customElements.get(tag)) return
  requested.add(tag)
  const code = (tag === lead ? Promise.resolve() : leadShown).then(
    () => import(new URL(`./${tag}.js`, import.meta.url).href),
  )
  code.catch((error: unknown) => {
    requested.delete(tag)
    console.error(`Relais: could not load ${tag}`, error)
  })
  if (tag === lead) leadShown = firstPage(code)
}

function scan(root: ParentNode) {
  for (const tag of tags) if (root.querySelector(tag)) load(tag)
}

function watch(node: Node) {
  if (!(node instanceof Element)) return
  if (tags.includes(node.localName)) load(node.localName)
  if (node.firstElementChild) scan(node)
}

scan(document)
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) watch(node)
}).observe(document.documentElement, { childList: true, subtree: true })
