import { fetchFirstPageAhead } from './components/event-list/first-page-ahead.js'
import { relaisNamespace } from './internal/namespace.js'
import { leadChunks } from './lead-chunks.js'

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

// The event list is a page's main content: its first page is asked for as soon as its tag is found,
// along with its code, and the other widgets load once that page is painted (or it failed, or
// after a second). An API on one database connection (the demo's PGlite) answers one request at a
// time, and a counter's statistics must not make the list wait; nor must the other widgets' code
// compete with the list's first paint for the main thread.
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
    code.catch(resolve)
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
  if (tag !== lead) return
  // The chunks the list's file imports, asked for with it rather than once it has arrived.
  for (const chunk of leadChunks) import(new URL(`./${chunk}`, import.meta.url).href).catch(() => undefined)
  leadShown = firstPage(code)
  // The list writes dates with Intl, whose first formatter on a page loads its data (tens of
  // milliseconds): done once the list's code has run, while its data is on the way (when the data
  // is there first, the list's render pays it, as it would anyway).
  code.then(
    () => setTimeout(() => new Intl.DateTimeFormat().format()),
    () => undefined,
  )
}

// A list's data is asked for at once, beside its code rather than after it.
function found(element: Element) {
  if (element.localName === lead && !customElements.get(lead)) fetchFirstPageAhead(element)
  load(element.localName)
}

// Tag by tag, the list first: its code must not wait behind a counter placed above it.
function scan(root: ParentNode) {
  for (const tag of tags) for (const element of root.querySelectorAll(tag)) found(element)
}

function watch(node: Node) {
  if (!(node instanceof Element)) return
  if (tags.includes(node.localName)) found(node)
  if (node.firstElementChild) scan(node)
}

scan(document)
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) watch(node)
}).observe(document.documentElement, { childList: true, subtree: true })
